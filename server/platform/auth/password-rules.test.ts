import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY } from '../../../common/security-policy.ts';
import { buildTestApp, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildUser, loginAs } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t?.close());

describe('GET /api/auth/password-rules', () => {
  it('returns the configured policy for the caller, also right after sec_admin changes it', async () => {
    const staff = await loginAs(t, 'enterprise_staff', t.rootId);
    const sys = await loginAs(t, 'sys_admin', t.rootId);
    expect((await staff.get('/api/auth/password-rules')).json()).toEqual({
      minLength: DEFAULT_SECURITY_POLICY.minLength,
      minClasses: DEFAULT_SECURITY_POLICY.minClasses,
      historyCount: DEFAULT_SECURITY_POLICY.historyCount,
      isAdmin: false,
    });

    const sec = await loginAs(t, 'sec_admin', t.rootId);
    const next = { ...DEFAULT_SECURITY_POLICY, minLength: 11, adminMinLength: 16, minClasses: 4, historyCount: 8 };
    expect((await sec.put('/api/security/policy', next)).statusCode).toBe(200);

    expect((await staff.get('/api/auth/password-rules')).json()).toEqual({ minLength: 11, minClasses: 4, historyCount: 8, isAdmin: false });
    expect((await sys.get('/api/auth/password-rules')).json()).toEqual({ minLength: 16, minClasses: 4, historyCount: 8, isAdmin: true });
  });

  it('answers a session that must change its password first, and nobody anonymous', async () => {
    const u = await buildUser(t, { roles: [{ role: 'branch_secretary', orgId: t.rootId }], mustChangePassword: true });
    const pending = await login(t, u.username, TEST_PASSWORD);
    expect((await pending.get('/api/auth/me')).statusCode).toBe(403);
    const res = await pending.get('/api/auth/password-rules');
    expect(res.statusCode).toBe(200);
    expect(res.json().isAdmin).toBe(false);
    const anon = await t.app.inject({ method: 'GET', url: '/api/auth/password-rules' });
    expect(anon.statusCode).toBe(401);
  });
});
