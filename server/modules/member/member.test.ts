import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildBranch, loginAs } from '../../test/factories.ts';
import { makeIdNumber, makePhone, memberInput } from './member.factory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function rowsOf<R>(q: SQL): Promise<R[]> {
  return ((await t.db.execute(q)) as unknown as { rows: R[] }).rows;
}

describe('member roster', () => {
  it('registers, reads, edits and lists a member, with ID and phone masked in every response', async () => {
    const { branch, agent: staff } = await buildBranch(t, { login: 'enterprise_staff' });
    const input = memberInput(branch.id, {
      name: '李秀英',
      gender: 'female',
      birthDate: '1990-05-20',
      idNumber: makeIdNumber('1990-05-20', 'female'),
    });
    const created = await staff.post('/api/members', input);
    expect(created.statusCode).toBe(201);
    const m = created.json();
    expect(m.idNumber).toBe(`${input.idNumber.slice(0, 6)}********${input.idNumber.slice(-4)}`);
    expect(m.phone).toBe(`${input.phone!.slice(0, 3)}****${input.phone!.slice(-4)}`);
    expect(m.orgName).toBe(branch.name);

    const newPhone = makePhone();
    const edited = await staff.patch(`/api/members/${m.id}`, { position: '组织委员', phone: newPhone, version: m.version });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().position).toBe('组织委员');
    expect(edited.json().phone).toBe(`${newPhone.slice(0, 3)}****${newPhone.slice(-4)}`);
    const stale = await staff.patch(`/api/members/${m.id}`, { position: '宣传委员', version: m.version });
    expect(stale.statusCode).toBe(409);

    const list = await staff.get(`/api/members?orgId=${branch.id}&q=${encodeURIComponent('秀英')}`);
    expect(list.json().total).toBe(1);
    const found = await staff.post('/api/members/lookup', { idNumber: input.idNumber.toLowerCase() });
    expect(found.json().id).toBe(m.id);

    const bodies = [created.body, edited.body, list.body, found.body, (await staff.get(`/api/members/${m.id}`)).body];
    for (const b of bodies) for (const secret of [input.idNumber, input.phone!, newPhone]) expect(b).not.toContain(secret);
  });

  it("hides another enterprise's members: 404 like missing, absent from lists and look-ups", async () => {
    const a = await buildBranch(t, { login: 'enterprise_staff' });
    const b = await buildBranch(t, { login: 'enterprise_staff' });
    const input = memberInput(b.branch.id);
    const theirs = (await b.agent.post('/api/members', input)).json();
    const missing = await a.agent.get(`/api/members/${crypto.randomUUID()}`);
    const other = await a.agent.get(`/api/members/${theirs.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual(missing.json());
    expect((await a.agent.patch(`/api/members/${theirs.id}`, { position: '书记' })).statusCode).toBe(404);
    expect((await a.agent.post(`/api/members/${theirs.id}/unmask`)).statusCode).toBe(404);
    expect((await a.agent.post('/api/members/lookup', { idNumber: input.idNumber })).statusCode).toBe(404);
    expect((await a.agent.get('/api/members')).json().items.map((x: { id: string }) => x.id)).not.toContain(theirs.id);
    expect((await a.agent.post('/api/members', memberInput(b.branch.id))).statusCode).toBe(404);
    const secretary = await loginAs(t, 'branch_secretary', a.branch.id);
    expect((await secretary.get(`/api/members/${theirs.id}`)).statusCode).toBe(404);
  });

  it('refuses a wrong check digit, an ID that disagrees with birth date or gender, a duplicate person and an ID in q', async () => {
    const { branch, agent: staff } = await buildBranch(t, { login: 'enterprise_staff' });
    const good = memberInput(branch.id);
    const badDigit = `${good.idNumber.slice(0, 17)}${good.idNumber[17] === '1' ? '2' : '1'}`;
    const r1 = await staff.post('/api/members', { ...good, idNumber: badDigit });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().message).toContain('校验位不正确');
    expect(r1.body).not.toContain(badDigit);
    const r2 = await staff.post('/api/members', { ...good, birthDate: '1986-03-12' });
    expect(r2.json().message).toContain('出生日期与公民身份号码不一致');
    const r3 = await staff.post('/api/members', { ...good, gender: 'female' });
    expect(r3.json().message).toContain('性别与公民身份号码不一致');
    expect((await staff.post('/api/members', good)).statusCode).toBe(201);
    const dup = await staff.post('/api/members', { ...good, name: '王五' });
    expect(dup.statusCode).toBe(409);
    const q = await staff.get(`/api/members?q=${good.idNumber.slice(0, 10)}`);
    expect(q.statusCode).toBe(400);
    expect(q.json().message).toContain('按身份证号查找');
  });

  it('filters by category, gender, ethnicity, education, age band and party standing, and pages', async () => {
    const { branch, agent: staff } = await buildBranch(t, { login: 'enterprise_staff' });
    t.clock.set('2026-03-01T08:00:00+08:00');
    const young = memberInput(branch.id, {
      name: '马小兰',
      gender: 'female',
      birthDate: '1998-01-01',
      idNumber: makeIdNumber('1998-01-01', 'female'),
      ethnicity: '回族',
      category: 'probationary',
      joinedOn: '2025-09-01',
      fullMemberOn: null,
      education: '硕士研究生',
    });
    const old = memberInput(branch.id, {
      name: '艾力江',
      birthDate: '1960-02-02',
      idNumber: makeIdNumber('1960-02-02'),
      ethnicity: '维吾尔族',
      joinedOn: '1985-07-01',
      fullMemberOn: '1986-07-01',
    });
    for (const m of [young, old]) expect((await staff.post('/api/members', m)).statusCode).toBe(201);
    const names = async (qs: string) =>
      ((await staff.get(`/api/members?orgId=${branch.id}&${qs}`)).json().items as { name: string }[]).map((x) => x.name);
    expect(await names('category=probationary')).toEqual(['马小兰']);
    expect(await names('gender=female')).toEqual(['马小兰']);
    expect(await names(`ethnicity=${encodeURIComponent('维吾尔族')}`)).toEqual(['艾力江']);
    expect(await names(`education=${encodeURIComponent('硕士研究生')}`)).toEqual(['马小兰']);
    expect(await names('ageMax=35')).toEqual(['马小兰']);
    expect(await names('ageMin=56')).toEqual(['艾力江']);
    expect(await names('standingMin=30')).toEqual(['艾力江']);
    const page = (await staff.get(`/api/members?orgId=${branch.id}&pageSize=1&page=2&sort=birthDate`)).json();
    expect(page.total).toBe(2);
    expect(page.items.map((x: { name: string }) => x.name)).toEqual(['马小兰']);
    const probationary = (await staff.get(`/api/members?orgId=${branch.id}&category=probationary`)).json().items[0];
    expect(probationary.probationDueOn).toBe('2026-09-01');
  });

  it('keeps an edit history from the audit log, showing personal data only as changed', async () => {
    const { branch, agent: staff } = await buildBranch(t, { login: 'enterprise_staff' });
    const m = (await staff.post('/api/members', memberInput(branch.id, { name: '周志强' }))).json();
    const phone = makePhone();
    await staff.patch(`/api/members/${m.id}`, { name: '周志刚', phone });
    const h = (await staff.get(`/api/members/${m.id}/history`)).json();
    expect(h.map((x: { actionLabel: string }) => x.actionLabel)).toEqual(['修改', '登记']);
    expect(h[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'name', label: '姓名', from: '周志强', to: '周志刚' },
        { field: 'phone', label: '手机号码', from: null, to: '已修改' },
      ]),
    );
    expect(JSON.stringify(h)).not.toContain(phone);
  });

  it('unmasks only with pii:view, audits each view and stops at 50 an hour', async () => {
    const { branch, agent: staff } = await buildBranch(t, { login: 'enterprise_staff' });
    const input = memberInput(branch.id);
    const m = (await staff.post('/api/members', input)).json();
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    expect((await admin.post(`/api/members/${m.id}/unmask`)).statusCode).toBe(403);
    const first = await staff.post(`/api/members/${m.id}/unmask`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ idNumber: input.idNumber, phone: input.phone });
    expect(first.headers['cache-control']).toBe('no-store');
    for (let i = 1; i < 50; i++) expect((await staff.post(`/api/members/${m.id}/unmask`)).statusCode).toBe(200);
    const limited = await staff.post(`/api/members/${m.id}/unmask`);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    const logged = await rowsOf<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'pii.unmask' and object_id = ${m.id}`,
    );
    expect(logged[0].n).toBe(50);
    // keep the session alive through its idle timeout while the hour passes
    for (const step of [20, 20]) {
      t.clock.advance(step * 60_000);
      expect((await staff.post(`/api/members/${m.id}/unmask`)).statusCode).toBe(429);
    }
    t.clock.advance(21 * 60_000);
    expect((await staff.post(`/api/members/${m.id}/unmask`)).statusCode).toBe(200);
  });

  it('stores no plaintext ID or phone number anywhere in the database', async () => {
    const { branch, agent: staff } = await buildBranch(t, { login: 'enterprise_staff' });
    const input = memberInput(branch.id);
    const m = (await staff.post('/api/members', input)).json();
    await staff.patch(`/api/members/${m.id}`, { phone: makePhone(99_999) });
    await staff.post(`/api/members/${m.id}/unmask`);
    await staff.post('/api/members/lookup', { idNumber: input.idNumber });
    const tables = await rowsOf<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public'`);
    let dump = '';
    for (const { tablename } of tables) {
      const rows = await rowsOf<{ r: string }>(sql`select t::text as r from ${sql.identifier(tablename)} t`);
      dump += rows.map((x) => x.r).join('\n');
    }
    expect(dump).toContain(m.id);
    for (const secret of [input.idNumber, input.phone!, makePhone(99_999)]) expect(dump).not.toContain(secret);
  });
});
