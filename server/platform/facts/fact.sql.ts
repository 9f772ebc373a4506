import { type SQL, sql } from 'drizzle-orm';
import type { FactRecordT } from '../../../common/facts.ts';
import { escapeLike } from '../access/scope.ts';
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

type Meta = Pick<FactDef, 'key' | 'label' | 'unit' | 'permission'>;

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

/** A count fact: the number of rows. */
export function countFact(def: Meta & { rows: (s: FactScope) => FactRows }): FactDef {
  return {
    ...def,
    kind: 'count',
    value: (ctx, s) => scalar(ctx, valueExpr('count', def.rows(s))),
    valueSql: (s) => valueExpr('count', def.rows(s)),
    records: (ctx, s, page) => pageRows(ctx, def.rows(s), page),
  };
}

/** A sum fact: the sum of the rows' `amount`, rounded to `digits` (the unit's precision). */
export function sumFact(def: Meta & { digits: number; rows: (s: FactScope) => FactRows }): FactDef {
  return {
    ...def,
    kind: 'sum',
    value: (ctx, s) => scalar(ctx, valueExpr('sum', def.rows(s), def.digits)),
    valueSql: (s) => valueExpr('sum', def.rows(s), def.digits),
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
    value: (ctx, s) => scalar(ctx, valueExpr('rate', def.rows(s), def.digits, def.scale)),
    valueSql: (s) => valueExpr('rate', def.rows(s), def.digits, def.scale),
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
 * The values of many facts for one scope: every fact with a `valueSql` in ONE statement (one round trip, one
 * snapshot), the others (figures evaluated in TypeScript) one after another. Same values as calling `value` on each.
 */
export async function factValues(ctx: Ctx, defs: readonly FactDef[], s: FactScope): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  const batched = defs.filter((f) => f.valueSql);
  if (batched.length) {
    const [row] = rowsOf(
      await ctx.db.execute(
        sql`select ${sql.join(
          batched.map((f, i) => sql`${(f.valueSql as (s: FactScope) => SQL)(s)} as ${sql.identifier(`v${i}`)}`),
          sql`, `,
        )}`,
      ),
    );
    batched.forEach((f, i) => {
      const v = row[`v${i}`];
      out.set(f.key, v === null || v === undefined ? null : Number(v));
    });
  }
  for (const f of defs) if (!f.valueSql) out.set(f.key, await f.value(ctx, s));
  return out;
}
