// The roll-ups the 五个好 scoring reads (study entries per member, held meetings per org and month, 第一议题 relayed
// per org and topic): the triggers that keep them and their full recomputation scoring_rebuild() are defined once, in
// migration 0002_rollups_in_migrations.sql.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/**
 * Recomputes the scoring roll-ups from the source tables in one transaction. Call it after a bulk load that bypassed
 * the triggers (`set liangqi.scoring_rollup = 'off'`), or to repair; ordinary writes keep them right by themselves.
 */
export async function rebuildScoringRollups(db: Db): Promise<void> {
  await db.execute(sql`select scoring_rebuild()`);
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
