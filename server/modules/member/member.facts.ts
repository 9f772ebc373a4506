import { type SQL, sql } from 'drizzle-orm';
import { countFact, type FactRows, rollupCell } from '../../platform/facts/fact.sql.ts';
import type { FactDef, FactScope } from '../../platform/facts/fact.ts';

/** On the roll: an outgoing member stays counted until the receipt comes back. */
export const ON_ROLL_SQL = sql`m.status in ('active', 'transferring')`;

/** Members on the roll of the subtree, of the given categories. */
const memberRows =
  (categories: ('full' | 'probationary')[]) =>
  (s: FactScope): FactRows => ({
    from: sql`members m join orgs o on o.id = m.org_id`,
    where: sql`${ON_ROLL_SQL} and m.category in (${sql.join(
      categories.map((c) => sql`${c}`),
      sql`, `,
    )}) and starts_with(o.path, ${s.org.path})`,
    id: sql`m.id`,
    title: sql`m.name || case when m.category = 'full' then '（正式党员）' else '（预备党员）' end`,
    orgId: sql`o.id`,
    orgName: sql`o.name`,
    date: sql`m.joined_on`,
  });

/** Members on the roll of the subtree from its maintained totals row (cockpit_org_totals, migration 0002). */
const totals = (columns: SQL) => (s: FactScope) => rollupCell(sql`cockpit_org_totals t where t.org_id = ${s.org.id}`, columns);

/** Members on the roll: 正式, 预备 and in all. */
export const memberFacts: FactDef[] = [
  countFact({
    key: 'members.total',
    label: '党员总数',
    unit: '人',
    permission: 'cockpit:read',
    rows: memberRows(['full', 'probationary']),
    rollup: totals(sql`t.full_members + t.probationary_members`),
  }),
  countFact({
    key: 'members.full',
    label: '正式党员',
    unit: '人',
    permission: 'cockpit:read',
    rows: memberRows(['full']),
    rollup: totals(sql`t.full_members`),
  }),
  countFact({
    key: 'members.probationary',
    label: '预备党员',
    unit: '人',
    permission: 'cockpit:read',
    rows: memberRows(['probationary']),
    rollup: totals(sql`t.probationary_members`),
  }),
];
