// Held meetings per org, year, type and 兼计 keys by CST month, as the triggers maintain them in meeting_held_months
// (server/db/sql/003_scoring_rollups.sql): the 三会一课 calendar reads these rows instead of every meeting.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { meetingHeldMonths } from './held.rollup.table.ts';

const HELD = sql.raw(`('held', 'submitted', 'returned', 'approved')`);
const MONTHS = sql.raw(Array.from({ length: 12 }, (_, i) => `count(*) filter (where mo = ${i + 1})::int`).join(', '));

/** Recomputes meeting_held_months from the meetings (after a bulk load with the triggers off, or to repair). */
export const rebuildHeldMonths = sql`
  insert into meeting_held_months (org_id, year, type, counts_as, counts)
  select org_id, y, type, counts_as, array[${MONTHS}]
  from (
    select org_id, type, counts_as, extract(year from ts)::int as y, extract(month from ts)::int as mo
    from (select *, (starts_at at time zone 'UTC') + interval '8 hours' as ts from meetings where status in ${HELD}) m
  ) x
  group by org_id, y, type, counts_as`;

/** Recomputes topic_relays from the meetings and their agendas. */
export const rebuildTopicRelays = sql`
  insert into topic_relays (year, org_id, topic_id, n)
  select extract(year from (m.starts_at at time zone 'UTC') + interval '8 hours')::int, m.org_id, i.topic_id, count(*)::int
  from meeting_agenda_items i join meetings m on m.id = i.meeting_id
  where i.kind = 'first_topic' and i.topic_id is not null and m.status in ${HELD}
  group by 1, 2, 3`;

/** Recomputes topic_relay_counts from topic_relays and the topics (after rebuildTopicRelays). */
export const rebuildTopicRelayCounts = sql`
  insert into topic_relay_counts (year, org_id, topic_org_id, pushed_year, topics)
  select r.year, r.org_id, t.org_id,
    case when t.pushed_at is not null then extract(year from t.published_on)::int else 0 end, count(*)::int
  from topic_relays r join first_topics t on t.id = r.topic_id
  where r.n > 0
  group by 1, 2, 3, 4`;

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
