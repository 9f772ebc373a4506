import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

// The same facts the triggers in server/db/sql/002_cockpit_rollups.sql maintain, recomputed set-based.
const HELD = sql.raw(`('held', 'submitted', 'returned', 'approved')`);
const CST = (col: string) => sql.raw(`((${col} AT TIME ZONE 'UTC') + interval '8 hours')`);
const MEETING_COLS = [
  'members_assembly',
  'branch_committee',
  'group_meeting',
  'party_lecture',
  'theme_day',
  'life_meeting',
  'committee_meeting',
  'central_group_study',
  'heart_talk',
] as const;
const mCols = sql.raw(MEETING_COLS.map((t) => `m_${t}`).join(', '));
const mSums = sql.raw(MEETING_COLS.map((t) => `sum(m_${t})`).join(', '));
const mPerType = sql.raw(MEETING_COLS.map((t) => `count(*) filter (where m.type = '${t}') as m_${t}`).join(', '));
const mZeros = sql.raw(MEETING_COLS.map((t) => `0 as m_${t}`).join(', '));

const rebuildMonthly = sql`
  insert into cockpit_rollups (org_id, year, month, ${mCols}, first_topics, study_minutes)
  select a.id, f.y, mm.mo, ${mSums}, sum(f.first_topics), sum(f.study_minutes)
  from (
    select m.org_id, extract(year from ${CST('m.starts_at')})::int as y, extract(month from ${CST('m.starts_at')})::int as mo,
      ${mPerType}, coalesce(sum(t.n), 0)::int as first_topics, 0::bigint as study_minutes
    from meetings m
    left join (select meeting_id, count(*)::int as n from meeting_agenda_items where kind = 'first_topic' group by meeting_id) t
      on t.meeting_id = m.id
    where m.status in ${HELD}
    group by 1, 2, 3
    union all
    select r.org_id, extract(year from r.occurred_on)::int, extract(month from r.occurred_on)::int,
      ${mZeros}, 0, sum(r.minutes::bigint * s.n)
    from study_records r
    join (select record_id, count(*) as n from study_record_attendees group by record_id) s on s.record_id = r.id
    group by 1, 2, 3
  ) f
  join orgs o on o.id = f.org_id
  cross join lateral unnest(cockpit_chain(o.path)) as a(id)
  cross join lateral (values (0), (f.mo)) as mm(mo)
  group by a.id, f.y, mm.mo`;

const rebuildTotals = sql`
  insert into cockpit_org_totals (org_id, committees, general_branches, branches, groups, full_members, probationary_members,
    transfers_open, version)
  select a.id, sum(c), sum(g), sum(b), sum(gr), sum(fm), sum(pm), sum(tr),
    -- past every version handed out before, so no cached rate computed earlier is taken for current
    (extract(epoch from clock_timestamp()) * 1000)::bigint
  from (
    select path, (type = 'committee')::int as c, (type = 'general_branch')::int as g, (type = 'branch')::int as b,
      (type = 'group')::int as gr, 0 as fm, 0 as pm, 0 as tr
    from orgs where status = 'active'
    union all
    select o.path, 0, 0, 0, 0, count(*) filter (where m.category = 'full'), count(*) filter (where m.category <> 'full'), 0
    from members m join orgs o on o.id = m.org_id
    where m.status in ('active', 'transferring') group by o.path
    union all
    select o.path, 0, 0, 0, 0, 0, 0, count(*)
    from transfers t join orgs o on o.id = coalesce(t.from_org_id, t.to_org_id)
    where t.status in ('pending', 'letter_issued') group by o.path
  ) f
  cross join lateral unnest(cockpit_chain(f.path)) as a(id)
  group by a.id`;

const rebuildOwn = sql`
  with held as (
    select m.org_id, extract(year from ${CST('m.starts_at')})::int as y, extract(month from ${CST('m.starts_at')})::int as mo,
      m.type, count(*)::int as n
    from meetings m
    where m.status in ${HELD} and m.type in ('members_assembly', 'branch_committee', 'group_meeting', 'party_lecture')
    group by 1, 2, 3, 4
  )
  insert into cockpit_own_meetings (org_id, year, type, counts)
  select k.org_id, k.y, k.type, array_agg(coalesce(c.n, 0) order by g.mo)
  from (select distinct org_id, y, type from held) k
  cross join generate_series(1, 12) as g(mo)
  left join held c on c.org_id = k.org_id and c.y = k.y and c.type = k.type and c.mo = g.mo
  group by k.org_id, k.y, k.type`;

/**
 * Recomputes every 驾驶舱 roll-up from the source tables in one transaction (set-based SQL). Call it after a bulk
 * load that bypassed the triggers (`set liangqi.cockpit_rollup = 'off'`), or to repair; ordinary writes keep the
 * roll-ups right by themselves.
 */
export async function rebuildCockpitRollups(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table cockpit_rollups, cockpit_org_totals, cockpit_own_meetings in exclusive mode`);
    await tx.execute(sql`delete from cockpit_rollups`);
    await tx.execute(sql`delete from cockpit_org_totals`);
    await tx.execute(sql`delete from cockpit_own_meetings`);
    await tx.execute(rebuildMonthly);
    await tx.execute(rebuildTotals);
    await tx.execute(rebuildOwn);
  });
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
