import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AssessmentOut,
  ConfirmBody,
  IdParams,
  ObjectionBody,
  ProposalOut,
  ReasonSchema,
  ResolveBody,
  ReviewSchema,
  SelfAssessSchema,
} from '../../../common/fivegood.ts';
import { can } from '../../platform/access/policy.ts';
import { getAssessment, loadAssessment } from './assessment.service.ts';
import {
  confirmAssessment,
  forwardAssessment,
  returnAssessment,
  saveReview,
  saveSelfAssessment,
  submitAssessment,
} from './assessment-flow.service.ts';
import { proposals } from './fivegood.scoring.ts';
import { addObjection, resolveObjection } from './publicity.service.ts';

const target = { in: 'params', field: 'id', resource: 'fivegood_assessment' } as const;
const one = { params: IdParams, response: { 200: AssessmentOut } };

export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/fivegood/assessments/:id', {
    config: { policy: can('fivegood:read', target) },
    schema: { summary: '支部自评与考评详情（含等次计算依据）', ...one },
    handler: (req) => getAssessment(req.ctx, req.params.id),
  });
  app.get('/api/fivegood/assessments/:id/proposals', {
    config: { policy: can('fivegood:read', target) },
    schema: { summary: '系统数据生成的建议得分及依据', params: IdParams, response: { 200: ProposalOut } },
    handler: async (req) => {
      const l = await loadAssessment(req.ctx, req.params.id);
      return proposals(
        req.ctx,
        l.a.orgId,
        l.c.year,
        l.rubric.dimensions.flatMap((d) => d.indicators),
      );
    },
  });
  app.put('/api/fivegood/assessments/:id/self', {
    config: { policy: can('fivegood:assess', target) },
    schema: { summary: '保存支部自评', body: SelfAssessSchema, ...one },
    handler: (req) => saveSelfAssessment(req.ctx, req.params.id, req.body),
  });
  app.post('/api/fivegood/assessments/:id/submit', {
    config: { policy: can('fivegood:assess', target) },
    schema: { summary: '书记提交自评', ...one },
    handler: (req) => submitAssessment(req.ctx, req.params.id),
  });
  app.put('/api/fivegood/assessments/:id/review', {
    config: { policy: can('fivegood:review', target) },
    schema: { summary: '保存企业党委考评', body: ReviewSchema, ...one },
    handler: (req) => saveReview(req.ctx, req.params.id, req.body),
  });
  app.post('/api/fivegood/assessments/:id/return', {
    config: { policy: can('fivegood:review', target) },
    schema: { summary: '退回修改', body: ReasonSchema, ...one },
    handler: (req) => returnAssessment(req.ctx, req.params.id, req.body.reason),
  });
  app.post('/api/fivegood/assessments/:id/forward', {
    config: { policy: can('fivegood:review', target) },
    schema: { summary: '报送国资委审定', body: ReasonSchema, ...one },
    handler: (req) => forwardAssessment(req.ctx, req.params.id, req.body.reason),
  });
  app.post('/api/fivegood/assessments/:id/confirm', {
    config: { policy: can('fivegood:manage', target) },
    schema: { summary: '国资委审定等次', body: ConfirmBody, ...one },
    handler: (req) => confirmAssessment(req.ctx, req.params.id, req.body),
  });
  app.post('/api/fivegood/assessments/:id/objections', {
    config: { policy: can('fivegood:manage', target) },
    schema: { summary: '登记公示期异议', body: ObjectionBody, ...one },
    handler: (req) => addObjection(req.ctx, req.params.id, req.body.content),
  });
  app.post('/api/fivegood/objections/:id/resolve', {
    config: { policy: can('fivegood:manage', { in: 'params', field: 'id', resource: 'fivegood_objection' }) },
    schema: { summary: '处理异议', body: ResolveBody, ...one },
    handler: (req) => resolveObjection(req.ctx, req.params.id, req.body),
  });
};
