import { and, asc, eq, sql } from 'drizzle-orm';
import type { OrgType } from '../../../common/access.ts';
import { CALENDAR_KEY_LABELS } from '../../../common/meeting.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { type Rules, rules } from '../../platform/rules/rules.service.ts';
import { members } from '../member/member.table.ts';
import { commonPath, subtreeTotals } from '../org/org.paths.ts';
import { loadOrgInScope } from '../org/org.service.ts';
import { type CellStatus, cellStatus, hasCommitteeOf, periodsOf, requirementsFor, worst } from './calendar.rules.ts';
import { heldByMonth } from './held-rollup.service.ts';

type OrgRow = {
  id: string;
  name: string;
  type: OrgType;
  path: string;
  parentId: string | null;
  depth: number;
  attributes: Record<string, unknown>;
  foundedOn?: string | null;
};
/** Held meetings of one org of one kind (type and 兼计 keys): counts[0..11] by CST month (periods are unions of them). */
type HeldRow = { orgId: string; type: string; countsAs: string[]; counts: number[] };

const counts = (key: string, h: Pick<HeldRow, 'type' | 'countsAs'>) =>
  h.type === key || h.countsAs.includes(key) || (key === 'party_lecture_by_secretary' && h.type === 'party_lecture');

/** A one-argument function remembered per argument. */
function memo<K, V>(f: (k: K) => V): (k: K) => V {
  const m = new Map<K, V>();
  return (k) => {
    if (!m.has(k)) m.set(k, f(k));
    return m.get(k) as V;
  };
}

/** Evaluates the rule table for each org and year: per requirement and period, how many held and the colour. */
async function evaluate(ctx: Ctx, list: OrgRow[], year: number, r: Rules) {
  const ids = list.map((o) => o.id);
  const within = commonPath(list.map((o) => o.path));
  const [held, full] = ids.length
    ? await Promise.all([
        heldByMonth(ctx.db, ids, year),
        // full members per org path, added up along the paths (a branch counts its 党小组)
        ctx.db
          .select({ path: orgs.path, n: sql<number>`count(*)::int` })
          .from(members)
          .innerJoin(orgs, eq(orgs.id, members.orgId))
          .where(and(eq(members.category, 'full'), eq(members.status, 'active'), sql`starts_with(${orgs.path}, ${within})`))
          .groupBy(orgs.path),
      ])
    : [[], []];
  const fullBy = subtreeTotals(ids, full, ['n']);
  const heldBy = new Map<string, HeldRow[]>();
  for (const h of held) {
    const l = heldBy.get(h.orgId);
    if (l) l.push(h);
    else heldBy.set(h.orgId, [h]);
  }
  // the same for every org of a type (and committee) and every requirement of a frequency
  const reqsOf = memo((k: `${OrgType}/${boolean}`) => requirementsFor(r, k.split('/')[0] as OrgType, k.endsWith('/true')));
  const periodsOfPer = memo((per: Parameters<typeof periodsOf>[0]) => periodsOf(per, year));
  return list.map((o) => {
    const mine = heldBy.get(o.id) ?? [];
    const reqs = reqsOf(`${o.type}/${hasCommitteeOf(o.attributes, fullBy.get(o.id)?.n ?? 0, r)}`);
    const foundedAt = o.foundedOn ? new Date(`${o.foundedOn}T00:00:00+08:00`) : null;
    const rows = reqs.map((q) => {
      const byMonth = new Array<number>(12).fill(0);
      for (const h of mine) if (counts(q.key, h)) for (let i = 0; i < 12; i++) byMonth[i] += h.counts[i];
      return {
        key: q.key,
        label: CALENDAR_KEY_LABELS[q.key] ?? q.name,
        per: q.per,
        minCount: q.minCount,
        periods: periodsOfPer(q.per).map((p) => {
          const n = p.months.reduce((sum, m) => sum + byMonth[m - 1], 0);
          // a period that closed before the org was founded was never due
          const founded = foundedAt && p.end <= foundedAt;
          return {
            key: p.key,
            label: p.label,
            months: p.months,
            held: n,
            status: founded ? ('grey' as const) : cellStatus(n, q.minCount, p, ctx.now),
          };
        }),
      };
    });
    const months = Array.from({ length: 12 }, (_, i) =>
      worst(rows.flatMap((x) => x.periods.filter((p) => p.months.includes(i + 1)).map((p) => p.status))),
    );
    return { org: o, rows, months };
  });
}

const orgCols = {
  id: orgs.id,
  name: orgs.name,
  type: orgs.type,
  path: orgs.path,
  parentId: orgs.parentId,
  depth: orgs.depth,
  attributes: orgs.attributes,
  foundedOn: orgs.foundedOn,
};

/** One org's compliance calendar for a year. */
export async function orgCalendar(ctx: Ctx, orgId: string, year: number) {
  const o = await loadOrgInScope(ctx, orgId);
  const [e] = await evaluate(ctx, [{ ...o, attributes: o.attributes ?? {} }], year, await rules(ctx));
  return { orgId: o.id, orgName: o.name, year, rows: e.rows, months: e.months };
}

/** The subtree as a heat map (org × month, worst colour) and the list of gaps (red, and yellow still open). */
export async function calendarHeatmap(ctx: Ctx, orgId: string, year: number) {
  const root = await loadOrgInScope(ctx, orgId);
  const list = await ctx.db
    .select(orgCols)
    .from(orgs)
    .where(and(eq(orgs.status, 'active'), sql`${orgs.path} like ${`${root.path}%`}`, scopeWhere(ctx.actor, 'meeting:read', orgs.path)))
    .orderBy(asc(orgs.depth), asc(orgs.sortOrder), asc(orgs.name))
    .limit(3000);
  const evaluated = await evaluate(ctx, list as OrgRow[], year, await rules(ctx));
  const gaps: {
    orgId: string;
    orgName: string;
    key: string;
    label: string;
    period: string;
    status: CellStatus;
    held: number;
    minCount: number;
  }[] = [];
  for (const e of evaluated)
    for (const row of e.rows)
      for (const p of row.periods)
        if (p.status === 'red' || p.status === 'yellow')
          gaps.push({
            orgId: e.org.id,
            orgName: e.org.name,
            key: row.key,
            label: row.label,
            period: p.label,
            status: p.status,
            held: p.held,
            minCount: row.minCount,
          });
  const tally = (s: CellStatus) => evaluated.filter((e) => e.months.includes(s)).length;
  return {
    orgId: root.id,
    year,
    orgs: evaluated.map((e) => ({
      orgId: e.org.id,
      name: e.org.name,
      type: e.org.type,
      parentId: e.org.parentId,
      depth: e.org.depth,
      months: e.months,
    })),
    gaps: gaps.sort((a, b) => (a.status === b.status ? 0 : a.status === 'red' ? -1 : 1)),
    summary: { orgs: evaluated.length, withRed: tally('red'), withYellow: tally('yellow') },
  };
}

export type { OrgRow };
export { evaluate as evaluateCalendar };
