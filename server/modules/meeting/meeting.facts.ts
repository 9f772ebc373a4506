import { type SQL, sql } from 'drizzle-orm';
import { THREE_ONE_TYPES } from '../../../common/cockpit.ts';
import { MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingType } from '../../../common/meeting.ts';
import { countFact, cstDay, type FactRows, inYear, rateFact, rollupCell } from '../../platform/facts/fact.sql.ts';
import type { FactDef, FactScope } from '../../platform/facts/fact.ts';

/** A meeting counts as held once it took place: held, submitted for review, returned or approved. */
export const HELD_SQL = (m: string) => sql`${sql.raw(m)}.status in ('held', 'submitted', 'returned', 'approved')`;

const types = (list: readonly MeetingType[]) =>
  sql.join(
    list.map((t) => sql`${t}`),
    sql`, `,
  );

/** Held meetings of the given types at orgs of the subtree, in the year (by their start, CST). */
const meetingRows =
  (list: readonly MeetingType[]) =>
  (s: FactScope): FactRows => ({
    from: sql`meetings m join orgs o on o.id = m.org_id`,
    where: sql`${HELD_SQL('m')} and m.type in (${types(list)}) and starts_with(o.path, ${s.org.path})
      and ${inYear(cstDay(sql`m.starts_at`), s)}`,
    id: sql`m.id`,
    title: sql`m.title`,
    orgId: sql`o.id`,
    orgName: sql`o.name`,
    date: cstDay(sql`m.starts_at`),
  });

/** 第一议题: the first agenda item (position 1) of a held meeting, when it is a 第一议题 (domain.md §5.2). */
const firstTopicRows = (s: FactScope): FactRows => ({
  from: sql`meeting_agenda_items a join meetings m on m.id = a.meeting_id join orgs o on o.id = m.org_id`,
  where: sql`a.kind = 'first_topic' and a.position = 1 and ${HELD_SQL('m')} and starts_with(o.path, ${s.org.path})
    and ${inYear(cstDay(sql`m.starts_at`), s)}`,
  id: sql`a.id`,
  title: sql`a.title || '（' || m.title || '）'`,
  orgId: sql`o.id`,
  orgName: sql`o.name`,
  date: cstDay(sql`m.starts_at`),
});

/**
 * The 第一议题 studied (as agenda item 1 of a held meeting of the subtree in the year, as {@link firstTopicRows}): one
 * record per topic (the 第一议题台账's 涉及议题), under the org that published it.
 */
const studiedTopicRows = (s: FactScope): FactRows => ({
  from: sql`meeting_agenda_items a join meetings m on m.id = a.meeting_id join orgs o on o.id = m.org_id
    join first_topics t on t.id = a.topic_id join orgs po on po.id = t.org_id`,
  where: sql`a.kind = 'first_topic' and a.position = 1 and ${HELD_SQL('m')} and starts_with(o.path, ${s.org.path})
    and ${inYear(cstDay(sql`m.starts_at`), s)}`,
  groupBy: sql`t.id, t.title, t.published_on, po.id, po.name`,
  id: sql`t.id`,
  title: sql`t.title`,
  orgId: sql`po.id`,
  orgName: sql`po.name`,
  date: sql`t.published_on`,
});

/**
 * The item-1 studies of a 第一议题 (as {@link firstTopicRows}), each with the days from the topic's publication to the
 * meeting's day (CST) as `amount`: the 第一议题台账's 平均间隔 is their average.
 */
const lagRows = (s: FactScope): FactRows => ({
  from: sql`meeting_agenda_items a join meetings m on m.id = a.meeting_id join orgs o on o.id = m.org_id
    join first_topics t on t.id = a.topic_id`,
  where: sql`a.kind = 'first_topic' and a.position = 1 and ${HELD_SQL('m')} and starts_with(o.path, ${s.org.path})
    and ${inYear(cstDay(sql`m.starts_at`), s)}`,
  id: sql`a.id`,
  title: sql`t.title || '（' || m.title || '，间隔 ' || (${cstDay(sql`m.starts_at`)} - t.published_on)::text || ' 天）'`,
  orgId: sql`o.id`,
  orgName: sql`o.name`,
  date: cstDay(sql`m.starts_at`),
  amount: sql`${cstDay(sql`m.starts_at`)} - t.published_on`,
});

/**
 * 第一议题 落实措施: the follow-ups of a 第一议题 studied as agenda item 1 of a held meeting of the subtree in the year
 * (the 第一议题台账's 落实措施); `which` keeps them all, the done ones, or the open ones past their deadline as of the
 * scope's day.
 */
const followUpRows =
  (which: 'all' | 'done' | 'overdue') =>
  (s: FactScope): FactRows => ({
    from: sql`meeting_follow_ups f join meetings m on m.id = f.meeting_id join orgs o on o.id = m.org_id
      join meeting_agenda_items a on a.meeting_id = m.id and a.position = 1 and a.kind = 'first_topic'
        and a.topic_id = f.topic_id`,
    where: sql`${HELD_SQL('m')} and starts_with(o.path, ${s.org.path}) and ${inYear(cstDay(sql`m.starts_at`), s)}${
      which === 'done'
        ? sql` and f.status = 'done'`
        : which === 'overdue'
          ? sql` and f.status = 'open' and f.deadline < ${s.asOf}::date`
          : sql``
    }`,
    id: sql`f.id`,
    title: sql`f.measure || '（' || a.title || '，' || f.owner_name || '，' || f.deadline::text || ' 前）'`,
    orgId: sql`o.id`,
    orgName: sql`o.name`,
    date: sql`f.deadline`,
  });
/** A figure of the subtree's maintained year row (cockpit_rollups month 0, migration 0002). */
const yearRow = (expr: SQL) => (s: FactScope) =>
  rollupCell(sql`cockpit_rollups r where r.org_id = ${s.org.id} and r.year = ${s.year} and r.month = 0`, expr);
/** Held meetings of the given types in the year row (one column `m_<type>` per type). */
const heldIn = (list: readonly MeetingType[]) =>
  yearRow(
    sql.join(
      list.map((t) => sql`r.${sql.identifier(`m_${t}`)}`),
      sql` + `,
    ),
  );

/** Meetings held in the year: by type, 三会一课 in all, and the 第一议题 relayed first on the agenda. */
export const meetingFacts: FactDef[] = [
  countFact({
    key: 'meetings.all',
    label: '会议',
    unit: '次',
    permission: 'cockpit:read',
    rows: meetingRows(MEETING_TYPES),
    rollup: heldIn(MEETING_TYPES),
  }),
  countFact({
    key: 'meetings.three_one',
    label: '三会一课',
    unit: '次',
    permission: 'cockpit:read',
    rows: meetingRows(THREE_ONE_TYPES),
    rollup: heldIn(THREE_ONE_TYPES),
  }),
  ...MEETING_TYPES.map((t) =>
    countFact({
      key: `meetings.${t}`,
      label: MEETING_TYPE_LABELS[t],
      unit: '次',
      permission: 'cockpit:read',
      rows: meetingRows([t]),
      rollup: heldIn([t]),
    }),
  ),
  // on the cockpit and on the 第一议题台账 (meeting:read, which every cockpit reader holds)
  countFact({
    key: 'meetings.first_topic',
    label: '第一议题学习',
    unit: '次',
    permission: 'meeting:read',
    rows: firstTopicRows,
    rollup: yearRow(sql`r.first_topics`),
  }),
  countFact({
    key: 'meetings.first_topic_topics',
    label: '第一议题涉及议题',
    unit: '个',
    permission: 'meeting:read',
    rows: studiedTopicRows,
  }),
  rateFact({
    key: 'meetings.first_topic_lag',
    label: '第一议题平均间隔',
    unit: '天',
    permission: 'meeting:read',
    digits: 1,
    scale: 1,
    rows: lagRows,
  }),
  countFact({
    key: 'meetings.first_topic_follow_ups',
    label: '第一议题落实措施',
    unit: '项',
    permission: 'meeting:read',
    rows: followUpRows('all'),
  }),
  countFact({
    key: 'meetings.first_topic_follow_ups_done',
    label: '第一议题落实措施已完成',
    unit: '项',
    permission: 'meeting:read',
    rows: followUpRows('done'),
  }),
  countFact({
    key: 'meetings.first_topic_follow_ups_overdue',
    label: '第一议题落实措施已逾期',
    unit: '项',
    permission: 'meeting:read',
    rows: followUpRows('overdue'),
  }),
];
