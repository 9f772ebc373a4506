import { DEFAULT_TEMPLATES, type MeetingType } from '../../../common/meeting.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { type Demo, type DemoMember, type DemoOrg, insertChunked } from '../../platform/seed.ts';
import { addDays, addMonths } from '../committee/term.rules.ts';
import { meetingRules } from './meeting.rules.ts';
import { DEMO_TOPICS, FORMS, LECTURES, PROCEEDINGS, RESOLUTIONS, THEMES } from './meeting.seed.data.ts';
import { meetingAgendaItems, meetingAttendance, meetingReviews, meetings } from './meeting.table.ts';
import { firstTopics, followUps } from './topic.table.ts';

type Row = typeof meetings.$inferInsert;
const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const QN = '一二三四';

/** Plausible text for a template section (the demo's records are complete unless returned). */
function sectionText(key: string, title: string, d: Demo): string {
  const { rng } = d;
  const byKey: Record<string, string> = {
    proceedings: rng.pick(PROCEEDINGS),
    resolutions: rng.pick(RESOLUTIONS),
    decisions: rng.pick(RESOLUTIONS),
    opinions: '党员结合岗位实际提出改进服务的意见建议3条。',
    lecturer: '支部书记',
    lecture_topic: title.replace(/^.*党课：/, ''),
    lecture_summary: '从理论学习、岗位实践、作风建设三个方面讲授，结合身边先进典型，引导党员亮身份、作表率。',
    theme: title.replace(/^.*主题党日：/, ''),
    activities: `组织党员开展${title.replace(/^.*主题党日：/, '')}，全体参加党员交流了心得体会。`,
    follow_up: '形成问题清单，由组织委员跟踪落实。',
    topic: '对照“五个好”党支部标准，查摆差距，明确整改方向。',
    preparation: '会前开展集中学习2次，支委之间、支委与党员之间开展谈心谈话，征求意见建议12条。',
    self_check: '班子成员和党员逐一对照党章党规查摆问题，形成对照检查材料。',
    criticism: '支部书记带头开展自我批评，党员之间开展相互批评，做到红脸出汗、开诚布公。',
    rectification: '针对查摆出的问题建立整改台账，明确责任人和完成时限，下季度前完成整改。',
    study_topic: title,
    speeches: '班子成员结合分管工作逐一交流发言。',
    summary: '主持人要求把学习成果转化为推动企业提质增效的实际行动。',
    parties: '支部书记与党员',
    content: '了解思想、工作和生活情况，听取对支部工作的意见。',
    feedback: '对反映的困难逐一回应，能解决的当场解决。',
  };
  return byKey[key] ?? '已按要求记录。';
}

/** A year of organisational life for every demo org, its 第一议题 bank, follow-ups and reviews (one transaction, bulk inserts). */
export async function seedMeetings(d: Demo): Promise<void> {
  const { ctx, rng } = d;
  const mr = meetingRules(await rules(ctx));
  const topics = await ctx.db
    .insert(firstTopics)
    .values(
      DEMO_TOPICS.map(([title, source, monthsAgo]) => {
        const publishedOn = addDays(d.today, -Math.round(monthsAgo * 30.4));
        return {
          orgId: d.rootId,
          title,
          source,
          publishedOn,
          pushedAt: at(addDays(publishedOn, 1), 10),
          createdAt: at(publishedOn, 18),
          updatedAt: at(publishedOn, 18),
        };
      }),
    )
    .returning({ id: firstTopics.id, publishedOn: firstTopics.publishedOn });
  const latestTopic = (date: string) => topics.filter((t) => t.publishedOn < date).at(-1);

  const rows: Row[] = [];
  const agenda: (typeof meetingAgendaItems.$inferInsert)[] = [];
  const attendance: (typeof meetingAttendance.$inferInsert)[] = [];
  const reviews: (typeof meetingReviews.$inferInsert)[] = [];
  const fus: (typeof followUps.$inferInsert)[] = [];
  const recentFrom = addDays(d.today, -30);

  const add = (org: DemoOrg, type: MeetingType, date: string, title: string, people: DemoMember[], o: { countsAs?: string[] } = {}) => {
    if (!people.length) return;
    const id = crypto.randomUUID();
    const past = date < d.today;
    const host = people.find((p) => p.position === '书记') ?? people[0];
    const recorder = people.find((p) => p.position !== '书记' && p.position !== '党员') ?? people[1] ?? host;
    const status = !past
      ? 'planned'
      : date < recentFrom
        ? 'approved'
        : rng.weighted([
            ['submitted', 5],
            ['held', 4],
            ['returned', 1],
          ] as const);
    const startsAt = at(date, type === 'theme_day' ? 15 : 10);
    const sections = past ? Object.fromEntries(DEFAULT_TEMPLATES[type].sections.map((s) => [s.key, sectionText(s.key, title, d)])) : {};
    rows.push({
      id,
      orgId: org.id,
      type,
      title,
      status,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (type === 'heart_talk' ? 1 : 2) * 3_600_000),
      place: type === 'theme_day' ? '党员活动室' : '会议室',
      host: host.name,
      recorder: recorder.name,
      sections,
      countsAs: o.countsAs ?? [],
      heldAt: past ? startsAt : null,
      submittedAt: past && status !== 'held' ? at(addDays(date, 2), 9) : null,
      createdAt: at(addDays(date, -7), 9),
      updatedAt: at(past ? addDays(date, 2) : d.today, 9),
    });
    for (const p of people) {
      const s = !past
        ? 'expected'
        : rng.weighted([
            ['present', 90],
            ['leave', 7],
            ['absent', 3],
          ] as const);
      attendance.push({
        meetingId: id,
        memberId: p.id,
        status: s,
        reason: s === 'leave' ? rng.pick(['外出培训', '倒班值守', '病假', '出差']) : s === 'absent' ? '未请假' : null,
        via: s === 'present' ? 'manual' : null,
      });
    }
    const topic = latestTopic(addDays(date, -1));
    let pos = 1;
    if (mr.firstItemRequiredFor.includes(type) && topic && rng.chance(0.93)) {
      agenda.push({
        meetingId: id,
        position: pos++,
        kind: 'first_topic',
        title: '传达学习第一议题',
        topicId: topic.id,
        form: rng.pick(FORMS),
        summary: '书记领学原文，党员结合岗位实际交流学习体会，明确贯彻落实措施。',
      });
      if (type === 'committee_meeting' && past)
        for (const measure of ['制定专题学习计划并督促各支部传达到每名党员', '结合学习内容梳理本单位贯彻落实举措清单'].slice(
          0,
          rng.int(1, 2),
        )) {
          const deadline = addDays(date, 30);
          const done = deadline < d.today && rng.chance(0.85);
          fus.push({
            meetingId: id,
            orgId: org.id,
            topicId: topic.id,
            measure,
            ownerName: recorder.name,
            deadline,
            status: done ? 'done' : 'open',
            result: done ? '已按期完成并报送落实情况。' : null,
            doneAt: done ? at(addDays(deadline, -3), 17) : null,
            createdAt: startsAt,
            updatedAt: startsAt,
          });
        }
    }
    agenda.push({ meetingId: id, position: pos, kind: 'regular', title: title.replace(/^\d+月/, '') });
    if (past && status !== 'held') reviews.push({ meetingId: id, action: 'submit', byName: host.name, at: at(addDays(date, 2), 9) });
    if (status === 'approved') reviews.push({ meetingId: id, action: 'approve', byName: '上级党组织', at: at(addDays(date, 5), 11) });
    if (status === 'returned')
      reviews.push({
        meetingId: id,
        action: 'return',
        comment: '会议记录过于简略，请补充党员发言要点和议定事项的责任人。',
        byName: '上级党组织',
        at: at(addDays(date, 4), 11),
      });
  };

  const start = `${addMonths(d.today, -11).slice(0, 7)}-01`;
  const months = Array.from({ length: 13 }, (_, i) => addMonths(start, i)).filter((m) => m <= addMonths(d.today, 1));
  const within = (date: string) => date >= addDays(d.today, -366) && date <= addDays(d.today, 30);
  for (const org of d.orgs) {
    const people = d.members.filter((m) => m.branchId === org.id || m.orgId === org.id);
    const diligence = rng.weighted([
      [0.97, 6],
      [0.85, 3],
      [0.6, 1],
    ] as const);
    const fixedDay = rng.int(8, 22);
    const hasCommittee = people.filter((p) => p.category === 'full').length >= 7;
    const leaders = d.members
      .filter((m) => m.position === '书记' && d.orgs.some((b) => b.id === m.branchId && b.path.startsWith(org.path)))
      .slice(0, 9);
    for (const m of months) {
      const [y, mo] = m.split('-').map(Number);
      const day = (n: number) => `${m.slice(0, 7)}-${String(n).padStart(2, '0')}`;
      const held = (date: string) => within(date) && (date >= d.today ? date <= addDays(d.today, 21) : rng.chance(diligence));
      const q = Math.ceil(mo / 3);
      if (org.type === 'branch' || org.type === 'general_branch') {
        if (held(day(fixedDay))) add(org, 'theme_day', day(fixedDay), `${mo}月主题党日：${rng.pick(THEMES)}`, people);
        if (hasCommittee && held(day(5)))
          add(
            org,
            'branch_committee',
            day(5),
            `${mo}月支部委员会`,
            people.filter((p) => p.position !== '党员'),
          );
        if (mo % 3 === 2 && held(day(25))) add(org, 'members_assembly', day(25), `${y}年第${QN[q - 1]}季度支部党员大会`, people);
        if (mo % 3 === 0 && held(day(18))) add(org, 'party_lecture', day(18), `第${QN[q - 1]}季度党课：${rng.pick(LECTURES)}`, people);
        if (mo === 10 && held(day(16))) add(org, 'heart_talk', day(16), `${y}年谈心谈话`, people.slice(0, 4));
        if (mo === 12 && held(day(26)))
          add(org, 'life_meeting', day(26), `${y}年度组织生活会暨民主评议党员`, people, {
            countsAs: ['member_appraisal', 'benchmark_check'],
          });
      } else if (org.type === 'group') {
        if (held(day(12))) add(org, 'group_meeting', day(12), `${mo}月党小组会`, people);
      } else if (org.type === 'committee') {
        if (held(day(3))) add(org, 'committee_meeting', day(3), `${mo}月党委会`, leaders);
        if (mo % 3 === 0 && held(day(15)))
          add(org, 'central_group_study', day(15), `${y}年第${QN[q - 1]}季度理论学习中心组学习`, leaders, {
            countsAs: mo % 6 === 0 ? ['benchmark_check'] : [],
          });
        if (mo === 6 && held(day(28)))
          add(org, 'party_lecture', day(28), '党委书记讲党课：以高质量党建引领国企高质量发展', leaders, {
            countsAs: ['party_lecture_by_secretary'],
          });
      }
    }
  }
  await insertChunked(rows, 500, (c) => ctx.db.insert(meetings).values(c));
  await insertChunked(agenda, 1000, (c) => ctx.db.insert(meetingAgendaItems).values(c));
  await insertChunked(attendance, 2000, (c) => ctx.db.insert(meetingAttendance).values(c));
  await insertChunked(reviews, 1000, (c) => ctx.db.insert(meetingReviews).values(c));
  await insertChunked(fus, 1000, (c) => ctx.db.insert(followUps).values(c));
}
