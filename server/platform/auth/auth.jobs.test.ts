import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, buildTestApp, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildUser, loginAs } from '../../test/factories.ts';
import { auditLog } from '../audit/audit.table.ts';
import { days } from '../clock.ts';
import { runDueJobs } from '../jobs/runner.ts';
import { notifications } from '../notify/notify.table.ts';
import { platformJobs } from '../platform.jobs.ts';
import { users } from './user.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const nextDay = async (job: string, n = 1) => {
  t.clock.advance(days(n));
  return (await runDueJobs(t.db, t.env, platformJobs, [job]))[job];
};

describe('daily account jobs', () => {
  it('reminds a user from day 75 that the password expires, once per password', async () => {
    const u = await buildUser(t, { roles: [{ role: 'member', orgId: t.rootId }] });
    const mine = () => t.db.select().from(notifications).where(eq(notifications.userId, u.id));
    await nextDay('auth.password_expiry_warning', 74);
    expect(await mine()).toEqual([]);
    await nextDay('auth.password_expiry_warning');
    const [n] = await mine();
    expect(n).toMatchObject({ kind: 'password_expiry', level: 'warning', link: '/password' });
    expect(n.title).toMatch(/^您的登录口令将于 \d{4}-\d{2}-\d{2} 过期$/);
    expect(n.body).toContain('还有 15 天到期');
    await nextDay('auth.password_expiry_warning');
    expect(await mine()).toHaveLength(1);

    const a = await login(t, u.username, TEST_PASSWORD);
    expect((await a.get('/api/notifications')).json().items[0].title).toBe(n.title);
    await a.post('/api/auth/password', { oldPassword: TEST_PASSWORD, newPassword: 'Renew#Pass-75' });
    await nextDay('auth.password_expiry_warning', 75);
    expect(await mine()).toHaveLength(2);
  });

  it('disables accounts idle for 90 days, records why, ends their sessions and audits each; admin only after a first login', async () => {
    const sys = t.sys();
    await t.db.update(users).set({ disabled: true }).where(eq(users.disabled, false)); // start from a quiet tree
    await t.db.update(users).set({ disabled: false, lastLoginAt: null, createdAt: sys.now }).where(eq(users.username, 'admin'));
    const idle = await buildUser(t, { roles: [{ role: 'member', orgId: t.rootId }] });
    const active = await buildUser(t, { roles: [{ role: 'member', orgId: t.rootId }] });
    // factories leave createdAt to the database clock; the job counts from the injected one
    await t.db.update(users).set({ createdAt: sys.now }).where(eq(users.disabled, false));
    const session = await login(t, idle.username, TEST_PASSWORD);
    t.clock.advance(days(50));
    await login(t, active.username, TEST_PASSWORD);

    expect(await nextDay('auth.inactive_accounts', 41)).toBe('disabled 1');
    const [gone] = await t.db.select().from(users).where(eq(users.id, idle.id));
    expect(gone.disabled).toBe(true);
    expect(gone.disabledReason).toContain('连续 90 天未登录');
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    const records = await t.db.select().from(auditLog).where(eq(auditLog.action, 'user.auto_disable'));
    expect(records.map((r) => r.objectId)).toEqual([idle.id]);
    const [admin] = await t.db.select().from(users).where(eq(users.username, 'admin'));
    expect(admin.disabled).toBe(false);

    const sysAdmin = await loginAs(t, 'sys_admin', t.rootId);
    expect((await sysAdmin.patch(`/api/users/${idle.id}`, { disabled: false })).json().disabled).toBe(false);
    expect(await nextDay('auth.inactive_accounts')).toBe('disabled 0');

    await login(t, 'admin', ADMIN_PASSWORD);
    await nextDay('auth.inactive_accounts', 91);
    const [adminAfter] = await t.db.select().from(users).where(eq(users.username, 'admin'));
    expect(adminAfter.disabled).toBe(true);
  });
});
