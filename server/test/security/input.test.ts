import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROLES } from '../../../common/access.ts';
import { multipartBody, PNG } from '../../platform/files/files.fixtures.ts';
import { type Agent, buildTestApp, type TestApp } from '../build-test-app.ts';
import { buildUser } from '../factories.ts';
import { apiRoutes, type CapturedRoute } from '../matrix/capture.ts';
import { sessionAgent } from '../matrix/fixture.ts';
import { acceptsAnything, concreteUrl, inputsRead, pathParams, readsMultipart, schemaKeys } from './routes.ts';

vi.mock('fastify', async (orig) => (await import('../matrix/capture.ts')).withRouteCapture(await orig()));

let t: TestApp;
let routes: CapturedRoute[];
/** holds every role at the root, so requests get past the guard to validation */
let all: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  routes = apiRoutes(t.app);
  all = await sessionAgent(t, (await buildUser(t, { roles: ROLES.map((role) => ({ role, orgId: t.rootId })) })).id);
});
afterAll(() => t.close());

describe('every route validates what it takes (IV-01)', () => {
  it('the checker sees through the handler styles the code uses', () => {
    expect([...inputsRead('(req) => listOrgs(req.ctx, { q: req.query.q })')]).toEqual(['querystring']);
    expect([...inputsRead('async (req, reply) => reply.send(await f(req.ctx, req.params.id, req.body))')].sort()).toEqual([
      'body',
      'params',
    ]);
    expect([...inputsRead('async ({ body, ctx }) => f(ctx, body)')]).toEqual(['body']);
    expect([...inputsRead('(req) => me(req.ctx, req.session)')]).toEqual([]);
  });

  it('path parameters, query strings and bodies that a handler reads all have a schema', () => {
    expect(routes.filter((r) => inputsRead(r.handlerSource).size > 0).length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const r of routes) {
      const params = pathParams(r.url);
      if (params.length) {
        const keys = schemaKeys(r, 'params');
        for (const p of params) if (!keys.includes(p)) problems.push(`${r.key}: path parameter :${p} has no schema`);
      }
      for (const part of inputsRead(r.handlerSource)) {
        if (!r.schema?.[part]) problems.push(`${r.key}: reads ${part} without a schema`);
      }
      for (const part of ['body', 'querystring', 'params'] as const)
        if (acceptsAnything(r, part)) problems.push(`${r.key}: ${part} schema accepts anything`);
      if (['POST', 'PUT', 'PATCH'].includes(r.method) && readsMultipart(r.handlerSource) && r.schema?.body)
        problems.push(`${r.key}: multipart route with a JSON body schema`);
    }
    expect(problems).toEqual([]);
  });

  it('unknown path parameters answer 400 or 404, never 500', async () => {
    const bad: string[] = [];
    for (const r of routes.filter((x) => x.url.includes(':'))) {
      for (const value of ['not-a-uuid', "1'%20or%201=1--", '%00', '..%2F..%2Fetc%2Fpasswd', '9'.repeat(40)]) {
        const res = await all.inject({
          method: r.method as 'GET',
          url: concreteUrl(r.url, value),
          payload: r.method === 'GET' ? undefined : {},
        });
        if (res.statusCode >= 500) bad.push(`${r.key} ${value}: ${res.statusCode}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('prototype pollution (IV-03)', () => {
  const payloads = [
    '{"__proto__":{"polluted":"yes"}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
    '{"name":"x","nested":{"__proto__":{"polluted":"yes"}}}',
    '{"roles":[{"__proto__":{"polluted":"yes"},"role":"sys_admin"}],"constructor":{"prototype":{"isAdmin":true}}}',
  ];

  it('__proto__ and constructor.prototype in any JSON body leave Object.prototype unchanged', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const bad: string[] = [];
    for (const r of routes.filter((x) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(x.method))) {
      for (const body of payloads) {
        const withKeys = body.replace(
          /^\{/,
          `{${schemaKeys(r, 'body')
            .map((k) => `"${k}":{"__proto__":{"polluted":"yes"}},`)
            .join('')}`,
        );
        for (const payload of [body, withKeys]) {
          const res = await all.inject({
            method: r.method as 'POST',
            url: concreteUrl(r.url),
            headers: { 'content-type': 'application/json' },
            payload,
          });
          if (res.statusCode >= 500) bad.push(`${r.key}: ${res.statusCode}`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('__proto__ and constructor as multipart field names leave Object.prototype unchanged', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const uploads = routes.filter((r) => r.method === 'POST' && readsMultipart(r.handlerSource));
    expect(uploads.length).toBeGreaterThan(0);
    for (const r of uploads) {
      const { payload, headers } = multipartBody([
        { name: '__proto__', value: '{"polluted":"yes"}' },
        { name: 'constructor', value: 'x' },
        { name: 'constructor.prototype.polluted', value: 'yes' },
        { name: 'orgId', value: t.rootId },
        { name: 'file', filename: '__proto__.png', data: PNG },
      ]);
      const res = await all.inject({ method: 'POST', url: concreteUrl(r.url), payload, headers });
      expect(res.statusCode, `${r.key}: ${res.body}`).toBeLessThan(500);
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
