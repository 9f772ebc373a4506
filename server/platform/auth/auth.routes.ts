import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginBody, LoginOut, MeOut, PasswordBody } from '../../../common/auth.ts';
import { NoContent } from '../../../common/errors.ts';
import { PasswordRulesSchema, passwordRulesFor } from '../../../common/security-policy.ts';
import { sessionCookieName } from '../access/guard.ts';
import { anyUser, publicRoute } from '../access/policy.ts';
import { audit } from '../audit/audit.service.ts';
import { withTx } from '../context.ts';
import { changeOwnPassword, login, me } from './auth.service.ts';
import type { IpThrottle } from './ip-throttle.ts';
import { securityPolicy } from './password.service.ts';
import { destroySession } from './session.service.ts';

export const authRoutes =
  (throttle: IpThrottle): FastifyPluginAsyncZod =>
  async (app) => {
    const cookie = sessionCookieName(app.env.config.https);
    const cookieOpts = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: app.env.config.https };

    app.post('/api/auth/login', {
      config: { policy: publicRoute({ csrf: false }) },
      schema: { summary: '登录', body: LoginBody, response: { 200: LoginOut } },
      handler: async (req, reply) => {
        const r = await login(req.ctx, { ...req.body, userAgent: req.headers['user-agent'] }, throttle);
        reply.setCookie(cookie, r.token, cookieOpts);
        return r.body;
      },
    });

    app.post('/api/auth/logout', {
      config: { policy: anyUser({ allowPendingPasswordChange: true }) },
      schema: { summary: '退出登录', response: { 204: NoContent } },
      handler: async (req, reply) => {
        const s = req.session;
        if (s)
          await withTx(req.ctx, async (tx) => {
            await destroySession(tx.db, s.idHash);
            await audit(tx, { action: 'auth.logout', objectType: 'user', objectId: s.user.id });
          });
        reply.clearCookie(cookie, cookieOpts);
        reply.header('Clear-Site-Data', '"cache", "cookies", "storage"');
        return reply.code(204).send();
      },
    });

    app.post('/api/auth/password', {
      config: { policy: anyUser({ allowPendingPasswordChange: true }) },
      schema: { summary: '修改本人口令', body: PasswordBody, response: { 204: NoContent } },
      handler: async (req, reply) => {
        await changeOwnPassword(req.ctx, req.session!, req.body);
        return reply.code(204).send();
      },
    });

    // read by the password form, also while a password change is pending (that session cannot read /me)
    app.get('/api/auth/password-rules', {
      config: { policy: anyUser({ allowPendingPasswordChange: true }) },
      schema: { summary: '本人新口令须满足的规则（取自安全策略）', response: { 200: PasswordRulesSchema } },
      handler: async (req) => passwordRulesFor(await securityPolicy(req.ctx.db), req.session!.actor.isAdmin),
    });

    app.get('/api/auth/me', {
      config: { policy: anyUser() },
      schema: { summary: '当前用户、角色与权限', response: { 200: MeOut } },
      handler: (req) => me(req.ctx, req.session!),
    });
  };
