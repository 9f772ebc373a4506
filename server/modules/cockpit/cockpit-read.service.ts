import { eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { alias, type PgTable, PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { type FivegoodFigures, fivegoodJson } from './cockpit.fivegood.ts';
import { cockpitOrgTotals, cockpitRollups } from './cockpit.table.ts';

type RollupRow = typeof cockpitRollups.$inferSelect;
type TotalsRow = typeof cockpitOrgTotals.$inferSelect;
type ChildTotals = Omit<TotalsRow, 'version'>;

/** The org's roll-up rows of the year and its active direct children's: the part of a read kept between requests. */
type Rows = {
  /** the org's year row (month 0) and the month rows that exist */
  own: RollupRow[];
  totals: TotalsRow | null;
  /**
   * active direct children by sort order and name, with their year row and totals when they exist (without their
   * version, which moves without the org's rows)
   */
  children: { id: string; name: string; type: string; year: RollupRow | null; totals: ChildTotals | null }[];
};

/** What the cockpit reads of one org for a year, in one statement. */
export type CockpitRead = Rows & {
  org: { id: string; name: string; type: string; path: string };
  /** the org and its ancestors, any order */
  chain: { id: string; name: string; depth: number }[];
  /** the subtree's 三会一课 version (cockpit_org_totals.version) */
  version: number;
  fivegood: FivegoodFigures;
};

type Packed = unknown[] | null;
type Head = {
  org: CockpitRead['org'];
  chain: CockpitRead['chain'] | null;
  version: number | null;
  fivegood: FivegoodFigures;
  key: string;
};
type RawRows = {
  key: string;
  own: Packed[] | null;
  totals: Packed;
  children: { id: string; name: string; type: string; year: Packed; totals: Packed }[] | null;
};

/**
 * A row of `table` under `as` packed as a json array of its columns (but `skip`) in declaration order, null for the
 * missing row of an outer join; and the inverse. Rows cross the wire without their column names.
 */
function packer<T>(table: PgTable, skip: string[] = []) {
  const cols = Object.entries(getTableColumns(table)).filter(([k]) => !skip.includes(k));
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
const childTotals = packer<ChildTotals>(cockpitOrgTotals, ['version']);
const o = alias(orgs, 'o');
const year = sql.placeholder('year');

// The rows are read again only when the key the server holds for them is not the current one: the row versions
// (xmin, the writing transaction) of the org's year row and totals row. Every committed write that changes a row read
// here also rewrites one of those two (the triggers bump the org with its whole subtree; moves, renames and reorders
// touch its totals row), so a new key follows every write, and no write locks a row it did not lock before. The org,
// its trail, its 三会一课 version and the 五个好 figures are read every time, with the key, in the first statement; the
// rows come with the key of their own snapshot. The outer org is written `o.…` by hand: drizzle leaves selected
// columns unqualified, and a subquery's own table would capture them.
const key = sql`coalesce((select r.xmin::text from cockpit_rollups r where r.org_id = o.id and r.year = ${year} and r.month = 0),
  '-') || ':' || coalesce((select t.xmin::text from cockpit_org_totals t where t.org_id = o.id), '-')`;
const prepareHead = (db: Db) =>
  db
    .select({
      v: sql<Head>`json_build_object(
      'org', json_build_object('id', o.id, 'name', o.name, 'type', o.type, 'path', o.path),
      'chain', (select json_agg(json_build_object('id', a.id, 'name', a.name, 'depth', a.depth))
        from orgs a where a.id = any(cockpit_chain(o.path))),
      'version', (select t.version from cockpit_org_totals t where t.org_id = o.id),
      'fivegood', ${fivegoodJson(sql`o.path`, year)},
      'key', ${key})`,
    })
    .from(o)
    .where(eq(o.id, sql.placeholder('id')))
    .prepare('cockpit_head');
const prepareRows = (db: Db) =>
  db
    .select({
      v: sql<RawRows>`json_build_object(
      'key', ${key},
      'own', (select json_agg(${rollup.pack('r')}) from cockpit_rollups r where r.org_id = o.id and r.year = ${year}),
      'totals', (select ${totals.pack('t')} from cockpit_org_totals t where t.org_id = o.id),
      'children', (select json_agg(json_build_object('id', c.id, 'name', c.name, 'type', c.type,
          'year', ${rollup.pack('r')}, 'totals', ${childTotals.pack('t')}) order by c.sort_order, c.name)
        from orgs c
        left join cockpit_rollups r on r.org_id = c.id and r.year = ${year} and r.month = 0
        left join cockpit_org_totals t on t.org_id = c.id
        where c.parent_id = o.id and c.status = 'active'))`,
    })
    .from(o)
    .where(eq(o.id, sql.placeholder('id')))
    .prepare('cockpit_rows');

// prepared once per database handle (PostgreSQL plans them once per connection): the cockpit is the SASAC's landing page
const prepared = new WeakMap<Db, { head: ReturnType<typeof prepareHead>; rows: ReturnType<typeof prepareRows> }>();
const kept = new WeakMap<Db, Map<string, { key: string; rows: Rows }>>();
const json = <T>(v: T | string): T => (typeof v === 'string' ? JSON.parse(v) : v);

/**
 * The org, its ancestors, its roll-up rows of the year, its totals, every active direct child's year row and totals,
 * and the "五个好" figures, by key; null when the org does not exist. The rows are kept per org and year (outside
 * transactions) and reused while their key is current: one statement, two when the rows changed.
 */
export async function readCockpit(db: Db, orgId: string, y: number): Promise<CockpitRead | null> {
  let q = prepared.get(db);
  if (!q) {
    q = { head: prepareHead(db), rows: prepareRows(db) };
    prepared.set(db, q);
  }
  // inside a transaction a row can change twice under one xmin: nothing is kept there
  let byOrg = kept.get(db);
  if (!byOrg) {
    byOrg = new Map();
    if (!(db instanceof PgTransaction)) kept.set(db, byOrg);
  }
  const [h] = await q.head.execute({ id: orgId, year: y });
  if (!h) return null;
  const head = json(h.v);
  const slot = `${orgId}:${y}`;
  let rows = byOrg.get(slot)?.key === head.key ? byOrg.get(slot)?.rows : undefined;
  if (!rows) {
    const [r] = await q.rows.execute({ id: orgId, year: y });
    if (!r) return null;
    const v = json(r.v);
    rows = {
      own: (v.own ?? []).map(rollup.unpack).filter((x): x is RollupRow => x !== null),
      totals: totals.unpack(v.totals),
      children: (v.children ?? []).map((c) => ({ ...c, year: rollup.unpack(c.year), totals: childTotals.unpack(c.totals) })),
    };
    if (byOrg.size >= 1000) byOrg.clear();
    byOrg.set(slot, { key: v.key, rows });
  }
  return { ...rows, org: head.org, chain: head.chain ?? [], version: head.version ?? 0, fivegood: head.fivegood };
}
