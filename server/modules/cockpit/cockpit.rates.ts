import { keyedCache } from '../../platform/cache.ts';
import { cstDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { evaluateBranches, loadUnits } from './cockpit.compliance.ts';

export type Tally = { branches: number; met: number; due: boolean };
export type Rates = { all: Tally; byChild: Map<string, Tally> };
const cache = keyedCache<Rates>();

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
 * 三会一课 compliance of the branches under `org` (in total and per direct child), kept (platform/cache.ts) per org and
 * year under the subtree's roll-up `version`, the date and the rule table: the triggers bump the version on every
 * change the rate reads, so a kept rate is never reused after a write.
 */
export async function threeOneRates(ctx: Ctx, org: { id: string; path: string }, year: number, version: number): Promise<Rates> {
  const r = await rules(ctx);
  const key = `${version}|${cstDate(ctx.now)}|${JSON.stringify(r.meetings ?? null)}|${JSON.stringify(r.org_structure?.branch ?? null)}`;
  return cache(ctx.db, `${org.id}:${year}`, key, () => computeThreeOneRates(ctx, org, year));
}
