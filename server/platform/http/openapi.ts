import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { ErrorOut } from '../../../common/errors.ts';
import { anyUser, type Policy } from '../access/policy.ts';

/** The module a URL belongs to: its first segment after `/api` (the member H5 app's `/api/m/<x>` by `<x>`). */
const MODULE_OF_SEGMENT: Record<string, string> = {
  orgs: 'org',
  members: 'member',
  me: 'member',
  meetings: 'meeting',
  'meeting-calendar': 'meeting',
  'meeting-templates': 'meeting',
  'first-topics': 'meeting',
  'first-topic-ledger': 'meeting',
  'follow-ups': 'meeting',
  signin: 'meeting',
  study: 'study',
  fivegood: 'fivegood',
  committees: 'committee',
  transfers: 'transfer',
  cockpit: 'cockpit',
  facts: 'facts',
  users: 'user',
  auth: 'auth',
  audit: 'audit',
  files: 'files',
  notifications: 'notify',
  security: 'settings',
  health: 'platform',
  'openapi.json': 'platform',
  docs: 'platform',
};

/** One tag per module, the name a reader sees. */
export const MODULE_TAGS: Record<string, string> = {
  org: '组织',
  member: '党员',
  meeting: '组织生活',
  study: '学习教育',
  fivegood: '五个好',
  committee: '班子换届',
  transfer: '组织关系转接',
  cockpit: '驾驶舱',
  facts: '数据口径',
  user: '账号',
  auth: '认证',
  audit: '审计',
  files: '附件',
  notify: '站内提醒',
  settings: '安全策略',
  platform: '平台',
};

export function moduleOf(url: string): string {
  const parts = url.split('/').filter(Boolean); // ['api', ...]
  const seg = parts[1] === 'm' ? parts[2] : parts[1];
  return MODULE_OF_SEGMENT[seg ?? ''] ?? seg ?? 'platform';
}

const pascal = (s: string) => s.replace(/(^|[-_.])([a-z0-9])/gi, (_m, _p, c: string) => c.toUpperCase());

/** `GET /api/orgs/:id/children` → `getOrgsByIdChildren`; `/api/m/…` → `…Mobile…` (unique per method and path). */
export function operationIdOf(method: string, url: string): string {
  const parts = url.split('/').filter(Boolean).slice(1);
  const words = parts.map((p, i) => (p.startsWith(':') ? `By${pascal(p.slice(1))}` : i === 0 && p === 'm' ? 'Mobile' : pascal(p)));
  return method.toLowerCase() + words.join('');
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ERROR_REF = { $ref: '#/components/schemas/ErrorOut' };
const ERROR_TEXT: Record<string, string> = {
  '400': '请求内容不符合要求（VALIDATION 等）',
  '401': '未登录或会话已失效（UNAUTHENTICATED）',
  '403': '无权限、缺少 CSRF 令牌或须先修改口令（FORBIDDEN / CSRF / PASSWORD_CHANGE_REQUIRED）',
  '404': '对象不存在或不在管理范围内（NOT_FOUND）',
  '409': '与现有数据冲突（CONFLICT）',
};

/** The 4xx answers an operation can give, from its policy and its method; every one carries ErrorOut. */
function errorStatuses(method: string, policy: Policy | undefined, declared: string[]): string[] {
  const out = new Set(['400', ...declared.filter((s) => /^4\d\d$/.test(s))]);
  if (policy && policy.kind !== 'public') for (const s of ['401', '403', '404']) out.add(s);
  if (STATE_CHANGING.has(method) && policy?.kind !== 'public') out.add('409');
  return [...out].sort();
}

type Doc = { schema: Record<string, unknown> & { response?: Record<string, unknown> }; url: string };
type TransformArgs = Parameters<typeof jsonSchemaTransform>[0];

/** Zod → JSON Schema, then what every operation carries: security requirement and ErrorOut on each 4xx. */
function transform(args: TransformArgs) {
  const res = jsonSchemaTransform(args) as Doc;
  if (res.schema?.hide) return res;
  const route = args.route as RouteOptions & { config?: { policy?: Policy } };
  const method = String(Array.isArray(route.method) ? route.method[0] : route.method);
  const policy = route.config?.policy;
  const response = { ...(res.schema.response ?? {}) } as Record<string, unknown>;
  for (const status of errorStatuses(method, policy, Object.keys(response)))
    response[status] = { ...ERROR_REF, description: ERROR_TEXT[status] ?? '错误' };
  res.schema.response = response;
  res.schema.security =
    !policy || policy.kind === 'public' ? [] : [STATE_CHANGING.has(method) ? { session: [], csrf: [] } : { session: [] }];
  return res;
}

type ApiDoc = { components?: Record<string, unknown> } & Record<string, unknown>;

/**
 * The OpenAPI document, generated from the routes' shared Zod schemas (`common/`): every operation gets its
 * operationId and its module's tag here (an `onRoute` hook, so no route repeats them), the cookie session and
 * the CSRF header are the security schemes, every 4xx is `ErrorOut`, schemas registered with an id are named
 * components. `/api/docs` is a reader for signed-in users; `/api/docs/json` the document.
 */
export const openapiPlugin = fp(async (app: FastifyInstance, opts: { version: string; https: boolean }) => {
  void ErrorOut; // registered in the global registry with its id, so the document names it
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const method = String(Array.isArray(route.method) ? route.method[0] : route.method);
    route.schema = {
      ...route.schema,
      operationId: (route.schema as { operationId?: string } | undefined)?.operationId ?? operationIdOf(method, route.url),
      tags: [MODULE_TAGS[moduleOf(route.url)] ?? moduleOf(route.url)],
    };
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: '亮旗 API',
        version: opts.version,
        description: '州国资委党建工作平台接口。登录后以会话 Cookie 访问；写操作须带 X-CSRF-Token 头。',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: opts.https ? '__Host-lq_sid' : 'lq_sid',
            description: 'POST /api/auth/login 设置的会话 Cookie',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description: '登录应答与 GET /api/auth/me 给出的 csrfToken；POST/PUT/PATCH/DELETE 必带',
          },
        },
      },
    },
    transform,
    transformObject: (doc) => {
      const out = jsonSchemaTransformObject(doc) as ApiDoc;
      return out as never;
    },
  });

  const hidden = { hide: true } as const;
  app.get('/api/docs/json', { config: { policy: anyUser() }, schema: hidden, handler: async () => app.swagger() });
  app.get('/api/docs', {
    config: { policy: anyUser() },
    schema: hidden,
    handler: async (_req, reply) => reply.type('text/html; charset=utf-8').send(READER_HTML),
  });
  app.get('/api/docs/reader.js', {
    config: { policy: anyUser() },
    schema: hidden,
    handler: async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(READER_JS),
  });
});

const READER_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>亮旗 API 文档</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:16px;color:#222}
h2{border-bottom:2px solid #c00;padding-bottom:4px}details{border:1px solid #ddd;border-radius:4px;margin:4px 0;padding:4px 8px}
summary{cursor:pointer}code{font-family:ui-monospace,monospace}.m{display:inline-block;width:60px;font-weight:bold}
.get{color:#1677ff}.post{color:#389e0d}.put,.patch{color:#d48806}.delete{color:#cf1322}pre{background:#f6f6f6;padding:8px;overflow:auto;max-height:400px}
input{width:100%;padding:6px;margin:8px 0}</style></head>
<body><h1>亮旗 API 文档</h1><input id="q" placeholder="搜索路径、operationId 或说明"><div id="out">加载中…</div>
<script src="/api/docs/reader.js"></script></body></html>`;

const READER_JS = readFileSync(new URL('./openapi.reader.js', import.meta.url), 'utf8');
