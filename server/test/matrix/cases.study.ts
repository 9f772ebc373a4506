// Authorization-matrix rows: Theory study and 指尖课堂. See cases.ts for how to write a row.
import { topicIn } from '../../modules/meeting/meeting.factory.ts';
import {
  attemptFor,
  classTokenFor,
  materialIn,
  planIn,
  planItemIn,
  questionIn,
  quizIn,
  readingSessionFor,
  recordIn,
  selfIn,
  studyRulesBody,
} from '../../modules/study/study.factory.ts';
import { materialFileIn } from './builders.ts';
import type { MatrixCase } from './cases.ts';

export const studyCases: Record<string, MatrixCase> = {
  'GET /api/study/materials': { build: (_fx, orgId) => ({ url: `/api/study/materials?orgId=${orgId}&theme=party_rules` }) },
  'POST /api/study/materials': {
    build: (_fx, orgId) => ({
      url: '/api/study/materials',
      payload: { orgId, title: '矩阵学习资料', theme: 'party_history', bodyHtml: '<p>正文</p>' },
    }),
  },
  'POST /api/study/materials/from-topic': {
    build: async (fx, orgId) => ({
      url: '/api/study/materials/from-topic',
      payload: { topicId: await fx.inOrg(orgId, (o) => topicIn(fx.t, o)) },
    }),
  },
  'GET /api/study/materials/:id': {
    build: async (fx, orgId) => ({ url: `/api/study/materials/${await fx.inOrg(orgId, (o) => materialIn(fx.t, o))}` }),
  },
  'PATCH /api/study/materials/:id': {
    build: async (fx, orgId) => ({
      url: `/api/study/materials/${await fx.inOrg(orgId, (o) => materialIn(fx.t, o))}`,
      payload: { title: '矩阵改标题' },
    }),
  },
  'DELETE /api/study/materials/:id': {
    build: async (fx, orgId) => ({ url: `/api/study/materials/${await fx.inOrg(orgId, (o) => materialIn(fx.t, o))}` }),
  },
  'GET /api/study/records': { build: (_fx, orgId) => ({ url: `/api/study/records?orgId=${orgId}&year=2026&form=centralized_training` }) },
  'POST /api/study/records': {
    build: (_fx, orgId) => ({
      url: '/api/study/records',
      payload: { orgId, form: 'centralized_training', title: '矩阵集中学习', occurredOn: '2026-02-01', minutes: 60 },
    }),
  },
  'GET /api/study/records/:id': {
    build: async (fx, orgId) => ({ url: `/api/study/records/${await fx.inOrg(orgId, (o) => recordIn(fx.t, o))}` }),
  },
  'DELETE /api/study/records/:id': {
    build: async (fx, orgId) => ({ url: `/api/study/records/${await fx.inOrg(orgId, (o) => recordIn(fx.t, o))}` }),
  },
  'GET /api/study/hours': { build: (_fx, orgId) => ({ url: `/api/study/hours?orgId=${orgId}&year=2026&behindOnly=1` }) },
  'GET /api/study/hours/export': { build: (_fx, orgId) => ({ url: `/api/study/hours/export?orgId=${orgId}&year=2026` }) },
  'GET /api/study/rollup': { build: (_fx, orgId) => ({ url: `/api/study/rollup?orgId=${orgId}&year=2026` }) },
  'GET /api/study/rules': { build: () => ({ url: '/api/study/rules' }) },
  'PUT /api/study/rules': { build: () => ({ url: '/api/study/rules', payload: studyRulesBody() }) },
  'GET /api/m/study/materials': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: '/api/m/study/materials' };
    },
  },
  'POST /api/m/study/materials/:id/read': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: `/api/m/study/materials/${await materialIn(fx.t, orgId)}/read` };
    },
  },
  'GET /api/m/study/materials/:id/files/:fileId': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      const { materialId, fileId } = await materialFileIn(fx, orgId);
      return { url: `/api/m/study/materials/${materialId}/files/${fileId}` };
    },
  },
  'POST /api/m/study/reading/:id/beat': {
    build: async (fx, orgId, caller) => ({
      url: `/api/m/study/reading/${await readingSessionFor(fx.t, caller.userId, orgId)}/beat`,
      payload: { visible: true, active: true },
    }),
  },
  'POST /api/m/study/self-study': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return {
        url: '/api/m/study/self-study',
        payload: { title: '矩阵自学', occurredOn: '2026-02-01', minutes: 30, reflection: '矩阵测试学习心得十个字以上' },
      };
    },
  },
  'GET /api/m/study/team': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: '/api/m/study/team' };
    },
  },
  'POST /api/m/study/classes': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: '/api/m/study/classes', payload: { title: '矩阵班组课堂', lecturer: '班组长', teamName: '一班' } };
    },
  },
  'POST /api/m/study/checkin': {
    build: async (fx, orgId, caller) => ({
      url: '/api/m/study/checkin',
      payload: { token: await classTokenFor(fx.t, caller.userId, orgId) },
    }),
  },
  'GET /api/m/study/hours': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: '/api/m/study/hours?year=2026' };
    },
  },
  'GET /api/m/study/records': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: '/api/m/study/records?year=2026' };
    },
  },
  'GET /api/study/questions': { build: (_fx, orgId) => ({ url: `/api/study/questions?orgId=${orgId}&tag=party_rules` }) },
  'POST /api/study/questions': {
    build: (_fx, orgId) => ({
      url: '/api/study/questions',
      payload: { orgId, kind: 'judge', stem: '矩阵判断题题干', options: ['正确', '错误'], answer: [0] },
    }),
  },
  'PATCH /api/study/questions/:id': {
    build: async (fx, orgId) => ({
      url: `/api/study/questions/${await fx.inOrg(orgId, (o) => questionIn(fx.t, o))}`,
      payload: { active: false },
    }),
  },
  'GET /api/study/quizzes': { build: (_fx, orgId) => ({ url: `/api/study/quizzes?orgId=${orgId}` }) },
  'POST /api/study/quizzes': {
    build: async (fx, orgId) => ({
      url: '/api/study/quizzes',
      payload: {
        orgId,
        title: '矩阵测试',
        timeLimitMinutes: 10,
        questionIds: [await questionIn(fx.t, fx.isGhost(orgId) ? fx.org.E1 : orgId)],
        opensAt: '2026-03-01T00:00:00+08:00',
        closesAt: '2026-03-31T00:00:00+08:00',
      },
    }),
  },
  'GET /api/study/quizzes/:id/results': {
    build: async (fx, orgId) => ({ url: `/api/study/quizzes/${await fx.inOrg(orgId, (o) => quizIn(fx.t, o))}/results` }),
  },
  'GET /api/m/study/quizzes': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: '/api/m/study/quizzes' };
    },
  },
  'POST /api/m/study/quizzes/:id/start': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: `/api/m/study/quizzes/${await quizIn(fx.t, orgId)}/start` };
    },
  },
  'POST /api/m/study/attempts/:id/submit': {
    build: async (fx, orgId, caller) => ({
      url: `/api/m/study/attempts/${await attemptFor(fx.t, caller.userId, orgId, false)}/submit`,
      payload: { answers: {} },
    }),
  },
  'GET /api/m/study/attempts/:id': {
    build: async (fx, orgId, caller) => ({ url: `/api/m/study/attempts/${await attemptFor(fx.t, caller.userId, orgId, true)}` }),
  },
  'GET /api/study/plans': { build: (_fx, orgId) => ({ url: `/api/study/plans?orgId=${orgId}&year=2026` }) },
  'POST /api/study/plans': {
    build: (fx, orgId) => {
      const n = Number(fx.unique('')) % 505;
      return { url: '/api/study/plans', payload: { orgId, year: 2000 + Math.floor(n / 5), quarter: n % 5 || null, title: '矩阵学习计划' } };
    },
  },
  'POST /api/study/plans/:id/items': {
    build: async (fx, orgId) => ({
      url: `/api/study/plans/${await fx.inOrg(orgId, (o) => planIn(fx.t, o))}/items`,
      payload: { month: 5, theme: 'party_rules', form: 'self_study', title: '矩阵计划事项' },
    }),
  },
  'DELETE /api/study/plan-items/:id': {
    build: async (fx, orgId) => ({ url: `/api/study/plan-items/${await fx.inOrg(orgId, (o) => planItemIn(fx.t, o))}` }),
  },
};
