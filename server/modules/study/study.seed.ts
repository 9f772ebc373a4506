import { type Demo, type DemoMember, type DemoOrg, demoOrg, insertChunked } from '../../platform/seed.ts';
import { addDays } from '../committee/term.rules.ts';
import { studyMaterials, studyReadingSessions } from './material.table.ts';
import { studyPlanItems, studyPlans } from './plan.table.ts';
import { scoreAttempt } from './quiz.rules.ts';
import { studyAttempts, studyQuestions, studyQuizzes } from './quiz.table.ts';
import { studyAttendees, studyRecords } from './record.table.ts';
import { DEMO_CLASS_TOPICS, DEMO_MATERIALS, DEMO_QUESTIONS, DEMO_STUDY_TOPICS, DEMO_TEAMS } from './study.seed.data.ts';

const at = (date: string, hour: number, minute = 0) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
type Rec = typeof studyRecords.$inferInsert & { id: string };
type Att = typeof studyAttendees.$inferInsert;
/** Branch committee members study more (56 h a year): their 支委会 studies too. */
const LEADER_POSITIONS = new Set(['书记', '副书记', '组织委员', '宣传委员', '纪检委员', '委员']);

const under = (d: Demo, o: DemoOrg) => d.members.filter((m) => d.orgs.find((x) => x.id === m.orgId)?.path.startsWith(o.path));

/** Collective study: a monthly 集中学习 per branch (most members present) and a half-day training each quarter. */
function branchStudy(d: Demo, recs: Rec[], atts: Att[]) {
  const branches = d.orgs.filter((o) => o.type === 'branch');
  for (const b of branches) {
    const people = d.members.filter((m) => m.branchId === b.id);
    if (!people.length) continue;
    for (let back = 11; back >= 0; back--) {
      const day = addDays(d.today, -back * 30 - d.rng.int(3, 20));
      if (day > d.today) continue;
      const [title, theme] = DEMO_STUDY_TOPICS[(12 + Number(day.slice(5, 7)) - 1) % 12];
      const r: Rec = {
        id: crypto.randomUUID(),
        orgId: b.id,
        form: 'meeting_study',
        title,
        theme,
        lecturer: '支部书记',
        occurredOn: day,
        minutes: d.rng.pick([100, 120, 120]),
        createdAt: at(day, 18),
      };
      recs.push(r);
      for (const m of people) if (d.rng.chance(0.92)) atts.push({ recordId: r.id, memberId: m.id, via: 'list', at: at(day, 18) });
      const leaders = people.filter((m) => LEADER_POSITIONS.has(m.position));
      if (leaders.length) {
        const c: Rec = {
          id: crypto.randomUUID(),
          orgId: b.id,
          form: 'meeting_study',
          title: `支委会学习：${title}`,
          theme,
          occurredOn: addDays(day, 1),
          minutes: 120,
          createdAt: at(addDays(day, 1), 18),
        };
        if (c.occurredOn <= d.today) {
          recs.push(c);
          for (const m of leaders)
            if (d.rng.chance(0.95)) atts.push({ recordId: c.id, memberId: m.id, via: 'list', at: at(c.occurredOn, 18) });
        }
      }
      if (back % 3 === 1) {
        const t: Rec = {
          id: crypto.randomUUID(),
          orgId: b.id,
          form: 'centralized_training',
          title: `${title}集中培训`,
          theme,
          lecturer: '州委党校讲师',
          occurredOn: addDays(day, 2),
          minutes: 240,
          span: 'half_day',
          createdAt: at(addDays(day, 2), 18),
        };
        if (t.occurredOn > d.today) continue;
        recs.push(t);
        for (const m of people)
          if (d.rng.chance(0.85)) atts.push({ recordId: t.id, memberId: m.id, via: 'list', at: at(t.occurredOn, 18) });
      }
    }
  }
}

/** 州园林宾馆: 班组10分钟课堂 by team, about weekly, recorded by the team leader with QR check-ins. */
function teamClasses(d: Demo, recs: Rec[], atts: Att[]) {
  const hotel = demoOrg(d, '州园林宾馆党总支');
  for (const b of d.orgs.filter((o) => o.parentId === hotel.id)) {
    const people = d.members.filter((m) => m.branchId === b.id);
    const teams = DEMO_TEAMS[b.name] ?? ['综合班组'];
    for (let day = addDays(d.today, -360); day <= d.today; day = addDays(day, d.rng.int(5, 9))) {
      const teamName = d.rng.pick(teams);
      const lecturer = d.rng.pick(people);
      const r: Rec = {
        id: crypto.randomUUID(),
        orgId: b.id,
        form: 'team_micro_class',
        title: d.rng.pick(DEMO_CLASS_TOPICS),
        theme: 'business',
        lecturer: lecturer.name,
        teamName,
        occurredOn: day,
        minutes: 10,
        checkinUntil: at(day, 10),
        createdAt: at(day, 8, 10),
      };
      recs.push(r);
      for (const m of people)
        if (m.id === lecturer.id || d.rng.chance(0.5))
          atts.push({ recordId: r.id, memberId: m.id, via: m.id === lecturer.id ? 'list' : 'qr', at: at(day, 8, 12) });
    }
  }
}

/** 自学 with a short 心得 by some members, a few times a year. */
function selfStudy(d: Demo, recs: Rec[], atts: Att[]) {
  for (const m of d.members) {
    if (!d.rng.chance(0.4)) continue;
    for (let i = d.rng.int(1, 4); i > 0; i--) {
      const day = addDays(d.today, -d.rng.int(1, 330));
      const [title, theme] = d.rng.pick(DEMO_STUDY_TOPICS);
      const r: Rec = {
        id: crypto.randomUUID(),
        orgId: m.orgId,
        form: 'self_study',
        title: `自学：${title}`,
        theme,
        occurredOn: day,
        minutes: d.rng.pick([30, 45, 60, 90]),
        reflection: '通过学习进一步坚定了理想信念，要结合岗位职责，立足本职做好服务保障工作。',
        createdAt: at(day, 21),
      };
      recs.push(r);
      atts.push({ recordId: r.id, memberId: m.id, via: 'self', at: at(day, 21) });
    }
  }
}

/** 线上学习: reading sessions; 州电信公司's members read on their phones often ("指尖上的学习"), others now and then. */
function reading(d: Demo, materials: { id: string; publishedAt: Date }[], telecomIds: Set<string>) {
  const rows: (typeof studyReadingSessions.$inferInsert)[] = [];
  for (const m of d.members) {
    const n = telecomIds.has(m.id) ? d.rng.int(18, 30) : d.rng.chance(0.6) ? d.rng.int(1, 6) : 0;
    for (let i = 0; i < n; i++) {
      const mat = d.rng.pick(materials);
      const start = new Date(mat.publishedAt.getTime() + d.rng.int(1, 200) * 86_400_000 + d.rng.int(0, 600) * 60_000);
      if (start.getTime() > at(d.today, 20).getTime()) continue;
      const secs = d.rng.int(6, 28) * 60;
      rows.push({
        materialId: mat.id,
        memberId: m.id,
        startedAt: start,
        lastBeatAt: new Date(start.getTime() + secs * 1000 + 60_000),
        creditedSeconds: secs,
        endedAt: new Date(start.getTime() + secs * 1000 + 60_000),
      });
    }
  }
  return rows;
}

/** A year of theory study: materials, plans, every form of study with attendees, reading, a quiz a quarter with results. */
export async function seedStudy(d: Demo): Promise<void> {
  const { ctx, rng } = d;
  const materials = await ctx.db
    .insert(studyMaterials)
    .values(
      DEMO_MATERIALS.map(([title, theme, paras], i) => {
        const on = at(addDays(d.today, -350 + i * 34), 10);
        return {
          orgId: d.rootId,
          title,
          theme,
          bodyHtml: paras.map((p) => `<p>${p}</p>`).join(''),
          maxCreditMinutes: 30,
          publishedAt: on,
          updatedAt: on,
        };
      }),
    )
    .returning({ id: studyMaterials.id, publishedAt: studyMaterials.publishedAt });

  const year = Number(d.today.slice(0, 4));
  const [plan] = await ctx.db
    .insert(studyPlans)
    .values({
      orgId: d.rootId,
      year,
      title: `${year}年度州国资系统党员理论学习计划`,
      createdAt: at(`${year}-01-05`, 10),
      updatedAt: at(`${year}-01-05`, 10),
    })
    .returning();
  await ctx.db.insert(studyPlanItems).values(
    DEMO_STUDY_TOPICS.map(([title, theme], i) => ({
      planId: plan.id,
      month: i + 1,
      theme,
      form: 'meeting_study' as const,
      title,
      responsible: '支部书记',
      pushed: true,
      createdAt: at(`${year}-01-05`, 10),
    })),
  );
  const hotel = demoOrg(d, '州园林宾馆党总支');
  const [hp] = await ctx.db
    .insert(studyPlans)
    .values({
      orgId: hotel.id,
      year,
      title: `${year}年度班组10分钟课堂计划`,
      createdAt: at(`${year}-01-08`, 10),
      updatedAt: at(`${year}-01-08`, 10),
    })
    .returning();
  await ctx.db.insert(studyPlanItems).values(
    Array.from({ length: 12 }, (_, i) => ({
      planId: hp.id,
      month: i + 1,
      theme: 'business' as const,
      form: 'team_micro_class' as const,
      title: DEMO_CLASS_TOPICS[i % DEMO_CLASS_TOPICS.length],
      responsible: '各班组长',
      pushed: true,
      createdAt: at(`${year}-01-08`, 10),
    })),
  );

  const recs: Rec[] = [];
  const atts: Att[] = [];
  branchStudy(d, recs, atts);
  teamClasses(d, recs, atts);
  selfStudy(d, recs, atts);
  await insertChunked(recs, 500, (c) => ctx.db.insert(studyRecords).values(c));
  await insertChunked(atts, 2000, (c) => ctx.db.insert(studyAttendees).values(c));
  const telecom = new Set(under(d, demoOrg(d, '州电信公司党委')).map((m: DemoMember) => m.id));
  await insertChunked(reading(d, materials, telecom), 1000, (c) => ctx.db.insert(studyReadingSessions).values(c));

  const questions = await ctx.db
    .insert(studyQuestions)
    .values(
      DEMO_QUESTIONS.map(([kind, stem, options, answer, theme, explanation]) => ({
        orgId: d.rootId,
        kind,
        stem,
        options,
        answer,
        tags: [theme],
        explanation,
        createdAt: at(addDays(d.today, -360), 9),
      })),
    )
    .returning();
  const attempts: (typeof studyAttempts.$inferInsert)[] = [];
  for (let q = 0; q < 4; q++) {
    const opens = at(addDays(d.today, -330 + q * 90), 9);
    const picked = questions.filter((_, i) => (i + q) % 2 === 0 || i % 4 === q);
    const [quiz] = await ctx.db
      .insert(studyQuizzes)
      .values({
        orgId: d.rootId,
        title: `第${'一二三四'[q]}季度党章党规与理论知识测试`,
        timeLimitMinutes: 20,
        questionIds: picked.map((x) => x.id),
        opensAt: opens,
        closesAt: new Date(opens.getTime() + 30 * 86_400_000),
        createdAt: opens,
      })
      .returning();
    for (const m of d.members) {
      if (!rng.chance(telecom.has(m.id) ? 0.95 : 0.7)) continue;
      const start = new Date(opens.getTime() + rng.int(0, 25) * 86_400_000 + rng.int(0, 600) * 60_000);
      if (start > ctx.now) continue;
      const given = Object.fromEntries(picked.map((x) => [x.id, rng.chance(0.82) ? x.answer : [rng.int(0, x.options.length - 1)]]));
      const s = scoreAttempt(
        picked.map((x) => ({ id: x.id, answer: x.answer })),
        given,
      );
      attempts.push({
        quizId: quiz.id,
        memberId: m.id,
        startedAt: start,
        deadline: new Date(start.getTime() + 20 * 60_000),
        submittedAt: new Date(start.getTime() + rng.int(6, 18) * 60_000),
        answers: picked.map((x) => given[x.id]),
        correct: s.correct,
        total: picked.length,
        score: s.score,
      });
    }
  }
  await insertChunked(attempts, 1000, (c) => ctx.db.insert(studyAttempts).values(c));
}
