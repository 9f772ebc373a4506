import { keyedCache } from '../../platform/cache.ts';
import { cstDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { orgWarnings } from '../establishment/establishment.service.ts';

export type WarningCounts = { total: number; error: number; warning: number; notice: number; asOf: string };

const cache = keyedCache<WarningCounts>();

async function compute(ctx: Ctx, orgId: string): Promise<WarningCounts> {
  const list = await orgWarnings(ctx, { orgId });
  const n = (level: string) => list.filter((w) => w.level === level).length;
  return { total: list.length, error: n('error'), warning: n('warning'), notice: n('notice'), asOf: ctx.now.toISOString() };
}

/**
 * 组织设置预警 counts of an org's subtree, kept (platform/cache.ts) under the subtree's roll-up `version`, the date and
 * the rule table, and dropped by every write: never older than the last write.
 */
export async function warningCounts(ctx: Ctx, orgId: string, version: number): Promise<WarningCounts> {
  const key = `${version}|${cstDate(ctx.now)}|${JSON.stringify(await rules(ctx))}`;
  return cache(ctx.db, orgId, key, () => compute(ctx, orgId));
}
