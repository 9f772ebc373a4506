import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NoContent } from '../../../common/errors.ts';
import {
  ResetPasswordSchema,
  UserCreateSchema,
  UserIdParams,
  UserListQuery,
  UserOut,
  UserPage,
  UserUpdateSchema,
} from '../../../common/user.ts';
import { can } from '../../platform/access/policy.ts';
import { resetPassword, revokeSessions, unlockUser, updateUser } from './user.account.service.ts';
import { createUser, getUser, listUsers } from './user.service.ts';

const userTarget = { in: 'params', field: 'id', resource: 'user' } as const;

/** 账号管理 (sys_admin): accounts of the caller's subtree, roles held at orgs, lockout and sessions. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/users', {
    config: { policy: can('user:read', { in: 'query', field: 'orgId', resource: 'org', optional: true }) },
    schema: { summary: '账号列表（本人管理范围内）', querystring: UserListQuery, response: { 200: UserPage } },
    handler: (req) => listUsers(req.ctx, req.query),
  });

  app.post('/api/users', {
    config: { policy: can('user:write') },
    schema: { summary: '新建账号（首次登录须修改口令）', body: UserCreateSchema, response: { 201: UserOut } },
    handler: async (req, reply) => reply.code(201).send(await createUser(req.ctx, req.body)),
  });

  app.get('/api/users/:id', {
    config: { policy: can('user:read', userTarget) },
    schema: { summary: '账号详情', params: UserIdParams, response: { 200: UserOut } },
    handler: (req) => getUser(req.ctx, req.params.id),
  });

  app.patch('/api/users/:id', {
    config: { policy: can('user:write', userTarget) },
    schema: {
      summary: '修改姓名、角色或停用/启用账号',
      params: UserIdParams,
      body: UserUpdateSchema,
      response: { 200: UserOut },
    },
    handler: (req) => updateUser(req.ctx, req.params.id, req.body),
  });

  app.post('/api/users/:id/reset-password', {
    config: { policy: can('user:write', userTarget) },
    schema: {
      summary: '重置口令（下次登录须修改）',
      params: UserIdParams,
      body: ResetPasswordSchema,
      response: { 204: NoContent },
    },
    handler: async (req, reply) => {
      await resetPassword(req.ctx, req.params.id, req.body.password);
      return reply.code(204).send();
    },
  });

  app.post('/api/users/:id/unlock', {
    config: { policy: can('user:write', userTarget) },
    schema: { summary: '解除登录锁定', params: UserIdParams, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await unlockUser(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  });

  app.post('/api/users/:id/revoke-sessions', {
    config: { policy: can('session:manage', userTarget) },
    schema: { summary: '强制下线（结束该账号全部会话）', params: UserIdParams, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await revokeSessions(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  });
};
