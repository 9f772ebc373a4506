// Authorization-matrix rows: "五个好". See cases.ts for how to write a row.
import { readFileSync } from 'node:fs';
import { assessmentIn, deadlinesOf, objectionIn, ratingIn, rectificationIn, rubricId } from '../../modules/fivegood/fivegood.factory.ts';
import { defaultRubric } from '../../modules/fivegood/rubric.yaml.ts';
import type { MatrixCase } from './cases.ts';
import type { Fx } from './fixture.ts';

const campaignYears = new Map<string, number>();
type FivegoodOpts = Parameters<typeof assessmentIn>[2];
const assessmentOf = (fx: Fx, orgId: string, o: FivegoodOpts = {}) =>
  fx.inOrg(orgId, async (x) => (await assessmentIn(fx.t, x, o)).assessmentId);
const campaignIn = (fx: Fx, orgId: string, o: FivegoodOpts = {}) =>
  fx.inOrg(orgId, async (x) => (await assessmentIn(fx.t, x, o)).campaignId);
const fivegoodYaml = () => readFileSync(new URL('../../modules/fivegood/default-rubric.yaml', import.meta.url), 'utf8');

export const fivegoodCases: Record<string, MatrixCase> = {
  'GET /api/fivegood/rubrics': { build: () => ({ url: '/api/fivegood/rubrics' }) },
  'GET /api/fivegood/rubrics/:id': { build: async (fx) => ({ url: `/api/fivegood/rubrics/${await rubricId(fx.t)}` }) },
  'POST /api/fivegood/rubrics': {
    build: () => ({ url: '/api/fivegood/rubrics', payload: { content: defaultRubric(), note: '矩阵测试版本' } }),
  },
  'POST /api/fivegood/rubrics/import': {
    build: () => ({ url: '/api/fivegood/rubrics/import', payload: { format: 'yaml', data: fivegoodYaml(), note: '矩阵测试导入' } }),
  },
  'GET /api/fivegood/rubrics/:id/export': {
    build: async (fx) => ({ url: `/api/fivegood/rubrics/${await rubricId(fx.t)}/export?format=yaml` }),
  },
  'GET /api/fivegood/campaigns': { build: () => ({ url: '/api/fivegood/campaigns' }) },
  'POST /api/fivegood/campaigns': {
    build: async (fx, orgId) => {
      const year = 2001 + (campaignYears.get(orgId) ?? 0);
      campaignYears.set(orgId, year - 2000);
      return {
        url: '/api/fivegood/campaigns',
        payload: { orgId, year, name: fx.unique('创建活动'), rubricId: await rubricId(fx.t), deadlines: deadlinesOf(year) },
      };
    },
  },
  'GET /api/fivegood/campaigns/:id': { build: async (fx, orgId) => ({ url: `/api/fivegood/campaigns/${await campaignIn(fx, orgId)}` }) },
  'GET /api/fivegood/campaigns/:id/assessments': {
    build: async (fx, orgId) => ({ url: `/api/fivegood/campaigns/${await campaignIn(fx, orgId)}/assessments?status=draft` }),
  },
  'POST /api/fivegood/campaigns/:id/publicize': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/campaigns/${await campaignIn(fx, orgId, { status: 'confirmed' })}/publicize`,
      payload: {},
    }),
  },
  'POST /api/fivegood/campaigns/:id/name': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/campaigns/${await campaignIn(fx, orgId, { status: 'confirmed', publicityTo: '2000-01-10' })}/name`,
    }),
  },
  'GET /api/fivegood/campaigns/:id/board': {
    build: async (fx, orgId) => ({ url: `/api/fivegood/campaigns/${await campaignIn(fx, orgId)}/board` }),
  },
  'GET /api/fivegood/campaigns/:id/board/export': {
    build: async (fx, orgId) => ({ url: `/api/fivegood/campaigns/${await campaignIn(fx, orgId)}/board/export` }),
  },
  'GET /api/fivegood/assessments/:id': {
    build: async (fx, orgId) => ({ url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId)}` }),
  },
  'GET /api/fivegood/assessments/:id/proposals': {
    build: async (fx, orgId) => ({ url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId)}/proposals` }),
  },
  'PUT /api/fivegood/assessments/:id/self': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId)}/self`,
      payload: { scores: [], report: '矩阵测试自评' },
    }),
  },
  'POST /api/fivegood/assessments/:id/submit': {
    build: async (fx, orgId) => ({ url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId, { filled: true })}/submit` }),
  },
  'PUT /api/fivegood/assessments/:id/review': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId, { status: 'submitted' })}/review`,
      payload: { adjustments: [] },
    }),
  },
  'POST /api/fivegood/assessments/:id/return': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId, { status: 'submitted' })}/return`,
      payload: { reason: '矩阵测试退回' },
    }),
  },
  'POST /api/fivegood/assessments/:id/forward': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId, { status: 'submitted' })}/forward`,
      payload: { reason: '矩阵测试报送' },
    }),
  },
  'POST /api/fivegood/assessments/:id/confirm': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId, { status: 'forwarded' })}/confirm`,
      payload: { reason: '矩阵测试审定' },
    }),
  },
  'POST /api/fivegood/assessments/:id/objections': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId, { status: 'confirmed', publicityTo: '2099-12-31' })}/objections`,
      payload: { content: '矩阵测试异议' },
    }),
  },
  'POST /api/fivegood/objections/:id/resolve': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/objections/${await fx.inOrg(orgId, (o) => objectionIn(fx.t, o))}/resolve`,
      payload: { upheld: false, resolution: '矩阵测试处理' },
    }),
  },
  'GET /api/fivegood/ratings': { build: (_fx, orgId) => ({ url: `/api/fivegood/ratings?orgId=${orgId}&plaques=1` }) },
  'GET /api/fivegood/ratings/:id/certificate': {
    build: async (fx, orgId) => ({ url: `/api/fivegood/ratings/${await fx.inOrg(orgId, (o) => ratingIn(fx.t, o))}/certificate` }),
  },
  'POST /api/fivegood/vetoes': {
    build: (_fx, orgId) => ({
      url: '/api/fivegood/vetoes',
      payload: { orgId, conditionKey: 'major_accident', occurredOn: '2026-02-20', reason: '矩阵测试否决事项' },
    }),
  },
  'GET /api/fivegood/rectifications': { build: (_fx, orgId) => ({ url: `/api/fivegood/rectifications?orgId=${orgId}&status=open` }) },
  'POST /api/fivegood/rectifications': {
    build: (_fx, orgId) => ({
      url: '/api/fivegood/rectifications',
      payload: { orgId, item: '矩阵测试整改事项', owner: '支部书记', deadline: '2026-06-30' },
    }),
  },
  'POST /api/fivegood/rectifications/:id/close': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/rectifications/${await fx.inOrg(orgId, (o) => rectificationIn(fx.t, o))}/close`,
      payload: { note: '矩阵测试销号' },
    }),
  },
};
