// What the 五个好 data sources share: the batch of branches being scored and the shape of a finding.
import { sql } from 'drizzle-orm';
import type { Indicator } from '../../../common/fivegood.ts';
import { type Org, orgs } from '../../platform/access/org.table.ts';
import { escapeLike } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';

export type SourceEvidence = { title: string; link: string | null; ok: boolean };
/** What a data source found in the assessed year: a ratio of attainment (0–1), a one-line measure and the records. */
export type SourceFinding = { ratio: number; measure: string; evidence: SourceEvidence[] };
/** The branches being scored, the year, whether the records behind each finding are wanted, their shared path. */
export type Batch = { ctx: Ctx; targets: Org[]; year: number; evidence: boolean; within: string };
/** A data source: loads for the whole batch, then answers per branch and indicator. */
export type Source = (b: Batch) => Promise<(org: Org, ind: Indicator) => SourceFinding>;

export const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Limits `orgs.path` to the batch's subtrees (an index-friendly prefix match). */
export const withinBatch = (b: Batch) => sql`${orgs.path} like ${`${escapeLike(b.within)}%`}`;

/** Rows grouped by a key, in their order. */
export function group<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}
