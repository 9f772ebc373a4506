// Held meetings per org, year, type and 兼计 keys by CST month, as the triggers maintain them in meeting_held_months
// (migration 0002_rollups_in_migrations.sql): the 三会一课 calendar reads these rows instead of every meeting.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { meetingHeldMonths } from './held-rollup.table.ts';

/** Held meetings of `orgIds` (their own, not their subtrees') in `year`: per org, type and 兼计 keys, counts by month. */
export async function heldByMonth(db: Db, orgIds: string[], year: number) {
  if (!orgIds.length) return [];
  return db
    .select({
      orgId: meetingHeldMonths.orgId,
      type: meetingHeldMonths.type,
      countsAs: meetingHeldMonths.countsAs,
      counts: meetingHeldMonths.counts,
    })
    .from(meetingHeldMonths)
    .where(and(inArray(meetingHeldMonths.orgId, orgIds), eq(meetingHeldMonths.year, year)));
}
