import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { buildMember } from '../member/member.factory.ts';
import { members } from '../member/member.table.ts';
import { transfers } from './transfer.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** Two enterprises, a branch in each, a member in the first; secretaries of both branches logged in. */
async function setting() {
  const e1 = await buildOrg(t, { type: 'committee', isEnterprise: true });
  const e2 = await buildOrg(t, { type: 'committee', isEnterprise: true });
  const a = await buildOrg(t, { parentId: e1.id, type: 'branch', name: `昌吉收费站党支部${Math.random().toString(36).slice(2, 6)}` });
  const b = await buildOrg(t, { parentId: e2.id, type: 'branch', name: `阜康匝道收费站党支部${Math.random().toString(36).slice(2, 6)}` });
  const m = await buildMember(t, a.id, { name: '李明' });
  return { e1, e2, a, b, m, sa: await loginAs(t, 'branch_secretary', a.id), sb: await loginAs(t, 'branch_secretary', b.id) };
}

const memberRows = (id: string) => t.db.select().from(members).where(eq(members.id, id));

describe('系统内转接', () => {
  it('the member stays in the sending branch until the receiving branch confirms, then exists once, in the new branch', async () => {
    const { a, b, m, sa, sb } = await setting();
    const req = await sa.post('/api/transfers', { memberId: m.id, toOrgId: b.id, reason: '工作调动' });
    expect(req.statusCode).toBe(201);
    expect(req.json()).toMatchObject({ status: 'pending', fromOrgId: a.id, toOrgId: b.id, canConfirm: false, canCancel: true });
    expect((await sa.get(`/api/members/${m.id}`)).json().orgId).toBe(a.id);
    expect((await sb.get(`/api/members/${m.id}`)).statusCode).toBe(404);

    const incoming = (await sb.get('/api/transfers?direction=in&open=1')).json();
    expect(incoming).toMatchObject([{ id: req.json().id, memberName: '李明', canConfirm: true, canCancel: false }]);
    expect((await sa.post(`/api/transfers/${req.json().id}/confirm`, {})).statusCode).toBe(403);

    const ok = await sb.post(`/api/transfers/${req.json().id}/confirm`, { note: '已报到' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('confirmed');
    expect(await memberRows(m.id)).toMatchObject([{ orgId: b.id, status: 'active' }]);
    expect((await sb.get(`/api/members/${m.id}`)).json().orgId).toBe(b.id);
    expect((await sa.get(`/api/members/${m.id}`)).statusCode).toBe(404);
    // both sides keep the history
    for (const s of [sa, sb])
      expect((await s.get(`/api/transfers?memberId=${m.id}`)).json().map((x: { status: string }) => x.status)).toEqual(['confirmed']);
    expect((await sb.post(`/api/transfers/${req.json().id}/confirm`, {})).statusCode).toBe(409);
  });

  it('one open transfer per member; a rejection or a cancellation leaves the member where they are', async () => {
    const { a, b, m, sa, sb } = await setting();
    const first = (await sa.post('/api/transfers', { memberId: m.id, toOrgId: b.id, reason: '工作调动' })).json();
    const second = await sa.post('/api/transfers', { memberId: m.id, toOrgId: b.id, reason: '再次申请' });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toContain('已有正在办理的组织关系转接');
    const rej = await sb.post(`/api/transfers/${first.id}/reject`, { note: '本支部不接收该岗位人员' });
    expect(rej.json()).toMatchObject({ status: 'rejected', decisionNote: '本支部不接收该岗位人员' });
    const again = (await sa.post('/api/transfers', { memberId: m.id, toOrgId: b.id, reason: '工作调动' })).json();
    expect((await sb.post(`/api/transfers/${again.id}/cancel`, {})).statusCode).toBe(403);
    expect((await sa.post(`/api/transfers/${again.id}/cancel`, { note: '调动取消' })).json().status).toBe('cancelled');
    expect(await memberRows(m.id)).toMatchObject([{ orgId: a.id, status: 'active' }]);
    const same = await sa.post('/api/transfers', { memberId: m.id, toOrgId: a.id, reason: '工作调动' });
    expect(same.json().message).toBe('接收党支部与所在党支部相同');
  });

  it.each([
    ['moving the member', 'members', 'UPDATE'],
    ['closing the transfer', 'transfers', 'UPDATE'],
    ['telling the sender', 'notifications', 'INSERT'],
    ['writing the audit record', 'audit_log', 'INSERT'],
  ])('a failure while %s leaves no partial state', async (_step, table, op) => {
    const { a, m, sa, sb, b } = await setting();
    const tr = (await sa.post('/api/transfers', { memberId: m.id, toOrgId: b.id, reason: '工作调动' })).json();
    const before = await t.db.select({ n: auditLog.id }).from(auditLog).where(eq(auditLog.objectId, tr.id));
    await t.database.exec(`
      CREATE OR REPLACE FUNCTION lq_test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END; $$ LANGUAGE plpgsql;
      CREATE TRIGGER lq_test_fail BEFORE ${op} ON ${table} FOR EACH ROW EXECUTE FUNCTION lq_test_fail();`);
    try {
      const res = await sb.post(`/api/transfers/${tr.id}/confirm`, {});
      expect(res.statusCode).toBe(500);
      expect(res.json().message).not.toContain('injected');
    } finally {
      await t.database.exec(`DROP TRIGGER lq_test_fail ON ${table};`);
    }
    expect(await memberRows(m.id)).toMatchObject([{ orgId: a.id, status: 'active' }]);
    expect(await t.db.select({ status: transfers.status }).from(transfers).where(eq(transfers.id, tr.id))).toEqual([{ status: 'pending' }]);
    expect(await t.db.select({ n: auditLog.id }).from(auditLog).where(eq(auditLog.objectId, tr.id))).toEqual(before);
    // once the fault is gone the same transfer completes
    expect((await sb.post(`/api/transfers/${tr.id}/confirm`, {})).json().status).toBe('confirmed');
    expect(await memberRows(m.id)).toMatchObject([{ orgId: b.id }]);
  });

  it('hides a transfer between two other enterprises (404)', async () => {
    const { m, b, sa } = await setting();
    const tr = (await sa.post('/api/transfers', { memberId: m.id, toOrgId: b.id, reason: '工作调动' })).json();
    const e3 = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const stranger = await loginAs(t, 'enterprise_staff', e3.id);
    expect((await stranger.get(`/api/transfers/${tr.id}`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/transfers/${tr.id}/confirm`, {})).statusCode).toBe(404);
    expect((await stranger.get('/api/transfers')).json()).toEqual([]);
  });
});
