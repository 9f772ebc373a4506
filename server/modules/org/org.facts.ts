import { sql } from 'drizzle-orm';
import { ORG_TYPE_LABELS, ORG_TYPES, type OrgType } from '../../../common/access.ts';
import { countFact, type FactRows, rollupCell } from '../../platform/facts/fact.sql.ts';
import type { FactDef, FactScope } from '../../platform/facts/fact.ts';

/** Active orgs of the given types in the subtree (the org itself included), listed under their parent. */
const orgRows =
  (types: readonly OrgType[], enterprisesOnly = false) =>
  (s: FactScope): FactRows => ({
    from: sql`orgs o left join orgs p on p.id = o.parent_id`,
    where: sql`o.status = 'active' and o.type in (${sql.join(
      types.map((t) => sql`${t}`),
      sql`, `,
    )}) and starts_with(o.path, ${s.org.path})${enterprisesOnly ? sql` and o.is_enterprise` : sql``}`,
    id: sql`o.id`,
    title: sql`o.name`,
    orgId: sql`coalesce(p.id, o.id)`,
    orgName: sql`coalesce(p.name, o.name)`,
    date: sql`o.founded_on`,
  });

/** The subtree's active orgs by type, from its maintained totals row (cockpit_org_totals, migration 0002). */
const TOTALS_COLUMN: Record<OrgType, string> = {
  committee: 'committees',
  general_branch: 'general_branches',
  branch: 'branches',
  group: 'groups',
};
const totalsOf = (types: readonly OrgType[]) => (s: FactScope) =>
  rollupCell(
    sql`cockpit_org_totals t where t.org_id = ${s.org.id}`,
    sql.join(
      types.map((t) => sql`t.${sql.identifier(TOTALS_COLUMN[t])}`),
      sql` + `,
    ),
  );

/**
 * The org tree's figures: active orgs by type (and in all), and the enterprises (orgs marked 企业). They are on the
 * cockpit and on the home dashboard, whose reader needs only `org:read` (every cockpit reader holds it too).
 */
export const orgFacts: FactDef[] = [
  countFact({
    key: 'orgs.total',
    label: '党组织',
    unit: '个',
    permission: 'org:read',
    rows: orgRows(ORG_TYPES),
    rollup: totalsOf(ORG_TYPES),
  }),
  ...ORG_TYPES.map((t) =>
    countFact({
      key: `orgs.${t}`,
      label: ORG_TYPE_LABELS[t],
      unit: '个',
      permission: 'org:read',
      rows: orgRows([t]),
      rollup: totalsOf([t]),
    }),
  ),
  countFact({ key: 'orgs.enterprises', label: '企业', unit: '个', permission: 'org:read', rows: orgRows(ORG_TYPES, true) }),
];
