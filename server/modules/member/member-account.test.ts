import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { buildTestApp, login, type TestApp } from '../../test/build-test-app.ts';
import { buildBranch, loginAs } from '../../test/factories.ts';
import { buildMember } from './member.factory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** An enterprise with a branch, its secretary and a member without an account. */
async function branchWithMember(name = '阿依古丽') {
  const { branch, agent: secretary } = await buildBranch(t, { login: 'branch_secretary' });
  const m = await buildMember(t, branch.id, { name });
  return { branch, secretary, m };
}

let n = 0;
const uname = () => `m${Date.now() % 1_000_000}x${++n}`;

describe('开通账号 for members', () => {
  it('a secretary opens an account; the member logs in once with it, must change it, then sees their own record', async () => {
    const { secretary, m } = await branchWithMember('阿依古丽');
    expect((await secretary.get(`/api/members/${m.id}/account`)).json()).toBeNull();
    const username = uname();
    const res = await secretary.post(`/api/members/${m.id}/account`, { username });
    expect(res.statusCode).toBe(201);
    const { initialPassword, userId } = res.json();
    expect(res.json().username).toBe(username);
    expect(initialPassword.length).toBeGreaterThanOrEqual(12);

    const shown = (await secretary.get(`/api/members/${m.id}/account`)).json();
    expect(shown).toEqual({ userId, username, disabled: false, lastLoginAt: null });
    expect(JSON.stringify(shown)).not.toContain(initialPassword);

    const self = await login(t, username, initialPassword);
    expect((await self.get('/api/me/member')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await self.post('/api/auth/password', { oldPassword: initialPassword, newPassword: 'Xin#Kou1ing2026' });
    expect(changed.statusCode).toBe(204);
    const me = await self.get('/api/me/member');
    expect(me.statusCode).toBe(200);
    expect(me.json().member.name).toBe('阿依古丽');
    expect((await secretary.get(`/api/members/${m.id}/account`)).json().lastLoginAt).not.toBeNull();

    const rows = await t.db.select().from(auditLog).where(eq(auditLog.objectId, m.id));
    expect(rows.map((r) => r.action)).toContain('member.account.create');
    expect(JSON.stringify(rows)).not.toContain(initialPassword);
  });

  it('one member has at most one account, and usernames are unique regardless of case and width', async () => {
    const { secretary, m } = await branchWithMember();
    const username = uname();
    expect((await secretary.post(`/api/members/${m.id}/account`, { username })).statusCode).toBe(201);
    const again = await secretary.post(`/api/members/${m.id}/account`, { username: uname() });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已开通账号');

    const other = await buildMember(t, m.orgId, { name: '李明' });
    const wide = username.toUpperCase().replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const dup = await secretary.post(`/api/members/${other.id}/account`, { username: wide });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toContain('已被使用');
    expect((await secretary.post(`/api/members/${other.id}/account`, { username: 'a b' })).statusCode).toBe(400);
  });

  it('a member of another enterprise is not found, exactly like a missing one', async () => {
    const { secretary } = await branchWithMember();
    const { m: foreign } = await branchWithMember();
    for (const url of [`/api/members/${foreign.id}/account`, `/api/members/${crypto.randomUUID()}/account`]) {
      expect((await secretary.post(url, { username: uname() })).statusCode).toBe(404);
      expect((await secretary.get(url)).statusCode).toBe(404);
      expect((await secretary.post(`${url}/reset`, {})).statusCode).toBe(404);
    }
  });

  it('重置口令 gives a new one-time password and ends the member’s sessions; the password is never audited', async () => {
    const { secretary, m } = await branchWithMember();
    const username = uname();
    const first = (await secretary.post(`/api/members/${m.id}/account`, { username })).json().initialPassword;
    const self = await login(t, username, first);
    await self.post('/api/auth/password', { oldPassword: first, newPassword: 'Xin#Kou1ing2026' });
    expect((await self.get('/api/me/member')).statusCode).toBe(200);

    const reset = await secretary.post(`/api/members/${m.id}/account/reset`, {});
    expect(reset.statusCode).toBe(200);
    const second = reset.json().initialPassword;
    expect(second).not.toBe(first);
    expect((await self.get('/api/me/member')).statusCode).toBe(401);
    await expect(login(t, username, 'Xin#Kou1ing2026')).rejects.toThrow();
    const again = await login(t, username, second);
    expect((await again.get('/api/me/member')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');

    const rows = await t.db.select().from(auditLog).where(eq(auditLog.objectId, m.id));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['member.account.create', 'member.account.reset']));
    const text = JSON.stringify(rows);
    expect(text).not.toContain(first);
    expect(text).not.toContain(second);
  });

  it('a member without an account cannot be reset; a plain member cannot open accounts', async () => {
    const { secretary, m, branch } = await branchWithMember();
    expect((await secretary.post(`/api/members/${m.id}/account/reset`, {})).statusCode).toBe(404);
    const plain = await loginAs(t, 'member', branch.id);
    expect((await plain.post(`/api/members/${m.id}/account`, { username: uname() })).statusCode).toBe(403);
  });
});
