import { eq } from 'drizzle-orm';
import { users } from '../../platform/auth/user.table.ts';
import { defaultRules } from '../../platform/rules/rules.service.ts';
import { type Agent, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildUser } from '../../test/factories.ts';
import { branchIn, buildMember } from '../member/member.factory.ts';
import { checkinToken } from './class.service.ts';
import { hoursRules } from './hours.rules.ts';
import { studyMaterials, studyReadingSessions } from './material.table.ts';
import { studyPlanItems, studyPlans } from './plan.table.ts';
import { studyAttempts, studyQuestions, studyQuizzes } from './quiz.table.ts';
import { studyAttendees, studyRecords } from './record.table.ts';

/** A member of `orgId` with an account (role member) linked to the member record, logged in. */
export async function memberAgent(t: TestApp, orgId: string, name?: string): Promise<Agent & { memberId: string }> {
  const m = await buildMember(t, orgId, name ? { name } : {});
  const u = await buildUser(t, { roles: [{ role: 'member', orgId }] });
  await t.db.update(users).set({ memberId: m.id }).where(eq(users.id, u.id));
  const a = await login(t, u.username, TEST_PASSWORD);
  return Object.assign(a, { memberId: m.id });
}

/** A published material of `orgId`, written directly; returns its id. */
export async function materialIn(t: TestApp, orgId: string, o: { maxCreditMinutes?: number } = {}): Promise<string> {
  const now = t.clock();
  const [m] = await t.db
    .insert(studyMaterials)
    .values({
      orgId,
      title: '学习资料',
      theme: 'party_rules',
      bodyHtml: '<p>党章</p>',
      maxCreditMinutes: o.maxCreditMinutes ?? 30,
      publishedAt: now,
      updatedAt: now,
    })
    .returning();
  return m.id;
}

/** A 集中学习 record in a branch inside `orgId` with one fresh member attending; returns its id. */
export async function recordIn(t: TestApp, orgId: string): Promise<string> {
  const branch = await branchIn(t, orgId);
  const m = await buildMember(t, branch);
  const [r] = await t.db
    .insert(studyRecords)
    .values({ orgId: branch, form: 'centralized_training', title: '集中学习', occurredOn: '2026-02-20', minutes: 90, createdAt: t.clock() })
    .returning();
  await t.db.insert(studyAttendees).values({ recordId: r.id, memberId: m.id, via: 'list', at: t.clock() });
  return r.id;
}

/** Links account `userId` to a fresh member inside `orgId` and returns the member id (null without a caller). */
export async function selfIn(t: TestApp, userId: string | null, orgId: string): Promise<string | null> {
  if (!userId) return null;
  const m = await buildMember(t, await branchIn(t, orgId));
  await t.db.update(users).set({ memberId: m.id }).where(eq(users.id, userId));
  return m.id;
}

/** An open reading session of the caller (linked to a fresh member in `orgId`) on a fresh material; a random id without a caller. */
export async function readingSessionFor(t: TestApp, userId: string | null, orgId: string): Promise<string> {
  const memberId = await selfIn(t, userId, orgId);
  if (!memberId) return crypto.randomUUID();
  const materialId = await materialIn(t, orgId);
  const [s] = await t.db
    .insert(studyReadingSessions)
    .values({ materialId, memberId, startedAt: t.clock(), lastBeatAt: t.clock() })
    .returning();
  return s.id;
}

/** A 班组课堂 open for QR check-in in `orgId`, and its signed token (the caller linked to a member there). */
export async function classTokenFor(t: TestApp, userId: string | null, orgId: string): Promise<string> {
  await selfIn(t, userId, orgId);
  const [r] = await t.db
    .insert(studyRecords)
    .values({
      orgId,
      form: 'team_micro_class',
      title: '班组课堂',
      occurredOn: '2026-03-01',
      minutes: 10,
      checkinUntil: new Date(t.clock().getTime() + 3_600_000),
      createdAt: t.clock(),
    })
    .returning();
  return checkinToken(t.sys(), r.id);
}

/** A valid body for PUT /api/study/rules: the rules in force by default. */
export function studyRulesBody() {
  const r = hoursRules(defaultRules());
  const forms = Object.fromEntries(
    Object.entries(r.forms).map(([k, f]) => [k, { counts: f.counts, rate: f.rate, capHours: f.capHours, minMinutes: f.minMinutes }]),
  );
  return { memberHours: r.memberHours, leaderHours: r.leaderHours, forms };
}

/** A single-choice question in `orgId`'s bank; returns its id. */
export async function questionIn(t: TestApp, orgId: string): Promise<string> {
  const [q] = await t.db
    .insert(studyQuestions)
    .values({
      orgId,
      kind: 'single',
      stem: '党的根本宗旨是？',
      options: ['全心全意为人民服务', '发展经济'],
      answer: [0],
      createdAt: t.clock(),
    })
    .returning();
  return q.id;
}

/** An open quiz of `orgId` with one question; returns its id. */
export async function quizIn(t: TestApp, orgId: string): Promise<string> {
  const qid = await questionIn(t, orgId);
  const now = t.clock().getTime();
  const [z] = await t.db
    .insert(studyQuizzes)
    .values({
      orgId,
      title: '测试',
      timeLimitMinutes: 30,
      questionIds: [qid],
      opensAt: new Date(now - 3_600_000),
      closesAt: new Date(now + 86_400_000),
      createdAt: t.clock(),
    })
    .returning();
  return z.id;
}

/** An attempt of the caller (linked to a fresh member in `orgId`) on a fresh quiz; submitted when asked. */
export async function attemptFor(t: TestApp, userId: string | null, orgId: string, submitted: boolean): Promise<string> {
  const memberId = await selfIn(t, userId, orgId);
  if (!memberId) return crypto.randomUUID();
  const quizId = await quizIn(t, orgId);
  const now = t.clock();
  const [a] = await t.db
    .insert(studyAttempts)
    .values({
      quizId,
      memberId,
      startedAt: now,
      deadline: new Date(now.getTime() + 1_800_000),
      total: 1,
      ...(submitted ? { submittedAt: now, answers: [[0]], correct: 1, score: 100 } : {}),
    })
    .returning();
  return a.id;
}

let planYear = 2200;

/** A fresh annual plan of `orgId` (a year past those users may enter, so plans never collide); returns its id. */
export async function planIn(t: TestApp, orgId: string): Promise<string> {
  const [p] = await t.db
    .insert(studyPlans)
    .values({ orgId, year: ++planYear, title: '学习计划', createdAt: t.clock(), updatedAt: t.clock() })
    .returning();
  return p.id;
}

/** An item of a fresh plan of `orgId`; returns its id. */
export async function planItemIn(t: TestApp, orgId: string): Promise<string> {
  const planId = await planIn(t, orgId);
  const [i] = await t.db
    .insert(studyPlanItems)
    .values({ planId, month: 3, theme: 'party_history', form: 'centralized_training', title: '党史学习', createdAt: t.clock() })
    .returning();
  return i.id;
}
