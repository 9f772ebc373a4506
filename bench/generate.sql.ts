// The year of activity of the bench data, generated inside the database (set-based INSERT … SELECT over
// generate_series, deterministic: every choice is a hash of the row's identity, never random()): meetings with
// attendance and the 第一议题 as agenda item 1, and study records with their attendee. The rows are those the
// meeting and study services write for an approved meeting and a recorded study.
import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import type { Scale } from './scales.ts';

/** A non-negative 28-bit integer from the md5 of a text expression. */
const h = (expr: string) => `('x' || substr(md5(${expr}), 1, 7))::bit(28)::int`;
const UUID = /^[0-9a-f-]{36}$/;

const FORMS = [
  ['self_study', 30, null, '个人自学'],
  ['self_study', 45, null, '个人自学'],
  ['self_study', 60, null, '个人自学'],
  ['online', 20, null, '网上学习'],
  ['online', 30, null, '网上学习'],
  ['online', 40, null, '网上学习'],
  ['meeting_study', 90, null, '支部集中学习'],
  ['meeting_study', 120, null, '支部集中学习'],
  ['team_micro_class', 10, null, '班组10分钟课堂'],
  ['centralized_training', 480, 'full_day', '党员集中培训'],
] as const;
const arr = (i: number) =>
  `(array[${FORMS.map((f) => (f[i] === null ? 'null' : typeof f[i] === 'number' ? f[i] : `'${f[i]}'`)).join(',')}])`;

/** Meetings, attendance, agenda items and study records for the branches under `rootId`, enterprise by enterprise. */
export async function generateActivity(
  db: Db,
  rootId: string,
  enterpriseIds: string[],
  scale: Scale,
  now: Date,
  log: (s: string) => void = () => {},
) {
  if (!UUID.test(rootId) || !enterpriseIds.every((e) => UUID.test(e))) throw new Error('bench ids must be uuids');
  const at = `'${now.toISOString()}'::timestamptz`;
  const run = async (text: string) => {
    const t0 = Date.now();
    const r = await db.execute(sql.raw(text));
    if (process.env.BENCH_SQL_TIMES) log(`${Date.now() - t0} ms ${text.slice(0, 40)}`);
    return r;
  };
  await run(`create temp table bench_topics as select org_id, id, title,
    (row_number() over (partition by org_id order by id))::int as n from first_topics`);
  await run('create index on bench_topics (org_id, n)');
  for (const table of ['orgs', 'members', 'first_topics']) await run(`analyze ${table}`);
  await run('create temp table bench_topic_counts as select org_id, count(*)::int as c from bench_topics group by org_id');
  const chunk = Math.max(1, Math.round(200 / scale.branchesPerEnterprise));
  for (let i = 0; i < enterpriseIds.length; i += chunk) {
    const ents = enterpriseIds
      .slice(i, i + chunk)
      .map((e) => `'${e}'::uuid`)
      .join(',');
    // meetings of the last 365 days, the five kinds in turn, approved
    await run(`insert into meetings (id, org_id, type, title, status, starts_at, ends_at, place, host, recorder, held_at,
        submitted_at, created_at, updated_at)
      select md5('m' || b.id || '/' || k)::uuid, b.id,
        (array['members_assembly','branch_committee','group_meeting','party_lecture','theme_day'])[1 + (k - 1) % 5],
        extract(month from s.at at time zone 'UTC')::int || '月组织生活', 'approved', s.at, s.at + interval '2 hours',
        '党员活动室', '支部书记', '组织委员', s.at, s.at, s.at, s.at
      from orgs b cross join generate_series(1, ${scale.meetingsPerBranch}) k
      cross join lateral (select ${at} - (1 + ${h(`'d' || b.id || k`)} % 365) * interval '1 day'
        - (${h(`'h' || b.id || k`)} % 9) * interval '1 hour' as at) s
      where b.parent_id in (${ents}) and b.type = 'branch'`);
    // 应到: the whole branch; a 支委会 its 书记 and 委员; a 党小组会 one group; 90 % present
    await run(`insert into meeting_attendance (meeting_id, member_id, status, via)
      select m.id, mem.id, case when ${h(`'a' || m.id || mem.id`)} % 10 = 0 then 'leave' else 'present' end, 'manual'
      from orgs b join meetings m on m.org_id = b.id join orgs g on g.parent_id = b.id join members mem on mem.org_id = g.id
      where b.parent_id in (${ents}) and b.type = 'branch'
        and (m.type <> 'branch_committee' or mem.position <> '党员')
        and (m.type <> 'group_meeting' or g.sort_order = 1 + ${h(`'g' || m.id`)} % ${scale.groupsPerBranch})`);
    // 第一议题: a topic of the enterprise (two in three) or of the SASAC
    await run(`insert into meeting_agenda_items (id, meeting_id, position, kind, title, topic_id, form)
      select md5('i' || m.id)::uuid, m.id, 1, 'first_topic', t.title, t.id, '集中学习'
      from orgs b join meetings m on m.org_id = b.id
      join bench_topic_counts tc on tc.org_id = case when ${h(`'p' || m.id`)} % 3 = 0 then '${rootId}'::uuid else b.parent_id end
      join bench_topics t on t.org_id = tc.org_id and t.n = 1 + ${h(`'t' || m.id`)} % tc.c
      where b.parent_id in (${ents}) and b.type = 'branch'`);
    // study: each member's own records of the year (自学, 网上, 集中学习, 班组课堂, 全天培训)
    const studied = `from orgs b join orgs g on g.parent_id = b.id join members mem on mem.org_id = g.id
      cross join generate_series(1, ${scale.studyPerMember}) k
      cross join lateral (select 1 + ${h(`'f' || mem.id || k`)} % ${FORMS.length} as f) c
      where b.parent_id in (${ents}) and b.type = 'branch'`;
    await run(`insert into study_records (id, org_id, form, title, occurred_on, minutes, span, created_at)
      select md5('s' || mem.id || '/' || k)::uuid, mem.org_id, ${arr(0)}[c.f], ${arr(3)}[c.f],
        (${at} - (1 + ${h(`'o' || mem.id || k`)} % 365) * interval '1 day')::date, ${arr(1)}[c.f], ${arr(2)}[c.f], ${at}
      ${studied}`);
    await run(`insert into study_record_attendees (record_id, member_id, via, at)
      select md5('s' || mem.id || '/' || k)::uuid, mem.id, 'self', ${at} ${studied}`);
    if ((i / chunk) % 10 === 0)
      if ((i / chunk) % 4 === 0)
        // fresh statistics as the tables grow, else the planner keeps the plans of empty tables (nested scans)
        for (const table of ['meetings', 'meeting_attendance', 'study_records', 'orgs', 'members']) await run(`analyze ${table}`);
    log(`activity: enterprises ${i + 1}–${Math.min(i + chunk, enterpriseIds.length)} of ${enterpriseIds.length}`);
  }
  const count = async (table: string) =>
    Number(((await run(`select count(*)::int as n from ${table}`)) as unknown as { rows: { n: number }[] }).rows[0].n);
  await run('drop table bench_topics');
  await run('drop table bench_topic_counts');
  return {
    meetings: await count('meetings'),
    attendance: await count('meeting_attendance'),
    agendaItems: await count('meeting_agenda_items'),
    studyRecords: await count('study_records'),
  };
}
