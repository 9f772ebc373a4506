import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, buildTestApp, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildUser, loginAs } from '../../test/factories.ts';
import { days, minutes } from '../clock.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** Changes the agent's own password from `current` to `next`; returns the response. */
const change = (a: Agent, current: string, next: string) => a.post('/api/auth/password', { oldPassword: current, newPassword: next });

describe('password policy (等保 身份鉴别 a)', () => {
  it('refuses short, single-class, username-containing and common passwords with a Chinese reason', async () => {
    const u = await buildUser(t, { username: 'zhaolei', roles: [{ role: 'member', orgId: t.rootId }] });
    const a = await login(t, u.username, TEST_PASSWORD);
    const refused: [string, string][] = [
      ['Ab#1234', '口令长度至少 8 位'],
      ['abcdefghij', '至少 3 类'],
      ['abcdefgh12', '至少 3 类'],
      ['Zhaolei#2026', '不能包含用户名'],
      ['Password1!', '过于常见'],
      ['Dangjian@2026', '过于常见'],
    ];
    for (const [pw, reason] of refused) {
      const res = await change(a, TEST_PASSWORD, pw);
      expect(res.statusCode, pw).toBe(400);
      expect(res.json().code).toBe('WEAK_PASSWORD');
      expect(res.json().message).toContain(reason);
    }
    expect((await change(a, 'not-my-password', 'Kx7#mQ2!vL')).json().message).toBe('原口令不正确');
  });

  it('accepts long and pasted passwords exactly as typed: 64 and 128 characters, spaces and Chinese', async () => {
    const u = await buildUser(t, { roles: [{ role: 'member', orgId: t.rootId }] });
    const a = await login(t, u.username, TEST_PASSWORD);
    const p64 = `${'Lq7#'.repeat(15)}Zx9!`;
    const p128 = `${'correct horse Battery 9 '.repeat(5)}Tail#128`.slice(0, 128);
    expect(p64).toHaveLength(64);
    expect(p128).toHaveLength(128);
    expect((await change(a, TEST_PASSWORD, p64)).statusCode).toBe(204);
    t.clock.advance(minutes(1));
    expect((await change(a, p64, p128)).statusCode).toBe(204);
    t.clock.advance(minutes(1));
    expect((await change(a, p128, '红旗飘飘 Dangxiao 9')).statusCode).toBe(204);
    await login(t, u.username, '红旗飘飘 Dangxiao 9');
    const truncated = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: '红旗飘飘 Dangxiao' },
    });
    expect(truncated.statusCode).toBe(401);
  });

  it('asks 12 characters of the three administrators', async () => {
    const a = await loginAs(t, 'audit_admin', t.rootId);
    expect((await change(a, TEST_PASSWORD, 'Kx7#mQ2!vLp')).json().message).toBe('口令长度至少 12 位');
    expect((await change(a, TEST_PASSWORD, 'Kx7#mQ2!vLpw')).statusCode).toBe(204);
  });

  it('refuses any of the last 5 passwords and accepts the sixth-oldest', async () => {
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    const pw = ['Hist#Pass-0a', 'Hist#Pass-1b', 'Hist#Pass-2c', 'Hist#Pass-3d', 'Hist#Pass-4e', 'Hist#Pass-5f'];
    const created = await admin.post('/api/users', {
      username: 'history1',
      name: '历史',
      password: pw[0],
      roles: [{ role: 'member', orgId: t.rootId }],
    });
    expect(created.statusCode).toBe(201);
    const a = await login(t, 'history1', pw[0]);
    for (let i = 1; i <= 4; i++) {
      t.clock.advance(minutes(1));
      expect((await change(a, pw[i - 1], pw[i])).statusCode).toBe(204);
    }
    for (const old of [pw[0], pw[1], pw[3]]) {
      const res = await change(a, pw[4], old);
      expect(res.json()).toMatchObject({ code: 'WEAK_PASSWORD', message: '不能使用最近 5 次用过的口令' });
    }
    t.clock.advance(minutes(1));
    expect((await change(a, pw[4], pw[5])).statusCode).toBe(204);
    t.clock.advance(minutes(1));
    expect((await change(a, pw[5], pw[0])).statusCode).toBe(204);
  });

  it('warns from day 75 and requires a change after 90 days, on the server', async () => {
    const u = await buildUser(t, { roles: [{ role: 'sasac_staff', orgId: t.rootId }] });
    t.clock.advance(days(74));
    let a = await login(t, u.username, TEST_PASSWORD);
    expect((await a.get('/api/auth/me')).json().passwordExpiryWarning).toBeNull();
    t.clock.advance(days(1));
    a = await login(t, u.username, TEST_PASSWORD);
    const me = (await a.get('/api/auth/me')).json();
    expect(me.passwordExpiryWarning).toContain('15 天后过期');
    t.clock.advance(days(15));
    const expired = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD },
    });
    expect(expired.json().mustChangePassword).toBe(true);
    a = await login(t, u.username, TEST_PASSWORD);
    expect((await a.get('/api/orgs')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await change(a, TEST_PASSWORD, 'Renewed#Pw-90')).statusCode).toBe(204);
    expect((await a.get('/api/orgs')).statusCode).toBe(200);
  });
});

describe('forced change at first login and after a reset', () => {
  it('answers 403 PASSWORD_CHANGE_REQUIRED on every /api route except the password change, its rules and logout', async () => {
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    const created = await admin.post('/api/users', {
      username: 'firstlogin',
      name: '新用户',
      password: 'First#Login-1',
      roles: [{ role: 'sasac_staff', orgId: t.rootId }],
    });
    expect(created.statusCode).toBe(201);
    const a = await login(t, 'firstlogin', 'First#Login-1');
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const exempt = new Set(['POST /api/auth/password', 'GET /api/auth/password-rules', 'POST /api/auth/logout']);
    // the form shows the rules the new password must meet
    expect((await a.get('/api/auth/password-rules')).statusCode).toBe(200);
    let checked = 0;
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops).map((m) => m.toUpperCase())) {
        if (exempt.has(`${method} ${p}`)) continue;
        const url = p.replace(/\{[^}]+\}/g, crypto.randomUUID());
        const payload = method === 'GET' || method === 'DELETE' ? undefined : {};
        const anon = await t.app.inject({ method: method as 'GET', url, payload });
        if (anon.statusCode !== 401) continue; // public route
        const res = await a.inject({ method: method as 'GET', url, payload });
        expect([`${method} ${p}`, res.statusCode, res.json().code]).toEqual([`${method} ${p}`, 403, 'PASSWORD_CHANGE_REQUIRED']);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
    expect((await a.post('/api/auth/password', { oldPassword: 'First#Login-1', newPassword: 'Second#Login-2' })).statusCode).toBe(204);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
  });
});
