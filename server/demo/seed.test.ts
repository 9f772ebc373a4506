import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberFacts, idNumberProblem } from '../../common/idcard.ts';
import { MemberCreateSchema } from '../../common/member.ts';
import { members } from '../modules/member/member.table.ts';
import { orgs } from '../platform/access/org.table.ts';
import { auditLog } from '../platform/audit/audit.table.ts';
import { users } from '../platform/auth/user.table.ts';
import { blindIndex, decryptPii, maskIdNumber } from '../platform/pii/pii.ts';
import { buildTestApp, login, type TestApp } from '../test/build-test-app.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
let accounts: Awaited<ReturnType<typeof seedDemo>>;
beforeAll(async () => {
  t = await buildTestApp();
  const t0 = performance.now();
  accounts = await seedDemo(t.db, t.env, t.rootId);
  console.log(`seedDemo: ${Math.round(performance.now() - t0)} ms (${t.env.dbKind})`);
});
afterAll(() => t.close());

const NEW_PASSWORD = 'Qz7!demo-Changed-2026';

/** Logs in with the printed one-time password, is told to change it, changes it and logs in again. */
async function firstLogin(username: string) {
  const a = accounts.find((x) => x.username === username)!;
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: a.password } });
  expect(res.json().mustChangePassword).toBe(true);
  const first = await login(t, username, a.password);
  expect((await first.get('/api/orgs')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  expect((await first.post('/api/auth/password', { oldPassword: a.password, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
  return login(t, username, NEW_PASSWORD);
}

describe('demo organisation', () => {
  it('has the enterprises of the mission text and the 12 branches of 新疆交投集团昌吉分公司', async () => {
    const all = await t.db.select().from(orgs);
    const [jt] = all.filter((o) => o.name === '新疆交投集团昌吉分公司党委');
    expect(jt).toMatchObject({ type: 'committee', isEnterprise: true, unitName: '新疆交投集团昌吉分公司', parentId: t.rootId });
    const branches = all.filter((o) => o.parentId === jt.id);
    expect(branches).toHaveLength(12);
    expect(branches.every((b) => b.type === 'branch')).toBe(true);
    expect(branches.map((b) => b.name)).toContain('阜康匝道收费站党支部');
    for (const unit of [
      '昌吉州新华书店',
      '州园林宾馆',
      '州电信公司',
      '州庭州能源',
      '州交投集团',
      '新疆际华7555职业装有限公司',
      '州公路建设集团',
      '州昌粮集团',
    ])
      expect(all.some((o) => o.unitName === unit && o.isEnterprise && o.parentId === t.rootId)).toBe(true);
    expect(all.find((o) => o.name === '新疆仓麦园有限责任公司党支部')?.type).toBe('branch');
    expect(all.find((o) => o.name === '州中粮番茄制品党支部')?.type).toBe('branch');
    expect(all.find((o) => o.name === '州交投建设集团有限公司党支部')?.unitName).toBe('州交投建设集团有限公司');
    const counts = new Map<string, number>();
    for (const o of all) counts.set(o.type, (counts.get(o.type) ?? 0) + 1);
    console.log(`orgs: ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  });

  it('follows the org rules: branches of 3–50 members with ≥3 full members, 党小组 of ≥3 with a full member', async () => {
    const all = await t.db.select().from(orgs);
    const ms = await t.db.select().from(members);
    const byOrg = (id: string) => ms.filter((m) => m.orgId === id || all.find((o) => o.id === m.orgId)?.parentId === id);
    for (const b of all.filter((o) => o.type === 'branch')) {
      const list = byOrg(b.id);
      expect(list.length, b.name).toBeGreaterThanOrEqual(3);
      expect(list.length, b.name).toBeLessThanOrEqual(50);
      const full = list.filter((m) => m.category === 'full');
      expect(full.length, b.name).toBeGreaterThanOrEqual(3);
      expect(list.filter((m) => m.position === '书记')).toHaveLength(1);
      const committee = list.filter((m) => m.position !== '党员').length;
      if (full.length >= 7) expect([3, 5]).toContain(committee);
      else expect(committee).toBe(1);
    }
    for (const g of all.filter((o) => o.type === 'group')) {
      const list = ms.filter((m) => m.orgId === g.id);
      expect(list.map((m) => m.name)).toContain(g.contactName);
      expect(list.length).toBeGreaterThanOrEqual(3);
      expect(list.some((m) => m.category === 'full')).toBe(true);
    }
    expect(all.filter((o) => o.type === 'committee' || o.type === 'general_branch').every((o) => !ms.some((m) => m.orgId === o.id))).toBe(
      true,
    );
    console.log(`members: ${ms.length} (${ms.filter((m) => m.category === 'probationary').length} probationary)`);
  });

  it('stores valid, encrypted ID numbers consistent with birth date and gender; dates consistent with the category', async () => {
    const ms = await t.db.select().from(members);
    expect(ms.length).toBeGreaterThan(500);
    const today = '2026-03-01';
    const yearAgo = '2025-03-01';
    for (const m of ms) {
      const id = decryptPii(t.env.keys, m.idNumberEnc);
      expect(idNumberProblem(id)).toBeNull();
      const phone = m.phoneEnc ? decryptPii(t.env.keys, m.phoneEnc) : null;
      // what a user would type into the member form: the shared schema and its cross-field rules accept it
      const { orgId, name, gender, ethnicity, birthDate, education, category, joinedOn, fullMemberOn, position } = m;
      const form = {
        orgId,
        name,
        gender,
        ethnicity,
        birthDate,
        education,
        category,
        joinedOn,
        fullMemberOn,
        position,
        idNumber: id,
        phone,
      };
      const parsed = MemberCreateSchema.safeParse(form);
      expect(parsed.error?.issues, m.name).toBeUndefined();
      expect(id.startsWith('6523')).toBe(true);
      expect(idNumberFacts(id)).toEqual({ birthDate: m.birthDate, gender: m.gender });
      expect(m.idNumberBidx).toBe(blindIndex(t.env.keys, 'id', id));
      expect(m.idNumberMasked).toBe(maskIdNumber(id));
      expect(JSON.stringify(m)).not.toContain(id);
      if (phone) {
        expect(phone).toMatch(/^13800\d{6}$/);
        expect(JSON.stringify(m)).not.toContain(phone);
      }
      expect(m.birthDate >= '1965-01-01' && m.birthDate <= '2000-12-31').toBe(true);
      expect(Number(m.joinedOn.slice(0, 4)) - Number(m.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(18);
      if (m.category === 'probationary') {
        expect(m.fullMemberOn).toBeNull();
        expect(m.joinedOn > yearAgo && m.joinedOn <= today).toBe(true);
      } else {
        expect(m.fullMemberOn! > m.joinedOn && m.fullMemberOn! <= today).toBe(true);
      }
    }
    const share = ms.filter((m) => m.category === 'probationary').length / ms.length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.11);
    expect(new Set(ms.map((m) => m.ethnicity)).size).toBeGreaterThanOrEqual(4);
    expect(ms.map((m) => m.name)).not.toContain('刘志青');
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'demo.seed'));
    expect(entry.detail).toMatchObject({ members: ms.length });
    // no ID number or mobile number in plain text anywhere else the seed wrote
    const elsewhere = JSON.stringify([await t.db.select().from(orgs), await t.db.select().from(users), await t.db.select().from(auditLog)]);
    expect(elsewhere).not.toMatch(/6523\d{13}[\dX]|13800\d{6}/);
  });

  it('prints six accounts that must change their password, each seeing only its subtree', async () => {
    expect(accounts.map((a) => a.username)).toEqual(['sasac', 'jiaotou', 'fukang', 'dangyuan', 'secadmin', 'auditor']);
    for (const a of accounts) expect(a.password.length).toBeGreaterThanOrEqual(12);
    const all = await t.db.select().from(orgs);
    const jt = all.find((o) => o.name === '新疆交投集团昌吉分公司党委')!;
    const fk = all.find((o) => o.name === '阜康匝道收费站党支部')!;
    const ids = (res: { json(): unknown }) => (res.json() as { id: string }[]).map((o) => o.id).sort();

    const sasac = await firstLogin('sasac');
    expect(ids(await sasac.get('/api/orgs'))).toEqual(all.map((o) => o.id).sort());
    const jiaotou = await firstLogin('jiaotou');
    expect(ids(await jiaotou.get('/api/orgs'))).toEqual(
      all
        .filter((o) => o.path.startsWith(jt.path))
        .map((o) => o.id)
        .sort(),
    );
    expect((await jiaotou.get(`/api/orgs/${t.rootId}`)).statusCode).toBe(404);
    const fukang = await firstLogin('fukang');
    expect(ids(await fukang.get('/api/orgs'))).toEqual(
      all
        .filter((o) => o.path.startsWith(fk.path))
        .map((o) => o.id)
        .sort(),
    );
    const me = (await fukang.get('/api/auth/me')).json();
    const secretary = (await t.db.select().from(members).where(eq(members.orgId, fk.id))).find((m) => m.position === '书记')!;
    expect(me.roles).toEqual([expect.objectContaining({ role: 'branch_secretary', orgId: fk.id, orgName: '阜康匝道收费站党支部' })]);
    expect(me.user.name).toBe(secretary.name);
    expect((await fukang.get(`/api/orgs/${fk.id}`)).json().contactName).toBe(secretary.name);
    const roster = (await fukang.get('/api/members?pageSize=200')).json();
    expect(roster.total).toBe(13);
    expect(roster.items.every((m: { idNumber: string }) => m.idNumber.includes('********'))).toBe(true);
    expect((await jiaotou.get('/api/members?pageSize=1')).json().total).toBe(207);

    const warnings = (await sasac.get('/api/orgs/warnings')).json() as { level: string; code: string; orgName: string }[];
    console.log(`org warnings: ${warnings.map((w) => `${w.level} ${w.code} ${w.orgName}`).join('; ') || 'none'}`);
    expect(warnings.filter((w) => w.level === 'error')).toEqual([]);
    const [committee] = (await fukang.get(`/api/orgs/${fk.id}/committees`)).json();
    expect(committee).toMatchObject({ status: 'current', termState: 'ok' });
    expect(committee.members.find((m: { duty: string }) => m.duty === 'secretary').name).toBe(me.user.name);

    const member = await firstLogin('dangyuan');
    const memberMe = (await member.get('/api/auth/me')).json();
    const [linked] = await t.db.select().from(members).where(eq(members.id, memberMe.user.memberId));
    expect(linked.orgId).toBe(fk.id);
    expect((await member.get('/api/orgs')).statusCode).toBe(403);
    for (const admin of ['secadmin', 'auditor']) {
      const agent = await firstLogin(admin);
      expect((await agent.get('/api/orgs')).statusCode).toBe(403);
    }
    const [u] = await t.db.select().from(users).where(eq(users.username, 'auditor'));
    expect(u.mustChangePassword).toBe(false);
  });
});
