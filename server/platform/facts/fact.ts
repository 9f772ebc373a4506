import type { SQL } from 'drizzle-orm';
import type { Permission } from '../../../common/access.ts';
import type { FactRecordT, FactUnit } from '../../../common/facts.ts';
import type { Ctx } from '../context.ts';

/** Where a fact is counted: an org's subtree (by materialized path) in a calendar year. */
export type FactScope = {
  org: { id: string; path: string; name: string };
  year: number;
  /** inclusive bounds of the year in CST, and the "as of" day: 31 December, or today for the current year */
  from: string;
  to: string;
  asOf: string;
};

export type FactPage = { page: number; pageSize: number; q?: string };

/**
 * A figure the platform shows, declared by the module that owns its records. `value` and `records` apply the same
 * rule over the same scope predicate: for a count fact `records().total` equals the value, for a sum fact
 * `records().sum` does (to the unit's precision); a rate's records are what its denominator counts.
 */
export type FactDef = {
  key: string;
  label: string;
  unit: FactUnit;
  kind: 'count' | 'sum' | 'rate';
  /** who may read it (and its records) */
  permission: Permission;
  value(ctx: Ctx, scope: FactScope): Promise<number | null>;
  /** the value as one SQL expression, when the fact has one (countFact, sumFact, rateFact): lets a board read many in one statement */
  valueSql?(scope: FactScope): SQL;
  /**
   * true when `value`/`valueSql` read a maintained roll-up (a few rows by key) instead of scanning the records: the
   * records stay the detail query, and the facts property test holds the two equal. A board reads the others through
   * the cache (factValues).
   */
  maintained?: boolean;
  records(ctx: Ctx, scope: FactScope, page: FactPage): Promise<{ items: FactRecordT[]; total: number; sum: number | null }>;
};
