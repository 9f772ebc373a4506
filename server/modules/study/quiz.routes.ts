import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  MyStudyAttemptsSubmitBody,
  MyStudyQuizzesItem,
  MyStudyQuizzesStartOut,
  QuestionOut,
  QuestionSchema,
  QuizCreateSchema,
  QuizOut,
  ReviewOut,
  StudyQuestionsBody,
  StudyQuestionsQuery,
  StudyQuizzesQuery,
  StudyQuizzesResultsOut,
} from '../../../common/study.ts';
import { z } from '../../../common/zod-locale.ts';
import { anyUser, can } from '../../platform/access/policy.ts';
import { attemptReview, myQuizzes, startQuiz, submitAttempt } from './attempt.service.ts';
import { createQuestion, listQuestions, setQuestionActive } from './question.service.ts';
import { createQuiz, listQuizzes, quizResults } from './quiz.service.ts';

const orgOpt = { in: 'query', field: 'orgId', resource: 'org', optional: true } as const;
/** 题库, 测试 and results (admin), and taking a quiz on the phone (members). */
export const quizRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/study/questions', {
    config: { policy: can('study:read', orgOpt) },
    schema: {
      summary: '题库',
      querystring: StudyQuestionsQuery,
      response: { 200: z.array(QuestionOut) },
    },
    handler: (req) => listQuestions(req.ctx, req.query),
  });
  app.post('/api/study/questions', {
    config: { policy: can('study:write', { in: 'body', field: 'orgId', resource: 'org' }) },
    schema: { summary: '新增题目', body: QuestionSchema, response: { 201: QuestionOut } },
    handler: async (req, reply) => reply.code(201).send(await createQuestion(req.ctx, req.body)),
  });
  app.patch('/api/study/questions/:id', {
    config: { policy: can('study:write', { in: 'params', field: 'id', resource: 'studyQuestion' }) },
    schema: {
      summary: '停用或恢复题目',
      params: IdParams,
      body: StudyQuestionsBody,
      response: { 200: QuestionOut },
    },
    handler: (req) => setQuestionActive(req.ctx, req.params.id, req.body.active),
  });
  app.get('/api/study/quizzes', {
    config: { policy: can('study:read', orgOpt) },
    schema: {
      summary: '测试列表',
      querystring: StudyQuizzesQuery,
      response: { 200: z.array(QuizOut) },
    },
    handler: (req) => listQuizzes(req.ctx, req.query),
  });
  app.post('/api/study/quizzes', {
    config: { policy: can('study:write', { in: 'body', field: 'orgId', resource: 'org' }) },
    schema: { summary: '发布测试', body: QuizCreateSchema, response: { 201: QuizOut } },
    handler: async (req, reply) => reply.code(201).send(await createQuiz(req.ctx, req.body)),
  });
  app.get('/api/study/quizzes/:id/results', {
    config: { policy: can('study:read', { in: 'params', field: 'id', resource: 'studyQuiz' }) },
    schema: {
      summary: '测试结果（按党员、按组织、易错题）',
      params: IdParams,
      response: {
        200: StudyQuizzesResultsOut,
      },
    },
    handler: (req) => quizResults(req.ctx, req.params.id),
  });

  app.get('/api/m/study/quizzes', {
    config: { policy: anyUser() },
    schema: {
      summary: '我的测试',
      response: {
        200: z.array(MyStudyQuizzesItem),
      },
    },
    handler: (req) => myQuizzes(req.ctx),
  });
  app.post('/api/m/study/quizzes/:id/start', {
    config: { policy: anyUser() },
    schema: {
      summary: '开始答题（计时开始）',
      params: IdParams,
      response: {
        200: MyStudyQuizzesStartOut,
      },
    },
    handler: (req) => startQuiz(req.ctx, req.params.id),
  });
  app.post('/api/m/study/attempts/:id/submit', {
    config: { policy: anyUser() },
    schema: {
      summary: '交卷（自动评分）',
      params: IdParams,
      body: MyStudyAttemptsSubmitBody,
      response: { 200: ReviewOut },
    },
    handler: (req) => submitAttempt(req.ctx, req.params.id, req.body.answers),
  });
  app.get('/api/m/study/attempts/:id', {
    config: { policy: anyUser() },
    schema: { summary: '答题回顾（含正确答案与解析）', params: IdParams, response: { 200: ReviewOut } },
    handler: (req) => attemptReview(req.ctx, req.params.id),
  });
};
