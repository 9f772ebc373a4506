import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { orgs } from '../../platform/access/org.table.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { SUBMIT_GRACE_SECONDS, scoreAttempt } from './quiz.rules.ts';
import { type StudyAttempt, studyAttempts, studyQuestions, studyQuizzes } from './quiz.table.ts';
import { type Me, myMember } from './study-access.service.ts';

/** Open quizzes that reach the member (published at their org or above) with their own attempt, if any. */
export async function myQuizzes(ctx: Ctx) {
  const me = await myMember(ctx);
  const rows = await ctx.db
    .select({ q: studyQuizzes, orgName: orgs.name, a: studyAttempts })
    .from(studyQuizzes)
    .innerJoin(orgs, eq(orgs.id, studyQuizzes.orgId))
    .leftJoin(studyAttempts, and(eq(studyAttempts.quizId, studyQuizzes.id), eq(studyAttempts.memberId, me.id)))
    .where(and(sql`${me.orgPath} like ${orgs.path} || '%'`, sql`${studyQuizzes.opensAt} <= ${ctx.now}`))
    .orderBy(desc(studyQuizzes.opensAt))
    .limit(100);
  return rows.map((r) => ({
    id: r.q.id,
    title: r.q.title,
    orgName: r.orgName,
    timeLimitMinutes: r.q.timeLimitMinutes,
    questionCount: r.q.questionIds.length,
    closesAt: r.q.closesAt.toISOString(),
    open: ctx.now <= r.q.closesAt,
    attemptId: r.a?.id ?? null,
    score: r.a?.score ?? null,
    submitted: Boolean(r.a?.submittedAt),
  }));
}

async function questionsOf(ctx: Ctx, ids: string[]) {
  const rows = await ctx.db.select().from(studyQuestions).where(inArray(studyQuestions.id, ids));
  const byId = new Map(rows.map((q) => [q.id, q]));
  return ids.map((id) => byId.get(id)).filter((q) => q !== undefined);
}

/** Starts (or resumes) the member's attempt: the questions without their answers, and the deadline from the time limit. */
export async function startQuiz(ctx: Ctx, quizId: string) {
  const me = await myMember(ctx);
  const [r] = await ctx.db
    .select({ q: studyQuizzes })
    .from(studyQuizzes)
    .innerJoin(orgs, eq(orgs.id, studyQuizzes.orgId))
    .where(and(eq(studyQuizzes.id, quizId), sql`${me.orgPath} like ${orgs.path} || '%'`));
  if (!r) throw notFound('测试');
  if (ctx.now < r.q.opensAt || ctx.now > r.q.closesAt) throw conflict('该测试不在开放时间内');
  const attempt = await withTx(ctx, async (tx) => {
    const [a] = await tx.db
      .select()
      .from(studyAttempts)
      .where(and(eq(studyAttempts.quizId, quizId), eq(studyAttempts.memberId, me.id)))
      .for('update');
    if (a?.submittedAt) throw conflict('您已交卷，可在"答题回顾"中查看');
    if (a) return a;
    const deadline = new Date(Math.min(ctx.now.getTime() + r.q.timeLimitMinutes * 60_000, r.q.closesAt.getTime()));
    const [n] = await tx.db
      .insert(studyAttempts)
      .values({ quizId, memberId: me.id, startedAt: ctx.now, deadline, total: r.q.questionIds.length })
      .returning();
    return n;
  });
  const qs = await questionsOf(ctx, r.q.questionIds);
  return {
    attemptId: attempt.id,
    title: r.q.title,
    deadline: attempt.deadline.toISOString(),
    questions: qs.map((q) => ({ id: q.id, kind: q.kind, stem: q.stem, options: q.options })),
  };
}

async function myAttempt(ctx: Ctx, me: Me, id: string) {
  const [r] = await ctx.db
    .select({ a: studyAttempts, q: studyQuizzes })
    .from(studyAttempts)
    .innerJoin(studyQuizzes, eq(studyQuizzes.id, studyAttempts.quizId))
    .where(and(eq(studyAttempts.id, id), eq(studyAttempts.memberId, me.id)));
  if (!r) throw notFound('答卷');
  return r;
}

async function review(ctx: Ctx, a: StudyAttempt, questionIds: string[], title: string, passScore: number) {
  const qs = await questionsOf(ctx, questionIds);
  const given = Object.fromEntries((a.answers ?? []).map((x, i) => [questionIds[i], x]));
  const marked = scoreAttempt(
    qs.map((q) => ({ id: q.id, answer: q.answer })),
    given,
  );
  return {
    attemptId: a.id,
    title,
    score: a.score ?? 0,
    correct: a.correct ?? 0,
    total: a.total,
    passed: (a.score ?? 0) >= passScore,
    items: qs.map((q, i) => ({
      id: q.id,
      kind: q.kind,
      stem: q.stem,
      options: q.options,
      given: marked.items[i].given,
      answer: q.answer,
      right: marked.items[i].right,
      explanation: q.explanation,
    })),
  };
}

/**
 * Hands in the answer sheet: scored on the server. After the deadline (plus a short grace) the sheet is closed with the
 * answers not accepted, so the time limit holds whatever the phone's clock says.
 */
export async function submitAttempt(ctx: Ctx, id: string, answers: Record<string, number[]>) {
  const me = await myMember(ctx);
  const r = await myAttempt(ctx, me, id);
  if (r.a.submittedAt) throw conflict('您已交卷，不能重复提交');
  const late = ctx.now.getTime() > r.a.deadline.getTime() + SUBMIT_GRACE_SECONDS * 1000;
  const qs = await questionsOf(ctx, r.q.questionIds);
  const accepted = late ? {} : answers;
  const s = scoreAttempt(
    qs.map((q) => ({ id: q.id, answer: q.answer })),
    accepted,
  );
  const [a] = await withTx(ctx, async (tx) => {
    const rows = await tx.db
      .update(studyAttempts)
      .set({
        submittedAt: ctx.now,
        answers: r.q.questionIds.map((qid) => s.items.find((i) => i.questionId === qid)?.given ?? []),
        correct: s.correct,
        score: s.score,
      })
      .where(and(eq(studyAttempts.id, id), sql`${studyAttempts.submittedAt} is null`))
      .returning();
    if (rows.length === 0) throw conflict('您已交卷，不能重复提交');
    const [o] = await tx.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, me.orgId));
    await audit(tx, {
      action: 'study.quiz.submit',
      objectType: 'study_quiz',
      objectId: r.q.id,
      orgId: me.orgId,
      orgPath: o.path,
      detail: { score: s.score, late },
    });
    return rows;
  });
  if (late) throw new AppError('CONFLICT', `已超过答题时限（${r.q.timeLimitMinutes} 分钟），答卷未被接受`);
  return review(ctx, a, r.q.questionIds, r.q.title, r.q.passScore);
}

/** 答题回顾: the member's own submitted sheet with the right answers and explanations. */
export async function attemptReview(ctx: Ctx, id: string) {
  const me = await myMember(ctx);
  const r = await myAttempt(ctx, me, id);
  if (!r.a.submittedAt) throw conflict('交卷后才能查看答案');
  return review(ctx, r.a, r.q.questionIds, r.q.title, r.q.passScore);
}
