import { type SQL, sql } from 'drizzle-orm';
import type { FactRecordT } from '../../../common/facts.ts';
import { escapeLike } from '../access/scope.ts';
import { keyedCache } from '../cache.ts';
import { cstDate } from '../clock.ts';
import type { Ctx } from '../context.ts';
import type { FactDef, FactPage, FactScope } from './fact.ts';

// Declaring a fact (in `server/modules/<m>/<m>.facts.ts`, listed in `<m>Facts`): write its records as FactRows (FROM,
// predicate, the record's columns) and wrap them in countFact, sumFact or rateFact; value, records, search, paging, the
// Excel export and the batched board read all follow from that one shape. A figure evaluated in TypeScript writes
// `value` and `records` itself (pageList pages an in-memory list) and must keep them on the same rule.

/**
 * The records of a fact as one SQL shape: a FROM clause (with joins), the predicate, and the expressions of a record's
 * columns. The fact's value is computed over exactly these rows, so value and records cannot disagree.
 */
export type FactRows = {
  from: SQL;
  where: SQL;
  id: SQL;
  title: SQL;
  orgId: SQL;
  orgName: SQL;
  /** YYYY-MM-DD (or null) */
  date?: SQL;
  /** what a sum fact adds up (a rate: 1/0 or the per-record figure) */
  amount?: SQL;
  /** one record per group (the columns above are then the group's keys and aggregates) */
  groupBy?: SQL;
};

type Meta = Pick<FactDef, 'key' | 'label' | 'unit' | 'permission'> & {
  /**
   * The value read from a maintained roll-up (one SQL expression, e.g. {@link rollupCell}), when one exists: the value
   * then costs a read by key and the records stay the detail rows. It must equal the value over the rows (same rounding);
   * the facts property test compares them for every fact over random orgs and years.
   */
  rollup?: (s: FactScope) => SQL;
};

/** The rows as a subquery with the record's columns (`id title org_id org_name date amount`). */
function rowsSql(r: FactRows): SQL {
  return sql`select (${r.id})::text as id, (${r.title})::text as title, (${r.orgId})::text as org_id,
    (${r.orgName})::text as org_name, (${r.date ?? sql`null`})::text as date, (${r.amount ?? sql`null`})::float8 as amount
    from ${r.from} where ${r.where}${r.groupBy ? sql` group by ${r.groupBy}` : sql``}`;
}

/** A text search over the title and the org name (LIKE, escaped). */
const searchSql = (q: string | undefined) => {
  const s = q?.trim();
  if (!s) return sql`true`;
  const like = `%${escapeLike(s)}%`;
  return sql`(r.title ilike ${like} or r.org_name ilike ${like})`;
};

type Row = { id: string; title: string; org_id: string; org_name: string; date: string | null; amount: number | string | null };
const rowsOf = (res: unknown) => (res as { rows: Record<string, unknown>[] }).rows;
const toRecord = (x: Row): FactRecordT => ({
  id: x.id,
  title: x.title,
  orgId: x.org_id,
  orgName: x.org_name,
  date: x.date,
  amount: x.amount === null ? null : Number(x.amount),
});

/** One page of the rows (newest first), with the total and the sum of `amount` over every page. */
export async function pageRows(ctx: Ctx, r: FactRows, page: FactPage) {
  const inner = rowsSql(r);
  const where = searchSql(page.q);
  const [agg] = rowsOf(
    await ctx.db.execute(sql`select count(*)::int as total, sum(r.amount)::float8 as sum from (${inner}) r where ${where}`),
  ) as { total: number; sum: number | string | null }[];
  const list = rowsOf(
    await ctx.db.execute(sql`select r.* from (${inner}) r where ${where}
      order by r.date desc nulls last, r.org_name, r.title, r.id
      limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`),
  ) as Row[];
  return { items: list.map(toRecord), total: Number(agg.total), sum: agg.sum === null ? null : Number(agg.sum) };
}

/** The value of count / sum / rate rows as one SQL expression (a scalar subquery), for batching many facts. */
function valueExpr(kind: FactDef['kind'], r: FactRows, digits = 0, scale = 1): SQL {
  const inner = rowsSql(r);
  if (kind === 'count') return sql`(select count(*)::float8 from (${inner}) r)`;
  if (kind === 'sum') return sql`(select round(coalesce(sum(r.amount), 0)::numeric, ${digits})::float8 from (${inner}) r)`;
  return sql`(select case when count(*) = 0 then null
    else round((coalesce(sum(r.amount), 0) / count(*) * ${scale})::numeric, ${digits})::float8 end from (${inner}) r)`;
}

/** Evaluates one value expression. */
async function scalar(ctx: Ctx, expr: SQL): Promise<number | null> {
  const [row] = rowsOf(await ctx.db.execute(sql`select ${expr} as v`));
  return row.v === null || row.v === undefined ? null : Number(row.v);
}

export const roundTo = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** `value` and `valueSql` of a fact: its roll-up when it declares one, else the expression over its rows. */
function values(def: Meta, overRows: (s: FactScope) => SQL): Pick<FactDef, 'value' | 'valueSql' | 'maintained'> {
  const expr = def.rollup ?? overRows;
  return { value: (ctx, s) => scalar(ctx, expr(s)), valueSql: expr, maintained: !!def.rollup };
}

/**
 * One figure of a maintained roll-up row, as a value expression: `expr` over the single row `from` selects (0 when the
 * row does not exist yet: nothing was ever counted there).
 */
export const rollupCell = (from: SQL, expr: SQL) => sql`coalesce((select (${expr})::float8 from ${from}), 0)::float8`;

/** A count fact: the number of rows. */
export function countFact(def: Meta & { rows: (s: FactScope) => FactRows }): FactDef {
  return {
    ...def,
    kind: 'count',
    ...values(def, (s) => valueExpr('count', def.rows(s))),
    records: (ctx, s, page) => pageRows(ctx, def.rows(s), page),
  };
}

/** A sum fact: the sum of the rows' `amount`, rounded to `digits` (the unit's precision). */
export function sumFact(def: Meta & { digits: number; rows: (s: FactScope) => FactRows }): FactDef {
  return {
    ...def,
    kind: 'sum',
    ...values(def, (s) => valueExpr('sum', def.rows(s), def.digits)),
    records: (ctx, s, page) => pageRows(ctx, def.rows(s), page),
  };
}

/**
 * A rate over the rows (its denominator): sum of `amount` / number of rows × `scale` (100 for %, 1 for a per-head
 * average), rounded to `digits`; null when there is no row.
 */
export function rateFact(def: Meta & { digits: number; scale: number; rows: (s: FactScope) => FactRows }): FactDef {
  return {
    ...def,
    kind: 'rate',
    ...values(def, (s) => valueExpr('rate', def.rows(s), def.digits, def.scale)),
    records: (ctx, s, page) => pageRows(ctx, def.rows(s), page),
  };
}

/** One page of records computed in memory (for figures evaluated in TypeScript), filtered and ordered as pageRows. */
export function pageList(list: FactRecordT[], page: FactPage) {
  const q = page.q?.trim().toLowerCase();
  const hit = q ? list.filter((x) => x.title.toLowerCase().includes(q) || x.orgName.toLowerCase().includes(q)) : list;
  const sorted = [...hit].sort(
    (a, b) =>
      (b.date ?? '').localeCompare(a.date ?? '') ||
      a.orgName.localeCompare(b.orgName, 'zh') ||
      a.title.localeCompare(b.title, 'zh') ||
      a.id.localeCompare(b.id),
  );
  const amounts = hit.map((x) => x.amount).filter((x): x is number => x !== null);
  return {
    items: sorted.slice((page.page - 1) * page.pageSize, page.page * page.pageSize),
    total: hit.length,
    sum: amounts.length ? amounts.reduce((s, x) => s + x, 0) : null,
  };
}

/** The subtree predicate for an org path column (materialized path prefix). */
export const inSubtree = (pathColumn: SQL, s: FactScope) => sql`starts_with(${pathColumn}, ${s.org.path})`;

/** A timestamptz's calendar date in China Standard Time, as text YYYY-MM-DD. */
export const cstDay = (at: SQL) => sql`((${at} at time zone 'UTC') + interval '8 hours')::date`;

/** A date (or CST day) expression within the scope's year. */
export const inYear = (day: SQL, s: FactScope) => sql`${day} between ${s.from}::date and ${s.to}::date`;

/**
 * The version of what the roll-ups hold for the scope: the row versions (xmin) of the org's year row and totals row,
 * which the triggers of migration 0002 rewrite on every write under the org (cockpit.read.ts keys its rows the same way).
 * Raw SQL: the platform names the roll-up tables without importing the cockpit module.
 */
const versionSql = (s: FactScope) =>
  sql`coalesce((select r.xmin::text from cockpit_rollups r where r.org_id = ${s.org.id} and r.year = ${s.year} and r.month = 0), '-')
    || ':' || coalesce((select t.xmin::text from cockpit_org_totals t where t.org_id = ${s.org.id}), '-')`;

const kept = keyedCache<number | null>();

/**
 * The values of many facts for one scope: every fact read from a maintained roll-up in ONE statement (one round trip,
 * one snapshot), with the roll-ups' version; the others (scans of their records, figures evaluated in TypeScript) are
 * kept (platform/cache.ts) per scope and date under that version, dropped by every committed write, and computed one
 * after another when not kept. Same values as calling `value` on each.
 */
export async function factValues(ctx: Ctx, defs: readonly FactDef[], s: FactScope): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  const batched = defs.filter((f) => f.valueSql && f.maintained);
  const [row] = rowsOf(
    await ctx.db.execute(
      sql`select ${sql.join(
        [
          ...batched.map((f, i) => sql`${(f.valueSql as (s: FactScope) => SQL)(s)} as ${sql.identifier(`v${i}`)}`),
          sql`${versionSql(s)} as version`,
        ],
        sql`, `,
      )}`,
    ),
  );
  batched.forEach((f, i) => {
    const v = row[`v${i}`];
    out.set(f.key, v === null || v === undefined ? null : Number(v));
  });
  const key = `${String(row.version)}|${cstDate(ctx.now)}`;
  for (const f of defs) {
    if (out.has(f.key)) continue;
    out.set(f.key, await kept(ctx.db, `${f.key}|${s.org.id}|${s.year}|${s.asOf}`, key, () => f.value(ctx, s)));
  }
  return out;
}
