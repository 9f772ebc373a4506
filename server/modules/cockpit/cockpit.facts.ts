import { sql } from 'drizzle-orm';
import type { FactRecordT } from '../../../common/facts.ts';
import type { Ctx } from '../../platform/context.ts';
import { pageList, roundTo } from '../../platform/facts/fact.sql.ts';
import type { FactDef, FactScope } from '../../platform/facts/fact.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { evaluateBranches, loadUnits } from './cockpit.compliance.ts';
import { computeThreeOneRates } from './cockpit.rates.ts';

/** Every 党支部 of the subtree with whether its 三会一课 met the rule table so far in the year (amount 1 or 0). */
async function branchRecords(ctx: Ctx, s: FactScope) {
  const [units, r] = await Promise.all([loadUnits(ctx.db, s.org.path, s.year), rules(ctx)]);
  const evaluated = evaluateBranches(units, r, s.year, ctx.now);
  const ids = evaluated.map((b) => b.id);
  const names = new Map<string, string>();
  if (ids.length) {
    const res = (await ctx.db.execute(
      sql`select id::text as id, name from orgs where id = any(${`{${ids.join(',')}}`}::uuid[])`,
    )) as unknown as { rows: { id: string; name: string }[] };
    for (const x of res.rows) names.set(x.id, x.name);
  }
  const records: FactRecordT[] = evaluated.map((b) => ({
    id: b.id,
    title: `${names.get(b.id) ?? ''}：${b.due ? (b.met ? '达标' : '未达标') : '尚无已结束的考核周期'}`,
    orgId: b.id,
    orgName: names.get(b.id) ?? '',
    date: null,
    amount: b.met ? 1 : 0,
  }));
  return { records, due: evaluated.some((b) => b.due) };
}

/**
 * 三会一课达标率: the share (%) of the subtree's 党支部 whose own 三会一课 and their 党小组's 党小组会 held the rule table's
 * minimum in every period closed so far in the year; null while no period has closed. Its records are the branches.
 */
const threeOneRate: FactDef = {
  key: 'meetings.three_one_rate',
  label: '三会一课达标率',
  unit: '%',
  kind: 'rate',
  permission: 'cockpit:read',
  // the same evaluation as the records (evaluateBranches), without reading the branches' names
  value: async (ctx, s) => {
    const { all } = await computeThreeOneRates(ctx, s.org, s.year);
    if (!all.due || all.branches === 0) return null;
    return roundTo((all.met / all.branches) * 100, 1);
  },
  records: async (ctx, s, page) => pageList((await branchRecords(ctx, s)).records, page),
};

export const cockpitFacts: FactDef[] = [threeOneRate];
