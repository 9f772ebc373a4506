import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY } from '../../../common/security-policy.ts';
import { buildTestApp, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildUser, loginAs } from '../../test/factories.ts';
import { auditLog } from '../audit/audit.table.ts';
import { minutes } from '../clock.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('security policy', () => {
  it('sec_admin reads the 等保 defaults with Chinese labels', async () => {
    const sec = await loginAs(t, 'sec_admin', t.rootId);
    const res = (await sec.get('/api/security/policy')).json();
    expect(res.policy).toEqual(DEFAULT_SECURITY_POLICY);
    expect(res.labels.auditRetentionDays).toBe('审计日志保存期（天）');
  });

  it('a change takes effect at once and is audited with the old and new values', async () => {
    const sec = await loginAs(t, 'sec_admin', t.rootId);
    const next = { ...DEFAULT_SECURITY_POLICY, idleMinutes: 15, minLength: 10 };
    const res = await sec.put('/api/security/policy', next);
    expect(res.statusCode).toBe(200);
    expect(res.json().policy).toEqual(next);
    expect((await sec.get('/api/security/policy')).json().policy.idleMinutes).toBe(15);

    const [rec] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'security.policy_update'));
    expect(rec.detail).toMatchObject({
      old: { idleMinutes: 30, minLength: 8 },
      new: { idleMinutes: 15, minLength: 10 },
      changed: ['minLength', 'idleMinutes'],
    });

    const admin = await loginAs(t, 'sys_admin', t.rootId);
    const weak = await admin.post('/api/users', {
      username: 'nine',
      name: '九位',
      password: 'Abc#12345',
      roles: [{ role: 'member', orgId: t.rootId }],
    });
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', message: '口令长度至少 10 位' });
    const u = await buildUser(t, { roles: [{ role: 'member', orgId: t.rootId }] });
    const s = await login(t, u.username, TEST_PASSWORD);
    t.clock.advance(minutes(16));
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    expect((await sec.put('/api/security/policy', DEFAULT_SECURITY_POLICY)).statusCode).toBe(401);
  });

  it('refuses figures weaker than 等保, with Chinese reasons: retention under 184 days, idle over 30 minutes, more than 5 failures', async () => {
    const sec = await loginAs(t, 'sec_admin', t.rootId);
    const cases: [Record<string, number>, string][] = [
      [{ auditRetentionDays: 183 }, '审计日志保存期不得少于 184 天'],
      [{ idleMinutes: 31 }, '空闲超时不得超过 30 分钟'],
      [{ lockoutThreshold: 6 }, '连续失败次数上限不得超过 5 次'],
      [{ expiryDays: 91 }, '口令有效期不得超过 90 天'],
      [{ expiryWarnDays: 30, expiryDays: 30 }, '到期前提醒天数须小于口令有效期'],
    ];
    for (const [change, message] of cases) {
      const res = await sec.put('/api/security/policy', { ...DEFAULT_SECURITY_POLICY, ...change });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain(message);
    }
    expect((await sec.put('/api/security/policy', { ...DEFAULT_SECURITY_POLICY, auditRetentionDays: 184 })).statusCode).toBe(200);
    expect((await sec.put('/api/security/policy', { ...DEFAULT_SECURITY_POLICY, mfa: false })).statusCode).toBe(400);
  });

  it('only sec_admin reads or changes it; sys_admin and audit_admin cannot', async () => {
    for (const role of ['sys_admin', 'audit_admin'] as const) {
      const a = await loginAs(t, role, t.rootId);
      expect((await a.get('/api/security/policy')).statusCode).toBe(403);
      expect((await a.put('/api/security/policy', DEFAULT_SECURITY_POLICY)).statusCode).toBe(403);
    }
  });
});
