import { sql } from 'drizzle-orm';
import { ORG_TYPE_LABELS, ORG_TYPES, type OrgType } from '../../../common/access.ts';
import { countFact, type FactRows, pageList } from '../../platform/facts/fact.sql.ts';
import type { FactDef, FactScope } from '../../platform/facts/fact.ts';
import { orgWarnings } from './org.warnings.service.ts';

const LEVEL_LABELS = { error: '严重', warning: '一般', notice: '提示' } as const;

/** Active orgs of the given types in the subtree (the org itself included), listed under their parent. */
const orgRows =
  (types: readonly OrgType[]) =>
  (s: FactScope): FactRows => ({
    from: sql`orgs o left join orgs p on p.id = o.parent_id`,
    where: sql`o.status = 'active' and o.type in (${sql.join(
      types.map((t) => sql`${t}`),
      sql`, `,
    )}) and starts_with(o.path, ${s.org.path})`,
    id: sql`o.id`,
    title: sql`o.name`,
    orgId: sql`coalesce(p.id, o.id)`,
    orgName: sql`coalesce(p.name, o.name)`,
    date: sql`o.founded_on`,
  });

const warnings: FactDef = {
  key: 'orgs.warnings',
  label: '组织设置预警',
  unit: '件',
  kind: 'count',
  permission: 'cockpit:read',
  value: async (ctx, s) => (await orgWarnings(ctx, { orgId: s.org.id })).length,
  records: async (ctx, s, page) => {
    const list = await orgWarnings(ctx, { orgId: s.org.id });
    const records = list.map((w) => ({
      id: `${w.orgId}:${w.code}`,
      title: `【${LEVEL_LABELS[w.level]}】${w.message}`,
      orgId: w.orgId,
      orgName: w.orgName,
      date: null,
      amount: null,
    }));
    return { ...pageList(records, page), sum: null };
  },
};

/** The org tree's figures: active orgs by type (and in all), and the establishment warnings of the subtree. */
export const orgFacts: FactDef[] = [
  countFact({ key: 'orgs.total', label: '党组织', unit: '个', permission: 'cockpit:read', rows: orgRows(ORG_TYPES) }),
  ...ORG_TYPES.map((t) =>
    countFact({ key: `orgs.${t}`, label: ORG_TYPE_LABELS[t], unit: '个', permission: 'cockpit:read', rows: orgRows([t]) }),
  ),
  warnings,
];
