import { and, desc, eq, sql } from 'drizzle-orm';
import type { QuestionInput } from '../../../common/study.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { type StudyQuestion, studyQuestions } from './quiz.table.ts';
import { mustExist, studyOrg } from './study-access.service.ts';

const out = (q: StudyQuestion) => ({
  id: q.id,
  orgId: q.orgId,
  kind: q.kind,
  stem: q.stem,
  options: q.options,
  answer: q.answer,
  tags: q.tags,
  explanation: q.explanation,
});

/** The question bank in the caller's scope (optionally one org's subtree, one tag), active questions only. */
export async function listQuestions(ctx: Ctx, q: { orgId?: string; tag?: string }) {
  const base = q.orgId ? await studyOrg(ctx, q.orgId) : null;
  const rows = await ctx.db
    .select({ q: studyQuestions })
    .from(studyQuestions)
    .innerJoin(orgs, eq(orgs.id, studyQuestions.orgId))
    .where(
      and(
        scopeWhere(ctx.actor, 'study:read', orgs.path),
        base ? sql`${orgs.path} like ${`${base.path}%`}` : undefined,
        q.tag ? sql`${studyQuestions.tags} @> ${JSON.stringify([q.tag])}::jsonb` : undefined,
        eq(studyQuestions.active, true),
      ),
    )
    .orderBy(desc(studyQuestions.createdAt))
    .limit(2000);
  return rows.map((r) => out(r.q));
}

/** Adds a question to the bank of `orgId`. */
export async function createQuestion(ctx: Ctx, input: QuestionInput) {
  const o = await studyOrg(ctx, input.orgId);
  return withTx(ctx, async (tx) => {
    const [q] = await tx.db
      .insert(studyQuestions)
      .values({ ...input, explanation: input.explanation ?? null, answer: [...input.answer].sort((a, b) => a - b), createdAt: ctx.now })
      .returning();
    await audit(tx, {
      action: 'study.question.create',
      objectType: 'study_question',
      objectId: q.id,
      orgId: o.id,
      orgPath: o.path,
      detail: { kind: q.kind },
    });
    return out(q);
  });
}

/** Retires (or restores) a question: retired questions are not offered for new quizzes; past attempts keep them. */
export async function setQuestionActive(ctx: Ctx, id: string, active: boolean) {
  const [r] = await ctx.db
    .select({ q: studyQuestions, orgPath: orgs.path })
    .from(studyQuestions)
    .innerJoin(orgs, eq(orgs.id, studyQuestions.orgId))
    .where(eq(studyQuestions.id, id));
  mustExist(r, '题目');
  return withTx(ctx, async (tx) => {
    const [q] = await tx.db.update(studyQuestions).set({ active }).where(eq(studyQuestions.id, id)).returning();
    await audit(tx, {
      action: 'study.question.update',
      objectType: 'study_question',
      objectId: id,
      orgId: q.orgId,
      orgPath: r.orgPath,
      detail: { active },
    });
    return out(q);
  });
}
