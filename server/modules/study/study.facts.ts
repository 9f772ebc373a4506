import { sql } from 'drizzle-orm';
import { type FactRows, inYear, rateFact, rollupCell, sumFact } from '../../platform/facts/fact.sql.ts';
import type { FactDef, FactScope } from '../../platform/facts/fact.ts';

/**
 * Study hours belong to the member (domain.md §6): each attendance of a study record in the year is credited to the
 * ATTENDEE's own org and its ancestors, whichever org recorded the session. An attendance counts the record's
 * duration (学习记录时长 × 参学人数 in all).
 */
const attendanceRows = (s: FactScope): FactRows => ({
  from: sql`study_record_attendees a join study_records r on r.id = a.record_id join members m on m.id = a.member_id
    join orgs o on o.id = m.org_id`,
  where: sql`starts_with(o.path, ${s.org.path}) and ${inYear(sql`r.occurred_on`, s)}`,
  id: sql`a.record_id::text || ':' || a.member_id::text`,
  title: sql`m.name || '：' || r.title`,
  orgId: sql`o.id`,
  orgName: sql`o.name`,
  date: sql`r.occurred_on`,
  amount: sql`r.minutes / 60.0`,
});

/** Members on the roll of the subtree, each with the hours of their own attendances in the year (one row per member). */
const perMemberRows = (s: FactScope): FactRows => ({
  from: sql`members m join orgs o on o.id = m.org_id
    left join study_record_attendees a on a.member_id = m.id
    left join study_records r on r.id = a.record_id and ${inYear(sql`r.occurred_on`, s)}`,
  where: sql`m.status in ('active', 'transferring') and starts_with(o.path, ${s.org.path})`,
  groupBy: sql`m.id, m.name, o.id, o.name`,
  id: sql`m.id`,
  title: sql`m.name`,
  orgId: sql`o.id`,
  orgName: sql`o.name`,
  date: sql`null`,
  amount: sql`coalesce(sum(r.minutes), 0) / 60.0`,
});

/**
 * Hours per member on the roll from the roll-ups: the subtree's 人·分钟 (every attendee whose org lies in it) less the
 * minutes of its attendees no longer on the roll, over the members on the roll (cockpit_org_totals); null without any.
 * Only the off-roll members' attendances are read from the detail tables.
 */
const perMemberRollup = (s: FactScope) => sql`(select case when n.v = 0 then null
    else round((coalesce((select r.study_minutes from cockpit_rollups r
        where r.org_id = ${s.org.id} and r.year = ${s.year} and r.month = 0), 0)
      - (select coalesce(sum(sr.minutes), 0) from members m join orgs o on o.id = m.org_id
          join study_record_attendees a on a.member_id = m.id join study_records sr on sr.id = a.record_id
          where m.status not in ('active', 'transferring') and starts_with(o.path, ${s.org.path})
            and ${inYear(sql`sr.occurred_on`, s)}))::numeric / 60 / n.v, 2)::float8 end
  from (select coalesce((select t.full_members + t.probationary_members from cockpit_org_totals t
    where t.org_id = ${s.org.id}), 0) as v) n)`;

/** Study figures: hours in all (by attendee) and per member on the roll. */
export const studyFacts: FactDef[] = [
  sumFact({
    key: 'study.hours',
    label: '学习时长',
    unit: '小时',
    permission: 'cockpit:read',
    digits: 1,
    rows: attendanceRows,
    // 人·分钟 credited to the attendee's org and its ancestors (cockpit_rollups month 0, migration 0002)
    rollup: (s) =>
      rollupCell(
        sql`cockpit_rollups r where r.org_id = ${s.org.id} and r.year = ${s.year} and r.month = 0`,
        sql`round(r.study_minutes::numeric / 60, 1)`,
      ),
  }),
  rateFact({
    key: 'study.hours_per_member',
    label: '人均学习时长',
    unit: '小时',
    permission: 'cockpit:read',
    digits: 2,
    scale: 1,
    rows: perMemberRows,
    rollup: perMemberRollup,
  }),
];
