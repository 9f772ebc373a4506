import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { buildTestApp, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, buildUser, loginAs } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const NEW_PW = 'Chu$hi-Kou1ing';

describe('accounts', () => {
  it('sys_admin creates an account that must change its password at first login', async () => {
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    const branch = await buildOrg(t, { name: '阜康匝道收费站党支部' });
    const res = await admin.post('/api/users', {
      username: 'fukang.sj',
      name: '王建华',
      password: NEW_PW,
      roles: [{ role: 'branch_secretary', orgId: branch.id }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'fukang.sj',
      name: '王建华',
      disabled: false,
      mustChangePassword: true,
      locked: false,
      lastLoginAt: null,
      roles: [{ role: 'branch_secretary', roleLabel: '支部书记', orgId: branch.id, orgName: '阜康匝道收费站党支部' }],
    });
    expect(res.body).not.toContain('password');

    const first = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'FUKANG.SJ', password: NEW_PW } });
    expect(first.json().mustChangePassword).toBe(true);
    const user = await login(t, 'fukang.sj', NEW_PW);
    expect((await user.get('/api/orgs')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await user.post('/api/auth/password', { oldPassword: NEW_PW, newPassword: 'Zhi$bu-2026-ok' })).statusCode).toBe(204);
    expect((await user.get('/api/orgs')).statusCode).toBe(200);
    const after = (await admin.get(`/api/users/${res.json().id}`)).json();
    expect(after.mustChangePassword).toBe(false);
    expect(after.lastLoginAt).not.toBeNull();
  });

  it('refuses a username that differs only by case or full-width letters, in Chinese', async () => {
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    const roles = [{ role: 'member', orgId: t.rootId }];
    expect((await admin.post('/api/users', { username: 'Zhang', name: '张一', password: NEW_PW, roles })).statusCode).toBe(201);
    for (const username of ['zhang', 'ＺＨＡＮＧ']) {
      const dup = await admin.post('/api/users', { username, name: '张二', password: NEW_PW, roles });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().message).toContain('已被使用');
    }
  });

  it('checks the initial password against the policy, 12 characters for the three administrators', async () => {
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    const weak = await admin.post('/api/users', {
      username: 'weak1',
      name: '李四',
      password: 'abc12345',
      roles: [{ role: 'member', orgId: t.rootId }],
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    const short = await admin.post('/api/users', {
      username: 'auditor2',
      name: '审计员',
      password: 'Abcdef1#xy',
      roles: [{ role: 'audit_admin', orgId: t.rootId }],
    });
    expect(short.json()).toMatchObject({ code: 'WEAK_PASSWORD', message: '口令长度至少 12 位' });
    const ok = await admin.post('/api/users', {
      username: 'auditor2',
      name: '审计员',
      password: 'Abcdef1#xyzw',
      roles: [{ role: 'audit_admin', orgId: t.rootId }],
    });
    expect(ok.statusCode).toBe(201);
  });

  it('三员分立: an administrator account holds no other role', async () => {
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    const res = await admin.post('/api/users', {
      username: 'mixed',
      name: '混合',
      password: 'Abcdef1#xyzw',
      roles: [
        { role: 'sys_admin', orgId: t.rootId },
        { role: 'sasac_staff', orgId: t.rootId },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('三员分立');
  });

  it('an enterprise sys_admin sees and manages only accounts of its subtree; others answer 404 like missing ones', async () => {
    const entA = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const entB = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const brA = await buildOrg(t, { parentId: entA.id });
    const inA = await buildUser(t, { name: '甲企业员工', roles: [{ role: 'member', orgId: brA.id }] });
    const inB = await buildUser(t, { name: '乙企业员工', roles: [{ role: 'member', orgId: entB.id }] });
    const roleless = await buildUser(t, { name: '无角色' });
    const adminA = await loginAs(t, 'sys_admin', entA.id);

    const list = (await adminA.get('/api/users?pageSize=100')).json();
    const ids = list.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(inA.id);
    expect(ids).not.toContain(inB.id);
    expect(ids).not.toContain(roleless.id);
    expect(list.total).toBe(ids.length);

    const foreign = await adminA.get(`/api/users/${inB.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual((await adminA.get(`/api/users/${crypto.randomUUID()}`)).json());
    expect((await adminA.patch(`/api/users/${inB.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await adminA.get(`/api/users?orgId=${entB.id}`)).statusCode).toBe(404);
    const intoB = await adminA.post('/api/users', {
      username: 'sneaky',
      name: '越权',
      password: NEW_PW,
      roles: [{ role: 'member', orgId: entB.id }],
    });
    expect(intoB.statusCode).toBe(404);

    const root = await loginAs(t, 'sys_admin', t.rootId);
    expect((await root.get(`/api/users/${roleless.id}`)).statusCode).toBe(200);
    const byOrg = (await root.get(`/api/users?orgId=${entA.id}&q=${encodeURIComponent('甲企业')}`)).json();
    expect(byOrg.items.map((u: { id: string }) => u.id)).toEqual([inA.id]);
    const page2 = (await root.get('/api/users?page=2&pageSize=2')).json();
    expect(page2.items).toHaveLength(2);
  });

  it('a role change or disabling ends the sessions at once; nobody disables themselves or drops their own sys_admin', async () => {
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    const u = await buildUser(t, { roles: [{ role: 'sasac_staff', orgId: t.rootId }] });
    const s1 = await login(t, u.username, TEST_PASSWORD);
    const changed = await admin.patch(`/api/users/${u.id}`, { roles: [{ role: 'member', orgId: t.rootId }] });
    expect(changed.json().roles.map((r: { role: string }) => r.role)).toEqual(['member']);
    expect((await s1.get('/api/auth/me')).statusCode).toBe(401);

    const s2 = await login(t, u.username, TEST_PASSWORD);
    expect((await admin.patch(`/api/users/${u.id}`, { disabled: true })).json()).toMatchObject({ disabled: true });
    expect((await s2.get('/api/auth/me')).statusCode).toBe(401);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD },
    });
    expect(refused.json().code).toBe('ACCOUNT_DISABLED');
    expect((await admin.patch(`/api/users/${u.id}`, { disabled: false })).json().disabled).toBe(false);
    await login(t, u.username, TEST_PASSWORD);

    const me = (await admin.get('/api/auth/me')).json().user.id;
    expect((await admin.patch(`/api/users/${me}`, { disabled: true })).json().message).toContain('不能停用自己');
    const drop = await admin.patch(`/api/users/${me}`, { roles: [] });
    expect(drop.statusCode).toBe(400);
    expect(drop.json().message).toContain('不能取消自己的系统管理员角色');
  });

  it('holds system-wide roles (安全管理员, 国资委党建工作人员) at the root org only', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    for (const role of ['sec_admin', 'sasac_staff'] as const) {
      const res = await admin.post('/api/users', {
        username: `rootonly_${role}`,
        name: '测试',
        password: 'Ce-Shi#2026-Mima',
        roles: [{ role, orgId: ent.id }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('只能在根组织');
    }
    const ok = await admin.post('/api/users', {
      username: 'rootonly_ok',
      name: '测试',
      password: 'Ce-Shi#2026-Mima',
      roles: [{ role: 'sasac_staff', orgId: t.rootId }],
    });
    expect(ok.statusCode).toBe(201);
    const moved = await admin.patch(`/api/users/${ok.json().id}`, { roles: [{ role: 'sasac_staff', orgId: ent.id }] });
    expect(moved.statusCode).toBe(400);
  });

  it('an enterprise sys_admin replaces only the roles in its subtree and keeps the others', async () => {
    const ent = await buildOrg(t, { type: 'committee' });
    const br = await buildOrg(t, { parentId: ent.id });
    const u = await buildUser(t, {
      roles: [
        { role: 'member', orgId: br.id },
        { role: 'sasac_staff', orgId: t.rootId },
      ],
    });
    const entAdmin = await loginAs(t, 'sys_admin', ent.id);
    const res = await entAdmin.patch(`/api/users/${u.id}`, { roles: [{ role: 'branch_secretary', orgId: br.id }] });
    expect(res.json().roles).toEqual([{ role: 'branch_secretary', roleLabel: '支部书记', orgId: br.id, orgName: br.name }]);
    const root = await loginAs(t, 'sys_admin', t.rootId);
    const all = (await root.get(`/api/users/${u.id}`)).json().roles.map((r: { role: string }) => r.role);
    expect(all.sort()).toEqual(['branch_secretary', 'sasac_staff']);
  });

  it('reset-password forces a change at the next login and ends the sessions', async () => {
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    const u = await buildUser(t, { roles: [{ role: 'member', orgId: t.rootId }] });
    const s = await login(t, u.username, TEST_PASSWORD);
    expect((await admin.post(`/api/users/${u.id}/reset-password`, { password: 'Reset#Pw-2026' })).statusCode).toBe(204);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    const again = await login(t, u.username, 'Reset#Pw-2026');
    expect((await again.get('/api/orgs')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('unlock clears a login lockout before the 30 minutes run out', async () => {
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    const u = await buildUser(t, { roles: [{ role: 'member', orgId: t.rootId }] });
    for (let i = 0; i < 5; i++)
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u.username, password: 'wrong' },
        remoteAddress: '10.9.0.1',
      });
    expect((await admin.get(`/api/users/${u.id}`)).json().locked).toBe(true);
    expect((await admin.post(`/api/users/${u.id}/unlock`)).statusCode).toBe(204);
    expect((await admin.get(`/api/users/${u.id}`)).json().locked).toBe(false);
    await login(t, u.username, TEST_PASSWORD, '10.9.0.2');
  });

  it('revoke-sessions ends every session of the account; sec_admin reads accounts but cannot change them', async () => {
    const sec = await loginAs(t, 'sec_admin', t.rootId);
    const u = await buildUser(t, { roles: [{ role: 'member', orgId: t.rootId }] });
    const a = await login(t, u.username, TEST_PASSWORD);
    const b = await login(t, u.username, TEST_PASSWORD);
    expect((await sec.post(`/api/users/${u.id}/revoke-sessions`)).statusCode).toBe(204);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await sec.get(`/api/users/${u.id}`)).statusCode).toBe(200);
    expect((await sec.patch(`/api/users/${u.id}`, { name: '改名' })).statusCode).toBe(403);
    const auditor = await loginAs(t, 'audit_admin', t.rootId);
    expect((await auditor.get('/api/users')).statusCode).toBe(403);
  });

  it('two concurrent creations of one name yield one account', async () => {
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    const roles = [{ role: 'member', orgId: t.rootId }];
    const results = await Promise.all(
      ['Wangfang', 'wangFANG', 'ｗａｎｇｆａｎｇ'].map((username) =>
        admin.post('/api/users', { username, name: '王芳', password: NEW_PW, roles }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect((await admin.get('/api/users?q=wangfang')).json().total).toBe(1);
  });

  it('promoting an account to one of the three administrators forces a new 12-character password', async () => {
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    const u = await buildUser(t, { roles: [{ role: 'member', orgId: t.rootId }] });
    const res = await admin.patch(`/api/users/${u.id}`, { roles: [{ role: 'audit_admin', orgId: t.rootId }] });
    expect(res.json().mustChangePassword).toBe(true);
    const a = await login(t, u.username, TEST_PASSWORD);
    expect((await a.get('/api/audit')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await a.post('/api/auth/password', { oldPassword: TEST_PASSWORD, newPassword: 'Short#Pw-11' })).json().message).toBe(
      '口令长度至少 12 位',
    );
  });

  it('audits every account change once, without any password in the record', async () => {
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    const created = (
      await admin.post('/api/users', {
        username: 'audited',
        name: '审计对象',
        password: 'Initial#Pw-77',
        roles: [{ role: 'member', orgId: t.rootId }],
      })
    ).json();
    await admin.patch(`/api/users/${created.id}`, { name: '审计对象二' });
    await admin.patch(`/api/users/${created.id}`, { disabled: true });
    await admin.patch(`/api/users/${created.id}`, { disabled: false });
    await admin.post(`/api/users/${created.id}/reset-password`, { password: 'Reset#Pw-7788' });
    await admin.post(`/api/users/${created.id}/unlock`);
    await admin.post(`/api/users/${created.id}/revoke-sessions`);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.objectId, created.id)).orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual([
      'user.create',
      'user.update',
      'user.disable',
      'user.enable',
      'user.reset_password',
      'user.unlock',
      'user.revoke_sessions',
    ]);
    expect(rows.every((r) => r.orgId === t.rootId && r.userId !== null)).toBe(true);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('Initial#Pw-77');
    expect(text).not.toContain('Reset#Pw-7788');
  });
});
