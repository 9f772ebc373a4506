import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

// The triggers that keep the 驾驶舱 roll-ups and their full recomputation cockpit_rebuild() are defined once, in
// migration 0002_rollups_in_migrations.sql.

/**
 * Recomputes every 驾驶舱 roll-up from the source tables (cockpit_rebuild(), one statement). Call it after a bulk
 * load that bypassed the triggers (`set liangqi.cockpit_rollup = 'off'`), or to repair; ordinary writes keep the
 * roll-ups right by themselves.
 */
export async function rebuildCockpitRollups(db: Db): Promise<void> {
  await db.execute(sql`select cockpit_rebuild()`);
}

/** At start: a database whose roll-ups were never filled (created before the cockpit existed) gets them rebuilt. */
export async function ensureCockpitRollups(db: Db): Promise<boolean> {
  const r = (await db.execute(
    sql`select exists (select 1 from cockpit_org_totals) as filled, exists (select 1 from orgs) as has_orgs`,
  )) as unknown as { rows: { filled: boolean; has_orgs: boolean }[] };
  if (r.rows[0].filled || !r.rows[0].has_orgs) return false;
  await rebuildCockpitRollups(db);
  return true;
}
