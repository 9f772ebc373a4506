import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, buildTestApp, type TestApp } from '../build-test-app.ts';
import { loginAs } from '../factories.ts';

let t: TestApp;
let staff: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  staff = await loginAs(t, 'sasac_staff', t.rootId);
});
afterAll(() => t.close());

/** HD-01 and HD-03: what every response must carry, errors included. */
function expectSecurityHeaders(res: LightMyRequestResponse, api = true) {
  const csp = String(res.headers['content-security-policy']);
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
    expect(csp, `CSP on ${res.statusCode}`).toContain(directive);
  const hsts = String(res.headers['strict-transport-security']);
  expect(hsts).toContain('includeSubDomains');
  expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBeTruthy();
  if (api) expect(res.headers['cache-control']).toContain('no-store');
  expect(JSON.stringify(res.headers)).not.toMatch(/x-powered-by/i);
}

describe('security headers on every status (HD-01, HD-03)', () => {
  it('200: health', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expectSecurityHeaders(res);
  });

  it('400: a body that fails validation, with a Chinese message and no stack', async () => {
    const res = await staff.post('/api/orgs', { parentId: 'not-a-uuid', name: '', type: 'nonsense' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(res.body).not.toMatch(/at \w+ \(|node_modules/);
    expectSecurityHeaders(res);
  });

  it('401: anonymous', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expectSecurityHeaders(res);
  });

  it('403: missing CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie: staff.cookie }, payload: {} });
    expect(res.statusCode).toBe(403);
    expectSecurityHeaders(res);
  });

  it('404: unknown API path and TRACE', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expectSecurityHeaders(res);
    const trace = await t.app.inject({ method: 'TRACE' as 'GET', url: '/api/health' });
    expect(trace.statusCode).toBeGreaterThanOrEqual(400);
    expectSecurityHeaders(trace);
  });

  it('413: a body over the limit', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'p'.repeat(3 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expectSecurityHeaders(res);
  });

  it('429: the per-IP login throttle, with Retry-After', async () => {
    let res: LightMyRequestResponse | undefined;
    for (let i = 0; i < 8; i++) {
      res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.20.30.40',
        payload: { username: `nobody${i}`, password: 'Wrong#Passw0rd' },
      });
      if (res.statusCode === 429) break;
    }
    expect(res?.statusCode).toBe(429);
    expect(res?.headers['retry-after']).toBeTruthy();
    expectSecurityHeaders(res!);
  });

  it('500: an internal failure answers a generic Chinese body with the headers', async () => {
    const x = await buildTestApp();
    try {
      const agent = await loginAs(x, 'sasac_staff', x.rootId);
      await x.db.execute(sql`alter table sessions rename to sessions_gone`);
      const res = await agent.get('/api/auth/me');
      await x.db.execute(sql`alter table sessions_gone rename to sessions`);
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ code: 'INTERNAL' });
      expect(res.body).not.toMatch(/sessions|select|stack|\.ts/i);
      expectSecurityHeaders(res);
    } finally {
      await x.close();
    }
  });
});

describe('CORS and production configuration (HD-05, HD-06)', () => {
  it('never reflects a foreign Origin, on simple requests or preflight', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/orgs',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('in production the OpenAPI document and its reader need a login', async () => {
    const prod = await buildTestApp({ production: true });
    try {
      const anon = await prod.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(anon.statusCode).toBe(401);
      expect((await prod.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(401);
      for (const url of ['/documentation', '/docs', '/swagger', '/.git/config'])
        expect((await prod.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
      const agent = await loginAs(prod, 'sasac_staff', prod.rootId);
      const doc = await agent.get('/api/openapi.json');
      expect(doc.statusCode).toBe(200);
      expect(doc.json().openapi).toMatch(/^3\./);
    } finally {
      await prod.close();
    }
  });
});
