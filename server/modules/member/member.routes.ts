import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  HistoryOut,
  IdParams,
  LookupBody,
  MemberCreateSchema,
  MemberListQuery,
  MemberOut,
  MemberPage,
  MemberUpdateSchema,
  UnmaskOut,
} from '../../../common/member.ts';
import { can } from '../../platform/access/policy.ts';
import { listMembers } from './member.list.ts';
import { memberListQueryOrgTarget } from './member.scope.ts';
import { createMember, getMember, lookupMember, memberHistory, updateMember } from './member.service.ts';
import { unmaskMember } from './member.unmask.ts';

const memberTarget = { in: 'params', field: 'id', resource: 'member' } as const;
export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/members', {
    config: { policy: can('member:read', memberListQueryOrgTarget) },
    schema: { summary: '党员名册（本人管理范围内，号码已脱敏）', querystring: MemberListQuery, response: { 200: MemberPage } },
    handler: (req) => listMembers(req.ctx, req.query),
  });

  app.post('/api/members', {
    config: { policy: can('member:write', { in: 'body', field: 'orgId', resource: 'org' }) },
    schema: { summary: '登记党员', body: MemberCreateSchema, response: { 201: MemberOut } },
    handler: async (req, reply) => reply.code(201).send(await createMember(req.ctx, req.body)),
  });

  app.post('/api/members/lookup', {
    config: { policy: can('member:read') },
    schema: { summary: '按公民身份号码精确查找（盲索引）', body: LookupBody, response: { 200: MemberOut } },
    handler: (req) => lookupMember(req.ctx, req.body.idNumber),
  });

  app.get('/api/members/:id', {
    config: { policy: can('member:read', memberTarget) },
    schema: { summary: '党员详情', params: IdParams, response: { 200: MemberOut } },
    handler: (req) => getMember(req.ctx, req.params.id),
  });

  app.patch('/api/members/:id', {
    config: { policy: can('member:write', memberTarget) },
    schema: { summary: '修改党员信息', params: IdParams, body: MemberUpdateSchema, response: { 200: MemberOut } },
    handler: (req) => updateMember(req.ctx, req.params.id, req.body),
  });

  app.get('/api/members/:id/history', {
    config: { policy: can('member:read', memberTarget) },
    schema: { summary: '党员信息修改记录', params: IdParams, response: { 200: HistoryOut } },
    handler: (req) => memberHistory(req.ctx, req.params.id),
  });

  app.post('/api/members/:id/unmask', {
    config: { policy: can('pii:view', memberTarget) },
    schema: { summary: '查看完整信息（留痕，每小时限 50 次）', params: IdParams, response: { 200: UnmaskOut } },
    handler: (req) => unmaskMember(req.ctx, req.params.id),
  });
};
