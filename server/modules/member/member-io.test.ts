import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildBranch, buildOrg, loginAs } from '../../test/factories.ts';
import { buildMember, memberInput } from './member.factory.ts';
import { HEADERS, readBack, row, upload, workbook } from './member.xlsx-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const total = async (agent: Awaited<ReturnType<typeof loginAs>>, orgId: string) =>
  (await agent.get(`/api/members?orgId=${orgId}`)).json().total;

describe('member import', () => {
  it('serves a template whose row 1 holds the contract columns in order', async () => {
    const { agent: staff } = await buildBranch(t, { login: 'enterprise_staff' });
    const res = await staff.get('/api/members/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect((await readBack(res.rawPayload)).rows[0]).toEqual(HEADERS);
  });

  it('imports 1,000 rows all-or-nothing: one bad cell commits nothing and is named; fixed, re-imported, no duplicates', async () => {
    const { branch, agent: staff } = await buildBranch(t, { login: 'enterprise_staff' });
    const rows = Array.from({ length: 1000 }, (_, i) => row(branch.name, i));
    const bad = rows.map((r) => [...r]);
    bad[499][4] = `${String(bad[499][4]).slice(0, 17)}${String(bad[499][4])[17] === '1' ? '2' : '1'}`;
    const refused = await upload(staff, await workbook(bad));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('IMPORT_INVALID');
    expect(refused.json().errors).toEqual([{ row: 501, column: '公民身份号码', message: '公民身份号码校验位不正确' }]);
    expect(refused.body).not.toContain(String(bad[499][4]));
    expect(await total(staff, branch.id)).toBe(0);

    const ok = await upload(staff, await workbook(rows));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ imported: 1000, created: 1000, updated: 0 });
    expect(await total(staff, branch.id)).toBe(1000);
    const again = await upload(staff, await workbook(rows.map((r, i) => (i === 0 ? row(branch.name, 0, { position: '书记' }) : r))));
    expect(again.json()).toEqual({ imported: 1000, created: 0, updated: 1000 });
    expect(await total(staff, branch.id)).toBe(1000);
    const first = (await staff.get(`/api/members?orgId=${branch.id}&q=${encodeURIComponent(String(rows[0][0]))}`)).json().items[0];
    expect(first.position).toBe('书记');
    const history = (await staff.get(`/api/members/${first.id}/history`)).json();
    expect(history[0]).toMatchObject({
      actionLabel: '导入更新',
      changes: [{ field: 'position', label: '党内职务', from: null, to: '导入更新' }],
    });
    const second = (await staff.get(`/api/members?orgId=${branch.id}&q=${encodeURIComponent(String(rows[1][0]))}`)).json().items[0];
    expect((await staff.get(`/api/members/${second.id}/history`)).json()).toEqual([]);
    const audits = await t.db.execute(sql`select count(*)::int as n from audit_log where action = 'member.import' and result = 'success'`);
    expect((audits as unknown as { rows: { n: number }[] }).rows[0].n).toBe(2);
  });

  it('reports every problem by row and column: cells, formulas, duplicates, orgs out of scope, people registered elsewhere', async () => {
    const { branch, agent: staff } = await buildBranch(t, { login: 'enterprise_staff' });
    const other = await buildBranch(t, { login: 'enterprise_staff' });
    const elsewhere = await buildMember(t, other.branch.id);
    const formula = row(branch.name, 1, { name: { formula: 'HYPERLINK("http://x","点我")', result: '点我' } });
    const rows = [
      row(branch.name, 0, { gender: '男性', birthDate: '1990-13-01' }),
      formula,
      row(branch.name, 2),
      row(branch.name, 3, { idNumber: row(branch.name, 2)[4] }),
      row(other.branch.name, 4),
      row(branch.name, 5, {
        idNumber: elsewhere.idNumber,
        birthDate: elsewhere.birthDate,
        gender: elsewhere.gender === 'male' ? '男' : '女',
      }),
      row(branch.name, 6, { category: '正式党员', fullMemberOn: null, ethnicity: '火星族', phone: '12345' }),
    ];
    const res = await upload(staff, await workbook(rows));
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { row: number; column: string; message: string }[];
    const at = (r: number, c: string) => errors.find((e) => e.row === r && e.column === c)?.message;
    expect(at(2, '性别')).toContain('男 或 女');
    expect(at(2, '出生日期')).toContain('无法识别');
    expect(at(3, '姓名')).toContain('公式');
    expect(at(5, '公民身份号码')).toContain('与第 4 行');
    expect(at(6, '所在党组织')).toContain('找不到');
    expect(at(7, '公民身份号码')).toContain('管理范围以外');
    expect(at(8, '民族')).toBeTruthy();
    expect(at(8, '手机号码')).toBeTruthy();
    expect(at(8, '转为正式党员日期')).toContain('正式党员请填写');
    expect(res.body).not.toContain(elsewhere.idNumber);
    expect(at(7, '公民身份号码')).not.toContain(other.branch.name);
    expect(await total(staff, branch.id)).toBe(0);
  });

  it('places people in a 党小组 named by its path; a name shared by two groups must be given as a path', async () => {
    const { ent, branch, agent: staff } = await buildBranch(t, { login: 'enterprise_staff' });
    const other = await buildOrg(t, { parentId: ent.id, type: 'branch' });
    const group = await buildOrg(t, { parentId: branch.id, type: 'group', name: '第一党小组' });
    await buildOrg(t, { parentId: other.id, type: 'group', name: '第一党小组' });
    const ambiguous = await upload(staff, await workbook([row('第一党小组', 3000)]));
    expect(ambiguous.json().errors[0]).toMatchObject({ row: 2, column: '所在党组织' });
    expect(ambiguous.json().errors[0].message).toContain('完整名称路径');
    const ok = await upload(staff, await workbook([row(`${branch.name} / 第一党小组`, 3000)]));
    expect(ok.json()).toEqual({ imported: 1, created: 1, updated: 0 });
    expect(await total(staff, group.id)).toBe(1);
  });

  it('refuses a file that is not xlsx and a file with the wrong header', async () => {
    const { agent: staff } = await buildBranch(t, { login: 'enterprise_staff' });
    expect((await upload(staff, Buffer.from('姓名,性别\n张三,男'))).statusCode).toBe(415);
    const wrong = await upload(staff, await workbook([], ['姓名', '性别']));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ row: 1, column: '民族' });
  });

  it('two identical imports at once give one copy of each person', async () => {
    const { branch, agent: staff } = await buildBranch(t, { login: 'enterprise_staff' });
    const file = await workbook(Array.from({ length: 50 }, (_, i) => row(branch.name, 2000 + i)));
    const [a, b] = await Promise.all([upload(staff, file), upload(staff, file)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect([a.json().created, b.json().created].sort()).toEqual([0, 50]);
    expect(await total(staff, branch.id)).toBe(50);
  });
});

describe('member export', () => {
  it('exports the filtered list masked, with formula-like text neutralised and no formulas; unmasked only with pii:export', async () => {
    const { branch, agent: staff } = await buildBranch(t, { login: 'enterprise_staff' });
    const input = memberInput(branch.id, { position: '=1+2' });
    expect((await staff.post('/api/members', input)).statusCode).toBe(201);
    const res = await staff.get(`/api/members/export?orgId=${branch.id}`);
    expect(res.statusCode).toBe(200);
    const { rows, xml } = await readBack(res.rawPayload);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toHaveLength(2);
    expect(rows[1][4]).toBe(`${input.idNumber.slice(0, 6)}********${input.idNumber.slice(-4)}`);
    expect(rows[1][5]).toBe(`${input.phone!.slice(0, 3)}****${input.phone!.slice(-4)}`);
    expect(rows[1][11]).toBe("'=1+2");
    expect(xml).not.toContain('<f>');
    expect(xml).not.toContain(input.idNumber);

    const secretary = await loginAs(t, 'branch_secretary', branch.id);
    expect((await secretary.get(`/api/members/export?orgId=${branch.id}&unmask=1`)).statusCode).toBe(403);
    const full = await staff.get(`/api/members/export?orgId=${branch.id}&unmask=1`);
    expect((await readBack(full.rawPayload)).rows[1][4]).toBe(input.idNumber);

    // re-importing the export changes nothing and duplicates no one
    const back = await upload(staff, full.rawPayload);
    expect(back.json()).toEqual({ imported: 1, created: 0, updated: 1 });
    const logged = await t.db.execute(sql`select detail from audit_log where action = 'export' order by id`);
    const details = (logged as unknown as { rows: { detail: { unmask: boolean; rows: number } }[] }).rows.map((r) => r.detail);
    expect(details.map((d) => [d.unmask, d.rows])).toEqual([
      [false, 1],
      [true, 1],
    ]);
  });

  it('allows 10 exports an hour per user, then 429', async () => {
    const { branch, agent: staff } = await buildBranch(t, { login: 'enterprise_staff' });
    for (let i = 0; i < 10; i++) expect((await staff.get(`/api/members/export?orgId=${branch.id}`)).statusCode).toBe(200);
    const limited = await staff.get(`/api/members/export?orgId=${branch.id}`);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeTruthy();
  });
});
