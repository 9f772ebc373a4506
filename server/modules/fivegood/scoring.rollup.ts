// The roll-ups the 五个好 scoring reads (study entries per member, held meetings per org and month, 第一议题 relayed
// per org and topic), kept by the
// triggers of server/db/sql/003_scoring_rollups.sql; here the set-based recomputation of the same facts.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rebuildHeldMonths, rebuildTopicRelayCounts, rebuildTopicRelays } from '../meeting/held.rollup.ts';
import { rebuildStudyMinutes } from '../study/hours.rollup.ts';

/**
 * Recomputes the scoring roll-ups from the source tables in one transaction. Call it after a bulk load that bypassed
 * the triggers (`set liangqi.scoring_rollup = 'off'`), or to repair; ordinary writes keep them right by themselves.
 */
export async function rebuildScoringRollups(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table study_member_minutes, meeting_held_months, topic_relays, topic_relay_counts in exclusive mode`);
    await tx.execute(sql`delete from study_member_minutes`);
    await tx.execute(sql`delete from meeting_held_months`);
    await tx.execute(sql`delete from topic_relays`);
    await tx.execute(sql`delete from topic_relay_counts`);
    await tx.execute(rebuildStudyMinutes);
    await tx.execute(rebuildHeldMonths);
    await tx.execute(rebuildTopicRelays);
    await tx.execute(rebuildTopicRelayCounts);
  });
}

/** At start: a database with records but no roll-ups (created before they existed) gets them rebuilt. */
export async function ensureScoringRollups(db: Db): Promise<boolean> {
  const r = (await db.execute(sql`select
    (exists (select 1 from study_record_attendees) and not exists (select 1 from study_member_minutes))
    or (exists (select 1 from meetings) and not exists (select 1 from meeting_held_months)) as missing`)) as unknown as {
    rows: { missing: boolean }[];
  };
  if (!r.rows[0].missing) return false;
  await rebuildScoringRollups(db);
  return true;
}
