import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFor, buildTestApp, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildUser, loginAs } from '../../test/factories.ts';
import { auditLog } from '../audit/audit.table.ts';
import { hours, minutes } from '../clock.ts';
import { sessions } from './auth.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const member = () => buildUser(t, { roles: [{ role: 'member', orgId: t.rootId }] });

describe('sessions (等保 身份鉴别 b)', () => {
  it('end after 30 idle minutes; activity keeps them alive', async () => {
    const u = await member();
    const a = await login(t, u.username, TEST_PASSWORD);
    for (let i = 0; i < 3; i++) {
      t.clock.advance(minutes(29));
      expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    }
    t.clock.advance(minutes(30) + 1000);
    const res = await a.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('end after 10 idle minutes for the three administrators', async () => {
    for (const role of ['sys_admin', 'sec_admin', 'audit_admin'] as const) {
      const a = await loginAs(t, role, t.rootId);
      t.clock.advance(minutes(9));
      expect((await a.get('/api/auth/me')).statusCode).toBe(200);
      t.clock.advance(minutes(10) + 1000);
      expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    }
  });

  it('end 12 hours after login however active', async () => {
    const u = await member();
    const a = await login(t, u.username, TEST_PASSWORD);
    for (let elapsed = 0; elapsed < hours(12) - minutes(25); elapsed += minutes(25)) {
      t.clock.advance(minutes(25));
      expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    }
    t.clock.advance(minutes(26));
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('logout deletes the session, clears the browser and is refused to the old cookie afterwards', async () => {
    const u = await member();
    const a = await login(t, u.username, TEST_PASSWORD);
    const out = await a.post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(out.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
    expect(out.cookies.find((c) => c.name === 'lq_sid')?.value).toBe('');
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, u.id))).toEqual([]);
  });

  it('a password change ends the other sessions and keeps the current one', async () => {
    const u = await member();
    const here = await login(t, u.username, TEST_PASSWORD);
    const there = await login(t, u.username, TEST_PASSWORD);
    expect((await here.post('/api/auth/password', { oldPassword: TEST_PASSWORD, newPassword: 'Moved#On-2026' })).statusCode).toBe(204);
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    expect((await there.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('disabling the account or changing its roles ends its sessions on the next request', async () => {
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    const u = await member();
    let a = await login(t, u.username, TEST_PASSWORD);
    await admin.patch(`/api/users/${u.id}`, { roles: [{ role: 'branch_secretary', orgId: t.rootId }] });
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    a = await login(t, u.username, TEST_PASSWORD);
    expect((await a.get('/api/auth/me')).json().permissions).toContain('member:read');
    await admin.patch(`/api/users/${u.id}`, { disabled: true });
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('stores only a hash of the session token', async () => {
    const u = await member();
    const a = await login(t, u.username, TEST_PASSWORD);
    const token = a.cookie.split('=')[1];
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, u.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    const forged = agentFor(t, `lq_sid=${rows[0].idHash}`, rows[0].csrfToken);
    expect((await forged.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('CSRF (every state-changing request carries X-CSRF-Token)', () => {
  it('refuses a missing or wrong header and a foreign Origin with 403 CSRF, and audits each refusal', async () => {
    const a = await loginAs(t, 'sasac_staff', t.rootId);
    const body = { parentId: t.rootId, name: '跨站测试党委', type: 'committee' };
    const [before] = await t.db.select({ n: auditLog.id }).from(auditLog).where(eq(auditLog.action, 'access.csrf'));
    expect(before).toBeUndefined();
    const refusals = [
      a.inject({ method: 'POST', url: '/api/orgs', payload: body, headers: { 'x-csrf-token': '' } }),
      a.inject({ method: 'POST', url: '/api/orgs', payload: body, headers: { 'x-csrf-token': 'forged-token-value' } }),
      a.inject({ method: 'POST', url: '/api/orgs', payload: body, headers: { origin: 'https://evil.example' } }),
      t.app.inject({ method: 'POST', url: '/api/orgs', payload: body, headers: { cookie: a.cookie } }),
    ];
    for (const res of await Promise.all(refusals)) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('CSRF');
    }
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'access.csrf'))).toHaveLength(4);
    expect((await a.get(`/api/orgs?q=${encodeURIComponent('跨站测试')}`)).json()).toEqual([]);
    const sameOrigin = await a.inject({
      method: 'POST',
      url: '/api/orgs',
      payload: body,
      headers: { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' },
    });
    expect(sameOrigin.statusCode).toBe(201);
  });
});
