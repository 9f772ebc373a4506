import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, MemberAccountBody, MemberAccountOut, OneTimePasswordOut } from '../../../common/member.ts';
import { can } from '../../platform/access/policy.ts';
import { createMemberAccount, getMemberAccount, resetMemberAccount } from './member-account.service.ts';

const memberTarget = { in: 'params', field: 'id', resource: 'member' } as const;
/** 开通账号: the phone-app (/m) account of a member, opened and reset by whoever manages the member. */
export const memberAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/members/:id/account', {
    config: { policy: can('member:read', memberTarget) },
    schema: { summary: '党员账号（未开通时为 null）', params: IdParams, response: { 200: MemberAccountOut } },
    handler: (req) => getMemberAccount(req.ctx, req.params.id),
  });

  app.post('/api/members/:id/account', {
    config: { policy: can('member:write', memberTarget) },
    schema: {
      summary: '开通党员账号（一次性初始口令，首次登录须修改）',
      params: IdParams,
      body: MemberAccountBody,
      response: { 201: OneTimePasswordOut },
    },
    handler: async (req, reply) => reply.code(201).send(await createMemberAccount(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/members/:id/account/reset', {
    config: { policy: can('member:write', memberTarget) },
    schema: { summary: '重置党员账号口令（一次性口令，结束其全部会话）', params: IdParams, response: { 200: OneTimePasswordOut } },
    handler: (req) => resetMemberAccount(req.ctx, req.params.id),
  });
};
