import type { Db } from '../../db/client.ts';
import { cstDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { evaluateBranches, loadUnits } from './cockpit.compliance.ts';

export type Tally = { branches: number; met: number; due: boolean };
export type Rates = { all: Tally; byChild: Map<string, Tally> };
type Entry = { key: string | null; value: Rates | null; running: Promise<void> | null };

const cache = new WeakMap<Db, Map<string, Entry>>();

/** Evaluates the 三会一课 compliance of the branches under `org` from the roll-ups, without the cache. */
export async function computeThreeOneRates(ctx: Ctx, org: { id: string; path: string }, year: number): Promise<Rates> {
  const [units, r] = await Promise.all([loadUnits(ctx.db, org.path, year), rules(ctx)]);
  const depth = org.path.split('/').filter(Boolean).length;
  const all: Tally = { branches: 0, met: 0, due: false };
  const byChild = new Map<string, Tally>();
  for (const b of evaluateBranches(units, r, year, ctx.now)) {
    const childId = b.path.split('/').filter(Boolean)[depth];
    const tallies = [all];
    if (childId) {
      const c = byChild.get(childId) ?? { branches: 0, met: 0, due: false };
      byChild.set(childId, c);
      tallies.push(c);
    }
    for (const x of tallies) {
      x.branches += 1;
      x.met += b.met ? 1 : 0;
      x.due ||= b.due;
    }
  }
  return { all, byChild };
}

/**
 * 三会一课 compliance of the branches under `org` (in total and per direct child), cached per org and year under the
 * subtree's roll-up `version`, the date and the rule table: the triggers bump the version on every change the rate
 * reads, so a cached rate is never reused after a write. One recomputation runs per org at a time; a request whose
 * key differs waits for it, and for another one if that was started for an older key.
 */
export async function threeOneRates(ctx: Ctx, org: { id: string; path: string }, year: number, version: number): Promise<Rates> {
  const r = await rules(ctx);
  const key = `${version}|${cstDate(ctx.now)}|${JSON.stringify(r.meetings ?? null)}|${JSON.stringify(r.org_structure?.branch ?? null)}`;
  const byOrg = cache.get(ctx.db) ?? new Map<string, Entry>();
  cache.set(ctx.db, byOrg);
  if (byOrg.size > 10_000) byOrg.clear();
  const slot = `${org.id}:${year}`;
  const e = byOrg.get(slot) ?? { key: null, value: null, running: null };
  byOrg.set(slot, e);
  while (e.key !== key || !e.value) {
    if (!e.running) {
      e.running = computeThreeOneRates(ctx, org, year)
        .then((v) => {
          e.key = key;
          e.value = v;
        })
        .finally(() => {
          e.running = null;
        });
    }
    await e.running;
  }
  return e.value;
}
