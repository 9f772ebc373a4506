import { sql } from 'drizzle-orm';
import type { FactRecordT } from '../../../common/facts.ts';
import type { Ctx } from '../../platform/context.ts';
import { type FactRows, inYear, pageList, rateFact, rollupCell, sumFact } from '../../platform/facts/fact.sql.ts';
import type { FactDef, FactScope } from '../../platform/facts/fact.ts';
import { perMemberHours, toHours } from './hours.rules.ts';
import { hoursUnder } from './hours.service.ts';

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

type Account = Awaited<ReturnType<typeof hoursUnder>>[number];

/** The members of the 学时汇总 (学时统计) as records, those `pick` keeps; `amount` their 学时 when `withHours`. */
async function accountRecords(ctx: Ctx, s: FactScope, pick: (x: Account) => boolean, withHours: boolean) {
  const list = (await hoursUnder(ctx, s.org.path, s.year)).filter(pick);
  const records: FactRecordT[] = list.map(({ p, a }) => ({
    id: p.id,
    title: `${p.name}：${toHours(a.totalMinutes)} / ${a.requiredHours} 学时`,
    orgId: p.orgId,
    orgName: p.orgName,
    date: null,
    amount: withHours ? a.totalMinutes / 60 : null,
  }));
  return { list, records };
}

/** A count over the 学时汇总's members (evaluated in TypeScript by the 学时 rules). */
const accountCount = (key: string, label: string, pick: (x: Account) => boolean): FactDef => ({
  key,
  label,
  unit: '人',
  kind: 'count',
  permission: 'study:read',
  value: async (ctx, s) => (await accountRecords(ctx, s, pick, false)).list.length,
  records: async (ctx, s, page) => ({ ...pageList((await accountRecords(ctx, s, pick, false)).records, page), sum: null }),
});

/** 学时 counted by the study-hour rules (caps per form, 学时统计), of the members on the roll of the subtree. */
const creditedHours: FactDef = {
  key: 'study.credited_hours',
  label: '学时（按学时规则计）',
  unit: '学时',
  kind: 'sum',
  permission: 'study:read',
  value: async (ctx, s) => toHours((await hoursUnder(ctx, s.org.path, s.year)).reduce((n, x) => n + x.a.totalMinutes, 0)),
  records: async (ctx, s, page) => pageList((await accountRecords(ctx, s, () => true, true)).records, page),
};

/** 人均学时 of the 学时汇总: 学时 by the study-hour rules over the members on the roll; its records are the members. */
const creditedPerMember: FactDef = {
  key: 'study.credited_hours_per_member',
  label: '人均学时（按学时规则计）',
  unit: '学时',
  kind: 'rate',
  permission: 'study:read',
  value: async (ctx, s) => {
    const list = await hoursUnder(ctx, s.org.path, s.year);
    return perMemberHours(
      list.reduce((n, x) => n + x.a.totalMinutes, 0),
      list.length,
    );
  },
  records: async (ctx, s, page) => pageList((await accountRecords(ctx, s, () => true, true)).records, page),
};

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
  // the 学时汇总 (学时统计 page): members, their 学时, who met the requirement, who is behind pace
  accountCount('study.members', '学时统计党员', () => true),
  creditedHours,
  creditedPerMember,
  accountCount('study.members_met', '学时已达标党员', (x) => x.a.met),
  accountCount('study.members_behind', '学时进度落后党员', (x) => x.behind),
];
