import { eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { alias, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { orgs } from '../org/org.table.ts';
import { type FivegoodFigures, fivegoodJson } from './cockpit.fivegood.ts';
import { cockpitOrgTotals, cockpitRollups } from './cockpit.table.ts';

type RollupRow = typeof cockpitRollups.$inferSelect;
type TotalsRow = typeof cockpitOrgTotals.$inferSelect;

/** What the cockpit reads of one org for a year, all in one statement. */
export type CockpitRead = {
  org: { id: string; name: string; type: string; path: string };
  /** the org and its ancestors, any order */
  chain: { id: string; name: string; depth: number }[];
  /** the org's year row (month 0) and the month rows that exist */
  own: RollupRow[];
  totals: TotalsRow | null;
  /** active direct children by sort order and name, with their year row and totals when they exist */
  children: { id: string; name: string; type: string; year: RollupRow | null; totals: TotalsRow | null }[];
  fivegood: FivegoodFigures;
};

type Packed = unknown[] | null;
type Raw = {
  org: CockpitRead['org'];
  chain: CockpitRead['chain'] | null;
  own: Packed[] | null;
  totals: Packed;
  children: { id: string; name: string; type: string; year: Packed; totals: Packed }[] | null;
  fivegood: FivegoodFigures;
};

/**
 * A row of `table` under `as` packed as a json array of its columns in declaration order (null for the missing row
 * of an outer join), and the inverse: rows cross the wire without their column names.
 */
function packer<T>(table: PgTable) {
  const cols = Object.entries(getTableColumns(table));
  return {
    pack: (as: string): SQL =>
      sql`case when ${sql.identifier(as)}.${sql.identifier(cols[0][1].name)} is null then null else json_build_array(${sql.join(
        cols.map(([, c]) => sql`${sql.identifier(as)}.${sql.identifier(c.name)}`),
        sql`, `,
      )}) end`,
    unpack: (v: Packed): T | null => (v ? (Object.fromEntries(cols.map(([k], i) => [k, v[i]])) as T) : null),
  };
}

const rollup = packer<RollupRow>(cockpitRollups);
const totals = packer<TotalsRow>(cockpitOrgTotals);
const o = alias(orgs, 'o');
const year = sql.placeholder('year');

// the outer org is written `o.…` by hand: drizzle leaves selected columns unqualified, and a subquery's own table
// would capture them
const prepareRead = (db: Db) =>
  db
    .select({
      v: sql<Raw>`json_build_object(
      'org', json_build_object('id', o.id, 'name', o.name, 'type', o.type, 'path', o.path),
      'chain', (select json_agg(json_build_object('id', a.id, 'name', a.name, 'depth', a.depth))
        from orgs a where a.id = any(cockpit_chain(o.path))),
      'own', (select json_agg(${rollup.pack('r')}) from cockpit_rollups r where r.org_id = o.id and r.year = ${year}),
      'totals', (select ${totals.pack('t')} from cockpit_org_totals t where t.org_id = o.id),
      'children', (select json_agg(json_build_object('id', c.id, 'name', c.name, 'type', c.type,
          'year', ${rollup.pack('r')}, 'totals', ${totals.pack('t')}) order by c.sort_order, c.name)
        from orgs c
        left join cockpit_rollups r on r.org_id = c.id and r.year = ${year} and r.month = 0
        left join cockpit_org_totals t on t.org_id = c.id
        where c.parent_id = o.id and c.status = 'active'),
      'fivegood', ${fivegoodJson(sql`o.path`, year)})`,
    })
    .from(o)
    .where(eq(o.id, sql.placeholder('id')))
    .prepare('cockpit_read');

// prepared once per database handle: the cockpit is the SASAC's landing page, so one round trip and no planning
const prepared = new WeakMap<Db, ReturnType<typeof prepareRead>>();

/**
 * The org, its ancestors, its roll-up rows of the year, its totals, every active direct child's year row and totals,
 * and the "五个好" figures, all by key in one statement; null when the org does not exist.
 */
export async function readCockpit(db: Db, orgId: string, y: number): Promise<CockpitRead | null> {
  let q = prepared.get(db);
  if (!q) {
    q = prepareRead(db);
    prepared.set(db, q);
  }
  const [row] = await q.execute({ id: orgId, year: y });
  if (!row) return null;
  const v = (typeof row.v === 'string' ? JSON.parse(row.v) : row.v) as Raw;
  return {
    org: v.org,
    chain: v.chain ?? [],
    own: (v.own ?? []).map(rollup.unpack).filter((x): x is RollupRow => x !== null),
    totals: totals.unpack(v.totals),
    children: (v.children ?? []).map((c) => ({ ...c, year: rollup.unpack(c.year), totals: totals.unpack(c.totals) })),
    fivegood: v.fivegood,
  };
}
