// Test fixtures (imported by *.test.ts only): the maintained roll-ups against a full recomputation.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rebuildCockpitRollups } from './cockpit-rollup.service.ts';

type Rows = Record<string, unknown>[];

/** Non-zero roll-up rows in a stable order (a row that was bumped back to zero equals a missing one). */
export async function snapshotRollups(db: Db): Promise<{ monthly: Rows; totals: Rows; own: Rows }> {
  const q = async (text: string) => ((await db.execute(sql.raw(text))) as unknown as { rows: Rows }).rows;
  const monthly = await q(`select * from cockpit_rollups where (m_members_assembly, m_branch_committee, m_group_meeting,
    m_party_lecture, m_theme_day, m_life_meeting, m_committee_meeting, m_central_group_study, m_heart_talk, first_topics,
    study_minutes) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) order by org_id, year, month`);
  const totals = await q(`select org_id, committees, general_branches, branches, groups, full_members, probationary_members,
    transfers_open from cockpit_org_totals where (committees, general_branches, branches, groups,
    full_members, probationary_members, transfers_open) <> (0, 0, 0, 0, 0, 0, 0) order by org_id`);
  const own = await q(`select org_id, year, type, counts::text as counts from cockpit_own_meetings
    where counts <> array_fill(0, array[12]) order by org_id, year, type`);
  const norm = (rows: Rows) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
  return { monthly: norm(monthly), totals: norm(totals), own: norm(own) };
}

/**
 * Compares the maintained roll-ups with a full recomputation (then leaves the recomputed ones in place); returns
 * the maintained and recomputed snapshots for the caller to compare.
 */
export async function checkCockpitRollups(db: Db) {
  const maintained = await snapshotRollups(db);
  await rebuildCockpitRollups(db);
  const rebuilt = await snapshotRollups(db);
  return { maintained, rebuilt };
}
