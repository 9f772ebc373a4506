import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, buildTestApp, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildUser, loginAs } from '../../test/factories.ts';
import { minutes } from '../clock.ts';

const seconds = (n: number) => n * 1000;

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const attempt = (username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

describe('login', () => {
  it('answers the contract shape and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const res = await attempt('admin', ADMIN_PASSWORD, '10.2.0.1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['csrfToken', 'mustChangePassword', 'user']);
    expect(body.user).toEqual({ id: expect.any(String), username: 'admin', name: '系统管理员' });
    expect(body.mustChangePassword).toBe(true);
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);
    const c = res.cookies.find((x) => x.name === 'lq_sid');
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(c?.secure).toBeFalsy();
    expect(c?.value.length).toBeGreaterThanOrEqual(43);
  });

  it('gives the same 401 for an unknown user and a wrong password', async () => {
    const unknown = await attempt('nobody-here', 'Wrong#Pass1', '10.2.0.2');
    const wrong = await attempt('admin', 'Wrong#Pass1', '10.2.0.2');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或口令错误' });
    expect(wrong.body).toBe(unknown.body);
    expect(unknown.cookies).toEqual([]);
  });

  it('locks an account for 30 minutes after 5 consecutive failures, even against the right password, then unlocks by itself', async () => {
    const u = await buildUser(t, { roles: [{ role: 'member', orgId: t.rootId }] });
    for (let i = 1; i <= 4; i++) expect((await attempt(u.username, `Wrong#Pass${i}`, '10.2.1.1')).statusCode).toBe(401);
    expect((await attempt(u.username, 'Wrong#Pass5', '10.2.1.2')).statusCode).toBe(401);
    const locked = await attempt(u.username, TEST_PASSWORD, '10.2.1.3');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    expect(locked.json().message).toContain('30 分钟');
    t.clock.advance(minutes(29));
    expect((await attempt(u.username, TEST_PASSWORD, '10.2.1.3')).statusCode).toBe(423);
    t.clock.advance(minutes(1) + seconds(1));
    expect((await attempt(u.username, TEST_PASSWORD, '10.2.1.3')).statusCode).toBe(200);
  });

  it('counts consecutive failures only: a success in between starts again; unknown names lock alike', async () => {
    const u = await buildUser(t, { roles: [{ role: 'member', orgId: t.rootId }] });
    for (let i = 0; i < 4; i++) await attempt(u.username, 'Wrong#Pass1', `10.2.2.${i}`);
    expect((await attempt(u.username, TEST_PASSWORD, '10.2.2.9')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await attempt(u.username, 'Wrong#Pass1', `10.2.3.${i}`);
    expect((await attempt(u.username, TEST_PASSWORD, '10.2.3.9')).statusCode).toBe(200);

    for (let i = 0; i < 5; i++) await attempt('ghost-user', 'Wrong#Pass1', `10.2.4.${i}`);
    expect((await attempt('ghost-user', 'Wrong#Pass1', '10.2.4.9')).json().code).toBe('ACCOUNT_LOCKED');
  });

  it('an administrator unlocks a locked account before the 30 minutes are over', async () => {
    const u = await buildUser(t, { roles: [{ role: 'member', orgId: t.rootId }] });
    for (let i = 0; i < 5; i++) await attempt(u.username, 'Wrong#Pass1', `10.2.5.${i}`);
    expect((await attempt(u.username, TEST_PASSWORD, '10.2.5.9')).statusCode).toBe(423);
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    expect((await admin.post(`/api/users/${u.id}/unlock`)).statusCode).toBe(204);
    expect((await attempt(u.username, TEST_PASSWORD, '10.2.5.9')).statusCode).toBe(200);
  });

  it('throttles an IP after 6 failures in a minute and 30 in an hour, with Retry-After; other IPs are unaffected', async () => {
    const u = await buildUser(t, { roles: [{ role: 'member', orgId: t.rootId }] });
    for (let i = 0; i < 6; i++) expect((await attempt(`spray${i}`, 'Wrong#Pass1', '10.3.0.1')).statusCode).toBe(401);
    const limited = await attempt(u.username, TEST_PASSWORD, '10.3.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    const retry = Number(limited.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect((await attempt(u.username, TEST_PASSWORD, '10.3.0.2')).statusCode).toBe(200);
    t.clock.advance(seconds(retry));
    expect((await attempt(u.username, TEST_PASSWORD, '10.3.0.1')).statusCode).toBe(200);

    // 5 a minute stays under the minute limit; the hour limit stops the 31st
    for (let m = 0; m < 6; m++) {
      for (let i = 0; i < 5; i++) await attempt(`spray-h${m}-${i}`, 'Wrong#Pass1', '10.3.0.3');
      t.clock.advance(seconds(61));
    }
    const hourly = await attempt(u.username, TEST_PASSWORD, '10.3.0.3');
    expect(hourly.statusCode).toBe(429);
    expect(Number(hourly.headers['retry-after'])).toBeGreaterThan(60);
  });

  it('uses a __Host- prefixed Secure cookie when served over https', async () => {
    const https = await buildTestApp({ https: true });
    try {
      const res = await https.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: ADMIN_PASSWORD },
      });
      const c = res.cookies.find((x) => x.name === '__Host-lq_sid');
      expect(c).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(c?.domain).toBeUndefined();
      const me = await https.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `__Host-lq_sid=${c?.value}` } });
      expect(me.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    } finally {
      await https.close();
    }
  });

  it('accepts the username in any case or full-width form', async () => {
    await buildUser(t, { username: 'Liuyang', roles: [{ role: 'member', orgId: t.rootId }] });
    await login(t, 'ＬＩＵＹＡＮＧ', TEST_PASSWORD, '10.4.0.1');
  });
});
