import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../../common/zod-locale.ts';
import { can } from '../../platform/access/policy.ts';
import { IdParams } from './member.schema.ts';
import { createMemberAccount, getMemberAccount, resetMemberAccount } from './member-account.service.ts';

const memberTarget = { in: 'params', field: 'id', resource: 'member' } as const;
const tags = ['党员'];

const AccountBody = z.strictObject({
  username: z
    .string()
    .trim()
    .min(2, '用户名至少 2 个字符')
    .max(64, '用户名不能超过 64 个字符')
    .refine((s) => /^[\p{L}\p{N}._@-]+$/u.test(s.normalize('NFKC')), '用户名只能包含文字、字母、数字和 . _ @ -'),
});
const AccountOut = z
  .object({ userId: z.string(), username: z.string(), disabled: z.boolean(), lastLoginAt: z.string().nullable() })
  .nullable();
const OneTimeOut = z.object({ userId: z.string(), username: z.string(), initialPassword: z.string() });

/** 开通账号: the phone-app (/m) account of a member, opened and reset by whoever manages the member. */
export const memberAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/members/:id/account', {
    config: { policy: can('member:read', memberTarget) },
    schema: { tags, summary: '党员账号（未开通时为 null）', params: IdParams, response: { 200: AccountOut } },
    handler: (req) => getMemberAccount(req.ctx, req.params.id),
  });

  app.post('/api/members/:id/account', {
    config: { policy: can('member:write', memberTarget) },
    schema: {
      tags,
      summary: '开通党员账号（一次性初始口令，首次登录须修改）',
      params: IdParams,
      body: AccountBody,
      response: { 201: OneTimeOut },
    },
    handler: async (req, reply) => reply.code(201).send(await createMemberAccount(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/members/:id/account/reset', {
    config: { policy: can('member:write', memberTarget) },
    schema: { tags, summary: '重置党员账号口令（一次性口令，结束其全部会话）', params: IdParams, response: { 200: OneTimeOut } },
    handler: (req) => resetMemberAccount(req.ctx, req.params.id),
  });
};
