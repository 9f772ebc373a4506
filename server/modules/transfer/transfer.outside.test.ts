import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../jobs.ts';
import { days, minutes } from '../../platform/clock.ts';
import { runDueJobs } from '../../platform/jobs/runner.ts';
import { notifications } from '../../platform/notify/notify.table.ts';
import { RULES_KEY } from '../../platform/rules/rules.service.ts';
import { writeSetting } from '../../platform/settings/settings.service.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildBranch, buildUser, loginAs } from '../../test/factories.ts';
import { buildMember, memberInput } from '../member/member.factory.ts';
import { members } from '../member/member.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const letterText = (buf: Buffer) => strFromU8(unzipSync(new Uint8Array(buf))['word/document.xml']).replace(/<[^>]+>/g, '');

describe('转出系统外与从系统外转入', () => {
  it('issues a letter valid 90 days with 党费交至 and 有效期至, printed as docx without the full ID number; the receipt completes it', async () => {
    t.clock.set('2026-03-01T10:00:00+08:00');
    const { branch: b, agent: s } = await buildBranch(t, { login: 'branch_secretary' });
    const m = await buildMember(t, b.id, { name: '赵红' });
    const res = await s.post('/api/transfers/out', {
      memberId: m.id,
      toOrgName: '中共乌鲁木齐市某公司委员会',
      reason: '调往外地工作',
      duesPaidUntil: '2026-02',
    });
    expect(res.statusCode).toBe(201);
    const l = res.json();
    expect(l).toMatchObject({
      status: 'letter_issued',
      issuedOn: '2026-03-01',
      validUntil: '2026-05-30',
      letterNo: '2026-0001',
      expired: false,
    });
    expect((await s.get(`/api/members/${m.id}`)).json().status).toBe('transferring');

    const doc = await s.get(`/api/transfers/${l.id}/letter`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const text = letterText(doc.rawPayload);
    expect(text).toContain('中国共产党党员组织关系介绍信');
    expect(text).toContain('党费交至2026-02');
    expect(text).toContain('有效期至2026-05-30');
    expect(text).toContain('该同志党费已交到2026年2月');
    expect(text).toContain(`由${b.name}转到中共乌鲁木齐市某公司委员会`);
    expect(text).toContain(m.idNumber.slice(0, 6));
    expect(text).not.toContain(m.idNumber);

    const early = await s.post(`/api/transfers/${l.id}/receipt`, { receivedOn: '2026-02-27' });
    expect(early.statusCode).toBe(400);
    const done = await s.post(`/api/transfers/${l.id}/receipt`, { receivedOn: '2026-03-01', note: '回执已寄回' });
    expect(done.json()).toMatchObject({ status: 'receipt_received', receiptOn: '2026-03-01', canReceipt: false });
    expect((await s.get(`/api/members/${m.id}`)).json().status).toBe('transferred_out');
  });

  it('flags an expired letter without a receipt once, and takes the validity from the rule table', async () => {
    t.clock.set('2026-04-01T10:00:00+08:00');
    const { branch: b, agent: s } = await buildBranch(t, { login: 'branch_secretary' });
    const secretary = await buildUser(t, { roles: [{ role: 'branch_secretary', orgId: b.id }] });
    const m = await buildMember(t, b.id);
    await writeSetting(t.db, RULES_KEY, { transfer: { letter_validity_days_default: 30 } }, null, t.clock());
    const l = (
      await s.post('/api/transfers/out', { memberId: m.id, toOrgName: '中共石河子市某单位支部', reason: '调动', duesPaidUntil: '2026-03' })
    ).json();
    expect(l.validUntil).toBe('2026-05-01');
    await writeSetting(t.db, RULES_KEY, {}, null, t.clock());
    for (let i = 0; i < 35; i++) {
      await runDueJobs(t.db, t.env, jobs, ['transfer-letter-expiry']);
      t.clock.advance(days(1));
    }
    const mine = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, secretary.id), eq(notifications.kind, 'transfer_letter_expired')));
    expect(mine.map((n) => n.createdAt.toISOString().slice(0, 10))).toEqual(['2026-05-02']);
    const s2 = await loginAs(t, 'branch_secretary', b.id);
    const got = (await s2.get(`/api/transfers/${l.id}`)).json();
    expect(got).toMatchObject({ status: 'expired', expired: true, canReceipt: true, canCancel: true });
    // a late receipt is still recorded; the member is on the roll until then
    expect((await s2.get(`/api/members/${m.id}`)).json().status).toBe('transferring');
    expect((await s2.post(`/api/transfers/${l.id}/receipt`, { receivedOn: '2026-05-04' })).json().status).toBe('receipt_received');
  });

  it.each([
    ['issuing the letter', 'transfers', 'INSERT', 'issue'],
    ['marking the member 转接中', 'members', 'UPDATE', 'issue'],
    ['recording the receipt', 'transfers', 'UPDATE', 'receipt'],
    ['taking the member off the roll', 'members', 'UPDATE', 'receipt'],
    ['writing the audit record', 'audit_log', 'INSERT', 'receipt'],
  ])('a failure while %s leaves no partial state', async (_step, table, op, phase) => {
    t.clock.set('2026-03-01T10:00:00+08:00');
    const { branch: b, agent: s } = await buildBranch(t, { login: 'branch_secretary' });
    const m = await buildMember(t, b.id);
    const body = { memberId: m.id, toOrgName: '中共某县委组织部', reason: '调动', duesPaidUntil: '2026-02' };
    const l = phase === 'receipt' ? (await s.post('/api/transfers/out', body)).json() : null;
    const state = async () => ({
      member: (await t.db.select({ status: members.status }).from(members).where(eq(members.id, m.id)))[0].status,
      transfers: (await s.get(`/api/transfers?memberId=${m.id}`)).json().map((x: { status: string }) => x.status),
    });
    const before = await state();
    await t.database.exec(`
      CREATE OR REPLACE FUNCTION lq_test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END; $$ LANGUAGE plpgsql;
      CREATE TRIGGER lq_test_fail BEFORE ${op} ON ${table} FOR EACH ROW EXECUTE FUNCTION lq_test_fail();`);
    try {
      const res = l
        ? await s.post(`/api/transfers/${l.id}/receipt`, { receivedOn: '2026-03-01' })
        : await s.post('/api/transfers/out', body);
      expect(res.statusCode).toBe(500);
    } finally {
      await t.database.exec(`DROP TRIGGER lq_test_fail ON ${table};`);
    }
    expect(await state()).toEqual(before);
  });

  it('cancelling an unused letter puts the member back on the roll', async () => {
    const { branch: b, agent: s } = await buildBranch(t, { login: 'branch_secretary' });
    const m = await buildMember(t, b.id);
    const l = (
      await s.post('/api/transfers/out', { memberId: m.id, toOrgName: '中共某县委组织部', reason: '调动', duesPaidUntil: '2026-01' })
    ).json();
    expect((await s.post(`/api/transfers/${l.id}/cancel`, { note: '调动取消' })).json().status).toBe('cancelled');
    expect(await t.db.select({ status: members.status }).from(members).where(eq(members.id, m.id))).toEqual([{ status: 'active' }]);
  });

  it('registers a member transferred in from outside, once; someone who left before returns to their old record', async () => {
    const { branch: b, agent: s } = await buildBranch(t, { login: 'branch_secretary' });
    const input = memberInput(b.id, { name: '孙建华' });
    const res = await s.post('/api/transfers/in', {
      member: input,
      fromOrgName: '中共哈密市某公司委员会',
      letterNo: '哈组〔2026〕12号',
      duesPaidUntil: '2026-01',
      reason: '调入',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'in', status: 'confirmed', toOrgId: b.id, externalOrgName: '中共哈密市某公司委员会' });
    const again = await s.post('/api/transfers/in', {
      member: input,
      fromOrgName: '中共哈密市某公司委员会',
      duesPaidUntil: '2026-01',
      reason: '调入',
    });
    expect(again.statusCode).toBe(409);
    const memberId = res.json().memberId;
    t.clock.advance(minutes(1));
    const out = (
      await s.post('/api/transfers/out', { memberId, toOrgName: '中共哈密市某公司委员会', reason: '调回', duesPaidUntil: '2026-02' })
    ).json();
    await s.post(`/api/transfers/${out.id}/receipt`, { receivedOn: t.clock().toISOString().slice(0, 10) });
    t.clock.advance(minutes(1));
    const back = await s.post('/api/transfers/in', {
      member: input,
      fromOrgName: '中共哈密市某公司委员会',
      duesPaidUntil: '2026-02',
      reason: '再次调入',
    });
    expect(back.json().memberId).toBe(memberId);
    const history = (await s.get(`/api/transfers?memberId=${memberId}`)).json();
    expect(history.map((h: { kind: string }) => h.kind)).toEqual(['in', 'out', 'in']); // newest first
    expect(await t.db.select({ status: members.status }).from(members).where(eq(members.id, memberId))).toEqual([{ status: 'active' }]);
  });
});
