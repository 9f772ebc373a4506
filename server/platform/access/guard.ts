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
import { enforceScope, fieldValue, type ResourceResolver } from './resolve.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    session: ResolvedSession | null;
  }
}

export const sessionCookieName = (https: boolean) => (https ? '__Host-lq_sid' : 'lq_sid');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Access in one place: every /api route must declare `config.policy` (start fails otherwise); each request
 * is authenticated from its session cookie, held to the password-change and CSRF rules, then to the policy.
 * A policy's declared target (params, query or body field) is located by the resolver of its resource once the
 * input is validated, and held to the caller's scope: outside the read scope → 404, read but not write → 403.
 */
export const guard = fp(async (app: FastifyInstance, opts: { db: Db; env: AppEnv; resolvers: ResourceResolver[] }) => {
  const resolvers = new Map(opts.resolvers.map((r) => [r.resource, r]));
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    if (route.method === 'HEAD' || (Array.isArray(route.method) && route.method.includes('HEAD') && route.method.length === 1)) return;
    const policy = route.config?.policy;
    if (!policy) throw new Error(`路由缺少访问策略 / route without an access policy: ${String(route.method)} ${route.url}`);
    if (policy.kind === 'permission' && policy.target && !resolvers.has(policy.target.resource))
      throw new Error(
        `访问策略的目标没有定位器 / no resolver for target resource "${policy.target.resource}": ${String(route.method)} ${route.url}`,
      );
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

  // after validation: the target's value is parsed (a malformed id is a 400 before any lookup)
  app.addHook('preHandler', async (req) => {
    const policy = req.routeOptions.config?.policy as Policy | undefined;
    if (policy?.kind !== 'permission' || !policy.target) return;
    const t = policy.target;
    // a multipart body is read by its handler: that upload's service checks its org itself
    if (t.in === 'body' && String(req.headers['content-type'] ?? '').startsWith('multipart/')) return;
    const value = fieldValue(t.in === 'params' ? req.params : t.in === 'query' ? req.query : req.body, t.field);
    if (value === undefined || value === null || value === '') {
      if (t.optional) return;
      throw new AppError('VALIDATION', '请求缺少要操作的对象');
    }
    const r = resolvers.get(t.resource)!;
    try {
      const id = String(value);
      enforceScope(req.ctx.actor, policy.permission, UUID.test(id) ? await r.locate(opts.db, id) : null, r.label);
    } catch (e) {
      if (e instanceof AppError && e.code === 'FORBIDDEN') {
        await auditAlone(req.ctx, {
          action: 'access.denied',
          result: 'denied',
          detail: { method: req.method, url: req.routeOptions.url, permission: policy.permission, scope: t.resource },
        });
        e.audited = true;
      }
      throw e;
    }
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
