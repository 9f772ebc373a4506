import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactRecordsOutT, FactsOutT } from '../../../common/facts.ts';
import { type Agent, buildTestApp, type TestApp } from '../build-test-app.ts';
import { buildMembers, buildOrg, loginAs } from '../factories.ts';

let t: TestApp;
let e1: { id: string; name: string };
let e2: { id: string };
let b1: { id: string };
let staff: Agent;
let secretary: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  e1 = await buildOrg(t, { type: 'committee', name: '甲集团党委' });
  e2 = await buildOrg(t, { type: 'committee', name: '乙集团党委' });
  b1 = await buildOrg(t, { parentId: e1.id, type: 'branch', name: '甲一支部' });
  await buildOrg(t, { parentId: e1.id, type: 'branch', name: '甲二支部' });
  await buildOrg(t, { parentId: e2.id, type: 'branch', name: '乙一支部' });
  await buildMembers(t, b1.id, 3);
  await buildMembers(t, b1.id, 2, { category: 'probationary' });
  staff = await loginAs(t, 'enterprise_staff', e1.id);
  secretary = await loginAs(t, 'branch_secretary', b1.id);
});
afterAll(() => t.close());

const value = (out: FactsOutT, key: string) => out.items.find((x) => x.key === key)?.value;

describe('GET /api/facts', () => {
  it('lists every fact with its value for the caller’s top org and the current year by default', async () => {
    const res = await staff.get('/api/facts');
    expect(res.statusCode).toBe(200);
    const out = res.json() as FactsOutT;
    expect(out.org).toEqual({ id: e1.id, name: '甲集团党委' });
    expect(out.year).toBe(2026);
    expect(value(out, 'orgs.branch')).toBe(2);
    expect(value(out, 'orgs.committee')).toBe(1);
    expect(value(out, 'members.full')).toBe(3);
    expect(value(out, 'members.probationary')).toBe(2);
    expect(value(out, 'members.total')).toBe(5);
    expect(out.items.every((x) => x.label && x.unit)).toBe(true);
  });

  it('counts a lower org’s subtree when asked, and refuses an org outside the caller’s scope with 404', async () => {
    const mine = (await secretary.get(`/api/facts?orgId=${b1.id}&year=2025`)).json() as FactsOutT;
    expect(value(mine, 'orgs.branch')).toBe(1);
    expect(mine.year).toBe(2025);
    expect((await secretary.get(`/api/facts?orgId=${e1.id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/facts?orgId=${e2.id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/facts/members.total/records?orgId=${e2.id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/facts/members.total/records/export?orgId=${e2.id}`)).statusCode).toBe(404);
  });

  it('gives the home dashboard’s org figures to a reader of the org tree, and no fact of a board the role may not read', async () => {
    await t.db.execute(sql`update orgs set is_enterprise = true where id = ${e1.id}`);
    const admin = await loginAs(t, 'sys_admin', e1.id);
    const res = await admin.get(`/api/facts?orgId=${e1.id}`);
    expect(res.statusCode).toBe(200);
    const out = res.json() as FactsOutT;
    expect(value(out, 'orgs.total')).toBe(3);
    expect(value(out, 'orgs.branch')).toBe(2);
    expect(value(out, 'orgs.enterprises')).toBe(1);
    expect(out.items.some((x) => x.key.startsWith('members.'))).toBe(false);
    const recs = (await admin.get(`/api/facts/orgs.enterprises/records?orgId=${e1.id}`)).json() as FactRecordsOutT;
    expect(recs.items.map((x) => x.title)).toEqual(['甲集团党委']);
    expect((await admin.get(`/api/facts/members.total/records?orgId=${e1.id}`)).statusCode).toBe(404);
    expect(value((await staff.get('/api/facts')).json() as FactsOutT, 'orgs.enterprises')).toBe(1);
  });

  it('is refused to a role without the permission, and to a visitor', async () => {
    const member = await loginAs(t, 'member', b1.id);
    expect((await member.get('/api/facts')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/facts' })).statusCode).toBe(401);
  });
});

describe('GET /api/facts/:key/records', () => {
  it('pages the records, whose total is the value, and searches them', async () => {
    const res = await staff.get('/api/facts/members.total/records?pageSize=2&page=2');
    expect(res.statusCode).toBe(200);
    const out = res.json() as FactRecordsOutT;
    expect(out.fact).toMatchObject({ key: 'members.total', label: '党员总数', unit: '人', kind: 'count' });
    expect(out.total).toBe(5);
    expect(out.items).toHaveLength(2);
    expect(out.items[0].orgName).toBe('甲一支部');
    const found = (await staff.get('/api/facts/orgs.branch/records?q=甲二')).json() as FactRecordsOutT;
    expect(found.total).toBe(1);
    expect(found.items[0].title).toBe('甲二支部');
  });

  it('answers an unknown key with 404 FACT_NOT_FOUND and a Chinese message', async () => {
    const res = await staff.get('/api/facts/no.such/records');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('FACT_NOT_FOUND');
    expect(res.json().message).toMatch(/统计指标/);
  });
});

describe('GET /api/facts/:key/records/export', () => {
  it('sends an Excel workbook with one row per record', async () => {
    const res = await staff.inject({ method: 'GET', url: '/api/facts/members.total/records/export' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getRow(1).getCell(1).value)).toContain('党员总数');
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '名称', '所属组织', '日期']);
    // title, header and five members
    expect(ws.actualRowCount).toBe(7);
    expect(String(ws.getRow(3).getCell(3).value)).toBe('甲一支部');
  });
});
