// The quiz contract: the question bank, quizzes, review and results (re-exported by common/study.ts).

import { QUESTION_KINDS, STUDY_THEMES } from './study-labels.ts';
import { z } from './zod-locale.ts';

export const QuestionOut = z.object({
  id: z.string(),
  orgId: z.string(),
  kind: z.enum(QUESTION_KINDS),
  stem: z.string(),
  options: z.array(z.string()),
  answer: z.array(z.number()),
  tags: z.array(z.string()),
  explanation: z.string().nullable(),
});

export const QuizOut = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  timeLimitMinutes: z.number(),
  passScore: z.number(),
  questionCount: z.number(),
  opensAt: z.string(),
  closesAt: z.string(),
  attempts: z.number(),
});

export const ReviewOut = z.object({
  attemptId: z.string(),
  title: z.string(),
  score: z.number(),
  correct: z.number(),
  total: z.number(),
  passed: z.boolean(),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(QUESTION_KINDS),
      stem: z.string(),
      options: z.array(z.string()),
      given: z.array(z.number()),
      answer: z.array(z.number()),
      right: z.boolean(),
      explanation: z.string().nullable(),
    }),
  ),
});

export const StudyQuestionsQuery = z.strictObject({
  orgId: z.string().uuid('组织编号格式不正确').optional(),
  tag: z.enum(STUDY_THEMES).optional(),
});

export const StudyQuestionsBody = z.strictObject({ active: z.boolean() });

export const StudyQuizzesQuery = z.strictObject({ orgId: z.string().uuid('组织编号格式不正确').optional() });

export const StudyQuizzesResultsOut = z.object({
  quiz: QuizOut,
  members: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      orgName: z.string(),
      score: z.number(),
      correct: z.number(),
      total: z.number(),
      submittedAt: z.string(),
    }),
  ),
  orgs: z.array(z.object({ orgId: z.string(), name: z.string(), handedIn: z.number(), passed: z.number(), average: z.number() })),
  questions: z.array(z.object({ id: z.string(), stem: z.string(), wrongRate: z.number() })),
});
