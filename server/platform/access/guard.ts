import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../db/client.ts';
import { auditAlone } from '../audit/audit.service.ts';
import { securityPolicy } from '../auth/password.service.ts';
import { type ResolvedSession, resolveSession } from '../auth/session.service.ts';
import type { AppEnv, Ctx } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Policy } from './policy.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    session: ResolvedSession | null;
  }
}

export const sessionCookieName = (https: boolean) => (https ? '__Host-lq_sid' : 'lq_sid');
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Access in one place: every /api route must declare `config.policy` (start fails otherwise); each request
 * is authenticated from its session cookie, held to the password-change and CSRF rules, then to the policy.
 */
export const guard = fp(async (app: FastifyInstance, opts: { db: Db; env: AppEnv }) => {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    if (route.method === 'HEAD' || (Array.isArray(route.method) && route.method.includes('HEAD') && route.method.length === 1)) return;
    if (!route.config?.policy) throw new Error(`路由缺少访问策略 / route without an access policy: ${String(route.method)} ${route.url}`);
  });

  app.addHook('onRequest', async (req) => {
    req.ctx = { db: opts.db, actor: null, now: opts.env.clock(), ip: req.ip, requestId: req.id, env: opts.env };
    const policy = req.routeOptions.config?.policy as Policy | undefined;
    if (!policy) return; // static files and the SPA fallback
    const token = req.cookies?.[sessionCookieName(opts.env.config.https)];
    if (token) {
      const s = await resolveSession(opts.db, token, req.ctx.now, await securityPolicy(opts.db));
      if (s) {
        req.session = s;
        req.ctx.actor = s.actor;
      }
    }
    await enforce(req, policy);
  });
});

async function enforce(req: FastifyRequest, policy: Policy) {
  if (policy.kind === 'public') return;
  const s = req.session;
  if (!s) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (STATE_CHANGING.has(req.method)) {
    const header = req.headers['x-csrf-token'];
    const origin = req.headers.origin;
    const host = req.headers.host;
    const badOrigin = origin && host && new URL(origin).host !== host;
    if (typeof header !== 'string' || !sameToken(header, s.csrfToken) || badOrigin) {
      await auditAlone(req.ctx, { action: 'access.csrf', result: 'denied', detail: { method: req.method, url: req.routeOptions.url } });
      throw new AppError('CSRF', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
    }
  }
  if (s.actor.mustChangePassword && !(policy.kind === 'session' && policy.allowPendingPasswordChange)) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改口令后再继续使用');
  }
  if (policy.kind === 'permission' && !s.actor.permissions.has(policy.permission)) {
    await auditAlone(req.ctx, {
      action: 'access.denied',
      result: 'denied',
      detail: { method: req.method, url: req.routeOptions.url, permission: policy.permission },
    });
    const e = new AppError('FORBIDDEN', '您没有执行此操作的权限');
    e.audited = true;
    throw e;
  }
}
