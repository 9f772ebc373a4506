import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { QUESTION_KINDS, QuestionSchema, QuizCreateSchema, STUDY_THEMES } from '../../../common/study.ts';
import { z } from '../../../common/zod-locale.ts';
import { anyUser, can } from '../../platform/access/policy.ts';
import { attemptReview, myQuizzes, startQuiz, submitAttempt } from './attempt.service.ts';
import { createQuestion, listQuestions, setQuestionActive } from './question.service.ts';
import { createQuiz, listQuizzes, quizResults } from './quiz.service.ts';
import { IdParams, QuestionOut } from './study.schema.ts';

const tags = ['理论学习'];
const orgOpt = { in: 'query', field: 'orgId', resource: 'org', optional: true } as const;
const QuizOut = z.object({
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
const ReviewOut = z.object({
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

/** 题库, 测试 and results (admin), and taking a quiz on the phone (members). */
export const quizRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/study/questions', {
    config: { policy: can('study:read', orgOpt) },
    schema: {
      tags,
      summary: '题库',
      querystring: z.strictObject({ orgId: z.string().uuid('组织编号格式不正确').optional(), tag: z.enum(STUDY_THEMES).optional() }),
      response: { 200: z.array(QuestionOut) },
    },
    handler: (req) => listQuestions(req.ctx, req.query),
  });
  app.post('/api/study/questions', {
    config: { policy: can('study:write', { in: 'body', field: 'orgId', resource: 'org' }) },
    schema: { tags, summary: '新增题目', body: QuestionSchema, response: { 201: QuestionOut } },
    handler: async (req, reply) => reply.code(201).send(await createQuestion(req.ctx, req.body)),
  });
  app.patch('/api/study/questions/:id', {
    config: { policy: can('study:write', { in: 'params', field: 'id', resource: 'studyQuestion' }) },
    schema: {
      tags,
      summary: '停用或恢复题目',
      params: IdParams,
      body: z.strictObject({ active: z.boolean() }),
      response: { 200: QuestionOut },
    },
    handler: (req) => setQuestionActive(req.ctx, req.params.id, req.body.active),
  });
  app.get('/api/study/quizzes', {
    config: { policy: can('study:read', orgOpt) },
    schema: {
      tags,
      summary: '测试列表',
      querystring: z.strictObject({ orgId: z.string().uuid('组织编号格式不正确').optional() }),
      response: { 200: z.array(QuizOut) },
    },
    handler: (req) => listQuizzes(req.ctx, req.query),
  });
  app.post('/api/study/quizzes', {
    config: { policy: can('study:write', { in: 'body', field: 'orgId', resource: 'org' }) },
    schema: { tags, summary: '发布测试', body: QuizCreateSchema, response: { 201: QuizOut } },
    handler: async (req, reply) => reply.code(201).send(await createQuiz(req.ctx, req.body)),
  });
  app.get('/api/study/quizzes/:id/results', {
    config: { policy: can('study:read', { in: 'params', field: 'id', resource: 'studyQuiz' }) },
    schema: {
      tags,
      summary: '测试结果（按党员、按组织、易错题）',
      params: IdParams,
      response: {
        200: z.object({
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
        }),
      },
    },
    handler: (req) => quizResults(req.ctx, req.params.id),
  });

  app.get('/api/m/study/quizzes', {
    config: { policy: anyUser() },
    schema: {
      tags: ['党员手机端'],
      summary: '我的测试',
      response: {
        200: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            orgName: z.string(),
            timeLimitMinutes: z.number(),
            questionCount: z.number(),
            closesAt: z.string(),
            open: z.boolean(),
            attemptId: z.string().nullable(),
            score: z.number().nullable(),
            submitted: z.boolean(),
          }),
        ),
      },
    },
    handler: (req) => myQuizzes(req.ctx),
  });
  app.post('/api/m/study/quizzes/:id/start', {
    config: { policy: anyUser() },
    schema: {
      tags: ['党员手机端'],
      summary: '开始答题（计时开始）',
      params: IdParams,
      response: {
        200: z.object({
          attemptId: z.string(),
          title: z.string(),
          deadline: z.string(),
          questions: z.array(z.object({ id: z.string(), kind: z.enum(QUESTION_KINDS), stem: z.string(), options: z.array(z.string()) })),
        }),
      },
    },
    handler: (req) => startQuiz(req.ctx, req.params.id),
  });
  app.post('/api/m/study/attempts/:id/submit', {
    config: { policy: anyUser() },
    schema: {
      tags: ['党员手机端'],
      summary: '交卷（自动评分）',
      params: IdParams,
      body: z.strictObject({ answers: z.record(z.string().uuid(), z.array(z.number().int().min(0).max(7)).max(8)) }),
      response: { 200: ReviewOut },
    },
    handler: (req) => submitAttempt(req.ctx, req.params.id, req.body.answers),
  });
  app.get('/api/m/study/attempts/:id', {
    config: { policy: anyUser() },
    schema: { tags: ['党员手机端'], summary: '答题回顾（含正确答案与解析）', params: IdParams, response: { 200: ReviewOut } },
    handler: (req) => attemptReview(req.ctx, req.params.id),
  });
};
