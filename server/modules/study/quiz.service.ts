import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { QuizCreate } from '../../../common/study.ts';
import { inScope } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { members } from '../member/member.table.ts';
import { scoreAttempt } from './quiz.rules.ts';
import { type StudyQuiz, studyAttempts, studyQuestions, studyQuizzes } from './quiz.table.ts';
import { mustExist, studyOrg } from './study-access.service.ts';

const out = (q: StudyQuiz, orgName: string, attempts = 0) => ({
  id: q.id,
  orgId: q.orgId,
  orgName,
  title: q.title,
  timeLimitMinutes: q.timeLimitMinutes,
  passScore: q.passScore,
  questionCount: q.questionIds.length,
  opensAt: q.opensAt.toISOString(),
  closesAt: q.closesAt.toISOString(),
  attempts,
});

/** Publishes a quiz to the subtree of `orgId` from questions of the bank the caller sees or that the org inherits. */
export async function createQuiz(ctx: Ctx, input: QuizCreate) {
  const o = await studyOrg(ctx, input.orgId);
  const ids = [...new Set(input.questionIds)];
  const qs = await ctx.db
    .select({ id: studyQuestions.id, path: orgs.path, active: studyQuestions.active })
    .from(studyQuestions)
    .innerJoin(orgs, eq(orgs.id, studyQuestions.orgId))
    .where(inArray(studyQuestions.id, ids));
  const usable = qs.filter((q) => q.active && (inScope(ctx.actor, 'study:read', q.path) || o.path.startsWith(q.path)));
  if (usable.length !== ids.length) throw invalid(`有 ${ids.length - usable.length} 道题不在可用题库中或已停用，请重新选择`);
  return withTx(ctx, async (tx) => {
    const [q] = await tx.db
      .insert(studyQuizzes)
      .values({
        ...input,
        questionIds: ids,
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        createdBy: ctx.actor?.userId ?? null,
        createdAt: ctx.now,
      })
      .returning();
    await audit(tx, {
      action: 'study.quiz.create',
      objectType: 'study_quiz',
      objectId: q.id,
      orgId: o.id,
      orgPath: o.path,
      detail: { title: q.title, questions: ids.length },
    });
    return out(q, o.name);
  });
}

const submittedCount = sql<number>`(select count(*)::int from study_quiz_attempts a where a.quiz_id = "study_quizzes"."id" and a.submitted_at is not null)`;

/** Quizzes published in the caller's scope, newest first, with the number of answer sheets handed in. */
export async function listQuizzes(ctx: Ctx, q: { orgId?: string }) {
  const base = q.orgId ? await studyOrg(ctx, q.orgId) : null;
  const rows = await ctx.db
    .select({ q: studyQuizzes, orgName: orgs.name, n: submittedCount })
    .from(studyQuizzes)
    .innerJoin(orgs, eq(orgs.id, studyQuizzes.orgId))
    .where(and(scopeWhere(ctx.actor, 'study:read', orgs.path), base ? sql`${orgs.path} like ${`${base.path}%`}` : undefined))
    .orderBy(desc(studyQuizzes.opensAt))
    .limit(500);
  return rows.map((r) => out(r.q, r.orgName, Number(r.n)));
}

/**
 * 测试结果: each member's score among the attempts the caller may see, per org (members reached, handed in, average,
 * passed), and per question the share answered wrongly, so that the weak points of the study show.
 */
export async function quizResults(ctx: Ctx, id: string) {
  const [r] = await ctx.db
    .select({ q: studyQuizzes, orgName: orgs.name, orgPath: orgs.path })
    .from(studyQuizzes)
    .innerJoin(orgs, eq(orgs.id, studyQuizzes.orgId))
    .where(eq(studyQuizzes.id, id));
  mustExist(r, '测试');
  const attempts = await ctx.db
    .select({ a: studyAttempts, name: members.name, orgId: orgs.id, orgName: orgs.name })
    .from(studyAttempts)
    .innerJoin(members, eq(members.id, studyAttempts.memberId))
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(eq(studyAttempts.quizId, id), isNotNull(studyAttempts.submittedAt), scopeWhere(ctx.actor, 'study:read', orgs.path)))
    .orderBy(desc(studyAttempts.score));
  const byOrg = new Map<string, { orgId: string; name: string; handedIn: number; passed: number; scoreSum: number }>();
  for (const x of attempts) {
    const g = byOrg.get(x.orgId) ?? { orgId: x.orgId, name: x.orgName, handedIn: 0, passed: 0, scoreSum: 0 };
    g.handedIn++;
    g.scoreSum += x.a.score ?? 0;
    if ((x.a.score ?? 0) >= r.q.passScore) g.passed++;
    byOrg.set(x.orgId, g);
  }
  const keys = await ctx.db.select().from(studyQuestions).where(inArray(studyQuestions.id, r.q.questionIds));
  const questions = keys.map((k) => {
    const wrong = attempts.filter(
      (x) =>
        !scoreAttempt([{ id: k.id, answer: k.answer }], Object.fromEntries((x.a.answers ?? []).map((a, i) => [r.q.questionIds[i], a])))
          .items[0].right,
    ).length;
    return { id: k.id, stem: k.stem, wrongRate: attempts.length ? Math.round((wrong * 100) / attempts.length) : 0 };
  });
  return {
    quiz: out(r.q, r.orgName, attempts.length),
    members: attempts.map((x) => ({
      memberId: x.a.memberId,
      name: x.name,
      orgName: x.orgName,
      score: x.a.score ?? 0,
      correct: x.a.correct ?? 0,
      total: x.a.total,
      submittedAt: (x.a.submittedAt as Date).toISOString(),
    })),
    orgs: [...byOrg.values()].map((g) => ({
      orgId: g.orgId,
      name: g.name,
      handedIn: g.handedIn,
      passed: g.passed,
      average: Math.round(g.scoreSum / g.handedIn),
    })),
    questions: questions.sort((a, b) => b.wrongRate - a.wrongRate),
  };
}
