import { and, eq, notLike, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { orgs } from '../../platform/access/org.table.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { type Agent, buildTestApp, type TestApp } from '../build-test-app.ts';
import { buildOrg, loginAs } from '../factories.ts';
import { apiRoutes, type CapturedRoute } from '../matrix/capture.ts';

vi.mock('fastify', async (orig) => (await import('../matrix/capture.ts')).withRouteCapture(await orig()));

let t: TestApp;
let staff: Agent;
let routes: CapturedRoute[];
beforeAll(async () => {
  t = await buildTestApp();
  routes = apiRoutes(t.app);
  staff = await loginAs(t, 'sasac_staff', t.rootId);
});
afterAll(() => t.close());

const STATE_CHANGING = ['POST', 'PUT', 'PATCH', 'DELETE'];
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, () => crypto.randomUUID());

async function writeCount() {
  const [r] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(notLike(auditLog.action, 'access.%'), notLike(auditLog.action, 'audit.%')));
  return Number(r.n);
}

describe('CSRF (HD-04)', () => {
  it('every state-changing route with a session refuses a request without, or with a wrong, X-CSRF-Token', async () => {
    const guarded = routes.filter((r) => STATE_CHANGING.includes(r.method) && r.policy?.kind !== 'public');
    expect(guarded.length).toBeGreaterThan(3);
    const accepted: string[] = [];
    for (const r of guarded) {
      for (const token of [undefined, 'wrong-token', staff.csrf.slice(0, -1)]) {
        const headers: Record<string, string> = { cookie: staff.cookie, ...(token ? { 'x-csrf-token': token } : {}) };
        const res = await t.app.inject({ method: r.method as 'POST', url: concrete(r.url), headers, payload: {} });
        if (res.statusCode !== 403 || res.json().code !== 'CSRF') accepted.push(`${r.key} token=${token}: ${res.statusCode}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('a foreign Origin is refused even with the right token, and the org is not created', async () => {
    const name = 'CSRF测试组织';
    const foreign = await staff.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { origin: 'https://evil.example' },
      payload: { parentId: t.rootId, name, type: 'committee' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('CSRF');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: staff.cookie },
      payload: { parentId: t.rootId, name, type: 'committee' },
    });
    expect(missing.statusCode).toBe(403);
    expect(await t.db.select().from(orgs).where(eq(orgs.name, name))).toHaveLength(0);
    const same = await staff.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { host: 'dangjian.example:8443', origin: 'https://dangjian.example:8443' },
      payload: { parentId: t.rootId, name, type: 'committee' },
    });
    expect(same.statusCode).toBe(201);
  });

  it("another session's token does not work, and the refused rename and dissolve change nothing", async () => {
    const other = await loginAs(t, 'sasac_staff', t.rootId);
    const o = await buildOrg(t, { type: 'committee', name: 'CSRF原名组织' });
    const headers = { cookie: staff.cookie, 'x-csrf-token': other.csrf };
    const rename = await t.app.inject({ method: 'PATCH', url: `/api/orgs/${o.id}`, headers, payload: { name: 'CSRF改名' } });
    expect(rename.statusCode).toBe(403);
    const dissolve = await t.app.inject({ method: 'DELETE', url: `/api/orgs/${o.id}?reason=${encodeURIComponent('测试撤销')}`, headers });
    expect(dissolve.statusCode).toBe(403);
    const [after] = await t.db.select().from(orgs).where(eq(orgs.id, o.id));
    expect(after).toMatchObject({ name: 'CSRF原名组织', status: 'active', version: o.version });
  });

  it('a logout without the token leaves the session working', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: staff.cookie } });
    expect(res.statusCode).toBe(403);
    expect((await staff.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('GET and HEAD never change state: sent to every state-changing URL they write nothing', async () => {
    const before = await writeCount();
    const o = await buildOrg(t, { type: 'branch', name: 'GET测试组织' });
    for (const r of routes.filter((x) => STATE_CHANGING.includes(x.method))) {
      for (const method of ['GET', 'HEAD'] as const) {
        const url = r.url.replace(/:[A-Za-z]+/g, o.id).replace('/api/auth/logout', '/api/auth/logout?x=1');
        const res = await staff.inject({ method, url });
        expect(res.statusCode, `${method} ${url}`).not.toBe(500);
      }
    }
    expect(await writeCount()).toBe(before);
    const [after] = await t.db.select().from(orgs).where(eq(orgs.id, o.id));
    expect(after.status).toBe('active');
    expect((await staff.get('/api/auth/me')).statusCode).toBe(200);
  });
});
