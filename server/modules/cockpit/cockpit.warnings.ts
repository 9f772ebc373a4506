import type { Db } from '../../db/client.ts';
import { cstDate, minutes } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { orgWarnings } from '../establishment/establishment.service.ts';

export type WarningCounts = { total: number; error: number; warning: number; notice: number; asOf: string };
type Entry = { at: number; value: WarningCounts | null; running: Promise<WarningCounts> | null };

/** How long a subtree's establishment-warning count is served before it is recomputed in the background. */
const FRESH_MS = minutes(5);
const cache = new WeakMap<Db, Map<string, Entry>>();

async function compute(ctx: Ctx, orgId: string): Promise<WarningCounts> {
  const list = await orgWarnings(ctx, { orgId });
  const n = (level: string) => list.filter((w) => w.level === level).length;
  return { total: list.length, error: n('error'), warning: n('warning'), notice: n('notice'), asOf: ctx.now.toISOString() };
}

/**
 * 组织设置预警 counts of an org's subtree. They depend on the date and the rule table as well as on writes, so they
 * are computed by the org module and kept for a few minutes per org: a stale count is answered at once while a
 * fresh one is computed (one computation per org at a time), so the cockpit never waits on a region-wide scan twice.
 */
export async function warningCounts(ctx: Ctx, orgId: string): Promise<WarningCounts> {
  const byOrg = cache.get(ctx.db) ?? new Map<string, Entry>();
  cache.set(ctx.db, byOrg);
  if (byOrg.size > 10_000) byOrg.clear();
  const key = `${orgId}:${cstDate(ctx.now)}`;
  const e = byOrg.get(key) ?? { at: 0, value: null, running: null };
  byOrg.set(key, e);
  if (!e.running && ctx.now.getTime() - e.at >= FRESH_MS) {
    e.running = compute(ctx, orgId).then(
      (v) => {
        Object.assign(e, { at: ctx.now.getTime(), value: v, running: null });
        return v;
      },
      (err) => {
        e.running = null;
        throw err;
      },
    );
    if (e.value) e.running.catch(() => {});
  }
  return e.value ?? (e.running as Promise<WarningCounts>);
}
