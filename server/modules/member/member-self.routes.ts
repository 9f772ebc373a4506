import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CorrectionDecisionBody,
  CorrectionListQuery,
  CorrectionOut,
  CorrectionRejectBody,
  IdParams,
  MyProfileOut,
  SelfCorrectionSchema,
} from '../../../common/member.ts';
import { z } from '../../../common/zod-locale.ts';
import { can } from '../../platform/access/policy.ts';
import { decideCorrection, listCorrections, myProfile, submitCorrection } from './member.change.ts';
import { memberListQueryOrgTarget } from './member.scope.ts';

const requestTarget = { in: 'params', field: 'id', resource: 'memberChangeRequest' } as const;
/** Members' own view (/m/profile) and the branch secretary's review of their corrections. */
export const memberSelfRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/me/member', {
    config: { policy: can('self:read') },
    schema: {
      summary: '本人党员信息（号码已脱敏）及更正申请',
      response: { 200: MyProfileOut },
    },
    handler: (req) => myProfile(req.ctx),
  });

  app.post('/api/me/member/corrections', {
    config: { policy: can('self:read') },
    schema: { summary: '提交本人信息更正申请（由支部书记审核）', body: SelfCorrectionSchema, response: { 201: CorrectionOut } },
    handler: async (req, reply) => reply.code(201).send(await submitCorrection(req.ctx, req.body)),
  });

  app.get('/api/members/corrections', {
    config: { policy: can('member:write', memberListQueryOrgTarget) },
    schema: {
      summary: '党员信息更正申请（默认待审核）',
      querystring: CorrectionListQuery,
      response: { 200: z.array(CorrectionOut) },
    },
    handler: (req) => listCorrections(req.ctx, req.query),
  });

  app.post('/api/members/corrections/:id/approve', {
    config: { policy: can('member:write', requestTarget) },
    schema: {
      summary: '通过更正申请（同时修改党员信息）',
      params: IdParams,
      body: CorrectionDecisionBody,
      response: { 200: CorrectionOut },
    },
    handler: (req) => decideCorrection(req.ctx, req.params.id, { approve: true, note: req.body.note }),
  });

  app.post('/api/members/corrections/:id/reject', {
    config: { policy: can('member:write', requestTarget) },
    schema: { summary: '退回更正申请', params: IdParams, body: CorrectionRejectBody, response: { 200: CorrectionOut } },
    handler: (req) => decideCorrection(req.ctx, req.params.id, { approve: false, note: req.body.note }),
  });
};
