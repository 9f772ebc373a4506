import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { minutes } from '../clock.ts';
import { AUDIT_ACTION_LABELS } from './audit.labels.ts';
import { auditLog } from './audit.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** The id of the newest audit record, to read what a step wrote after it. */
async function mark(): Promise<number> {
  const rows = await t.db.select({ id: auditLog.id }).from(auditLog);
  return rows.reduce((m, r) => Math.max(m, r.id), 0);
}
const since = (id: number) => t.db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(auditLog.id);

describe('audit log', () => {
  it('writes exactly one record per login, failed login, write, denied access and logout, with every field', async () => {
    const u = await buildUser(t, { roles: [{ role: 'sasac_staff', orgId: t.rootId }] });
    let m = await mark();
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: 'Wrong#Pass1' },
      remoteAddress: '10.1.0.9',
    });
    expect((await since(m)).map((r) => [r.action, r.result, r.username, r.ip])).toEqual([
      ['auth.login', 'failure', u.username, '10.1.0.9'],
    ]);

    m = await mark();
    const staff = await login(t, u.username, TEST_PASSWORD, '10.1.0.9');
    expect((await since(m)).map((r) => [r.action, r.result, r.userId])).toEqual([['auth.login', 'success', null]]);

    m = await mark();
    const created = await staff.post('/api/orgs', { parentId: t.rootId, name: '州交投集团党委', type: 'committee' });
    const [rec] = await since(m);
    expect(await since(m)).toHaveLength(1);
    expect(rec).toMatchObject({
      action: 'org.create',
      result: 'success',
      userId: u.id,
      username: u.username,
      roles: 'sasac_staff',
      ip: '10.1.0.9',
      objectType: 'org',
      objectId: created.json().id,
      orgId: created.json().id,
    });
    expect(rec.requestId).toBeTruthy();
    expect(rec.at.toISOString()).toBe(t.clock().toISOString());

    m = await mark();
    expect((await staff.get('/api/users')).statusCode).toBe(403);
    expect((await since(m)).map((r) => [r.action, r.result, r.userId])).toEqual([['access.denied', 'denied', u.id]]);

    m = await mark();
    expect((await staff.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await since(m)).map((r) => [r.action, r.userId])).toEqual([['auth.logout', u.id]]);
  });

  it('audit_admin searches by time, user, action, org and result, newest first; the search is itself audited', async () => {
    const ent = await buildOrg(t, { type: 'committee', name: '州园林宾馆党委' });
    const staff = await loginAs(t, 'sasac_staff', t.rootId);
    const me = (await staff.get('/api/auth/me')).json().user;
    t.clock.advance(minutes(5));
    const br = (await staff.post('/api/orgs', { parentId: ent.id, name: '客房部党支部', type: 'branch' })).json();
    t.clock.advance(minutes(5));
    await staff.patch(`/api/orgs/${br.id}`, { name: '客房服务部党支部' });
    const auditor = await loginAs(t, 'audit_admin', t.rootId);

    const byOrg = (await auditor.get(`/api/audit?orgId=${ent.id}`)).json();
    expect(byOrg.items.map((r: { action: string }) => r.action)).toEqual(['org.update', 'org.create']);
    expect(byOrg.items[0]).toMatchObject({
      actionLabel: '修改组织',
      username: me.username,
      userId: me.id,
      result: 'success',
      orgId: br.id,
    });
    expect(byOrg.total).toBe(2);

    const byAction = (await auditor.get(`/api/audit?action=org.update&userId=${me.id}`)).json();
    expect(byAction.items).toHaveLength(1);
    const from = new Date(t.clock().getTime() - minutes(4)).toISOString();
    const recent = (await auditor.get(`/api/audit?from=${encodeURIComponent(from)}&username=${me.username}`)).json();
    expect(recent.items.map((r: { action: string }) => r.action)).toEqual(['org.update']);
    const denied = (await auditor.get('/api/audit?result=denied&pageSize=200')).json();
    expect(denied.items.every((r: { result: string }) => r.result === 'denied')).toBe(true);
    const today = (await auditor.get('/api/audit?from=2026-03-01&to=2026-03-01&pageSize=1')).json();
    expect(today.total).toBeGreaterThan(5);
    const reads = (await auditor.get('/api/audit?action=audit.read')).json();
    expect(reads.total).toBe(5);
  });

  it('only audit_admin reads the log, and an enterprise audit_admin only its subtree', async () => {
    for (const role of ['sys_admin', 'sec_admin', 'sasac_staff'] as const) {
      const a = await loginAs(t, role, t.rootId);
      expect((await a.get('/api/audit')).statusCode).toBe(403);
      expect((await a.get('/api/audit/verify')).statusCode).toBe(403);
    }
    const entA = await buildOrg(t, { type: 'committee' });
    const entB = await buildOrg(t, { type: 'committee' });
    const staff = await loginAs(t, 'sasac_staff', t.rootId);
    await staff.patch(`/api/orgs/${entA.id}`, { name: '甲企业党委' });
    await staff.patch(`/api/orgs/${entB.id}`, { name: '乙企业党委' });
    const auditorA = await loginAs(t, 'audit_admin', entA.id);
    const seen = (await auditorA.get('/api/audit?pageSize=200')).json();
    expect(seen.items.map((r: { objectId: string }) => r.objectId)).toEqual([entA.id]);
    expect((await auditorA.get(`/api/audit?orgId=${entB.id}`)).statusCode).toBe(404);
  });

  it('the app cannot update, delete or truncate audit records', async () => {
    for (const stmt of ["update audit_log set result = 'success'", 'delete from audit_log', 'truncate audit_log']) {
      await expect(t.database.exec(stmt)).rejects.toThrow(/append-only/);
    }
  });

  it('a write whose audit insert fails is rolled back', async () => {
    await t.database.exec(`create or replace function test_fail_audit() returns trigger as $$
      begin if new.action = 'org.create' then raise exception 'injected audit failure'; end if; return new; end $$ language plpgsql;
      create trigger test_fail_audit before insert on audit_log for each row execute function test_fail_audit();`);
    try {
      const staff = await loginAs(t, 'sasac_staff', t.rootId);
      const res = await staff.post('/api/orgs', { parentId: t.rootId, name: '回滚测试党委', type: 'committee' });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('injected');
      expect((await staff.get(`/api/orgs?q=${encodeURIComponent('回滚测试')}`)).json()).toEqual([]);
    } finally {
      await t.database.exec('drop trigger test_fail_audit on audit_log; drop function test_fail_audit();');
    }
  });

  it('the hash chain verifies, and the verifier names a record altered behind the app', async () => {
    const auditor = await loginAs(t, 'audit_admin', t.rootId);
    const ok = (await auditor.get('/api/audit/verify')).json();
    expect(ok).toMatchObject({ ok: true, brokenAt: null });
    expect(ok.checked).toBeGreaterThan(10);
    const victim = (await auditor.get('/api/audit?action=org.create&pageSize=1')).json().items[0];
    const tamper = (value: string) =>
      t.database.exec(`alter table audit_log disable trigger audit_log_no_update;
        update audit_log set username = '${value}' where id = ${victim.id};
        alter table audit_log enable trigger audit_log_no_update;`);
    await tamper('someone_else');
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: false, brokenAt: victim.id });
    await tamper(victim.username);
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('names every action the code writes in Chinese', async () => {
    const root = path.resolve('server');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const written = new Set<string>();
    for (const f of files) {
      for (const line of readFileSync(path.join(root, f), 'utf8').split('\n')) {
        if (!/\baction\b/.test(line)) continue;
        // audit actions are `area.verb`; a bare word after `action:` is some other field (e.g. a review step)
        for (const m of line.matchAll(/(?:action: |[?:] )'([a-z_]+\.[a-z_.]+)'/g)) written.add(m[1]);
      }
    }
    expect(written.size).toBeGreaterThan(10);
    const unlabelled = [...written].filter((a) => !AUDIT_ACTION_LABELS[a]);
    expect(unlabelled, 'add a Chinese label for each of these to server/platform/audit/audit.labels.ts').toEqual([]);
    const auditor = await loginAs(t, 'audit_admin', t.rootId);
    const actions = (await auditor.get('/api/audit/actions')).json();
    expect(actions).toContainEqual({ action: 'auth.login', label: '登录' });
    expect(actions).toContainEqual({ action: 'org.create', label: '新建组织' });
  });
});
