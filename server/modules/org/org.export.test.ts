import { and, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgs } from '../../platform/access/org.table.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { buildMember } from '../member/member.factory.ts';

let t: TestApp;
let ent: { id: string; name: string };
let branch: { id: string; name: string };
let other: { id: string; name: string };

async function sheetOf(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const xml = strFromU8(unzipSync(new Uint8Array(buf))['xl/worksheets/sheet1.xml']);
  return { ws: wb.worksheets[0], xml };
}

beforeAll(async () => {
  t = await buildTestApp();
  ent = await buildOrg(t, { type: 'committee', name: '州交投集团党委', isEnterprise: true });
  branch = await buildOrg(t, { parentId: ent.id, type: 'branch', name: '=HYPERLINK("http://x.example","阜康")收费站党支部' });
  await buildOrg(t, { parentId: branch.id, type: 'group', name: '第一党小组' });
  other = await buildOrg(t, { type: 'committee', name: '州园林宾馆党委' });
  await t.db
    .update(orgs)
    .set({ contactName: '王明', contactPhone: '13912345678', foundedOn: '2018-07-01', unitName: '州交投集团' })
    .where(eq(orgs.id, ent.id));
  await buildMember(t, branch.id);
  await buildMember(t, branch.id);
});
afterAll(() => t.close());

describe('org exports', () => {
  it('exports 党组织名册 of the caller’s scope as xlsx: counts, masked phone, no formulas, audited', async () => {
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const res = await staff.get('/api/orgs/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('党组织名册_2026-03-01.xlsx')}`);
    const { ws, xml } = await sheetOf(res.rawPayload);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '名称',
      '类别',
      '上级组织',
      '单位名称',
      '成立日期',
      '党员数',
      '下级组织数',
      '联系人',
      '联系电话',
      '状态',
    ]);
    expect(ws.rowCount).toBe(5); // title, header, three orgs; 州园林宾馆党委 is outside the scope
    expect(ws.getRow(3).values).toEqual([
      undefined,
      '州交投集团党委',
      '党委',
      '州国资委党委',
      '州交投集团',
      '2018-07-01',
      2,
      1,
      '王明',
      '139****5678',
      '正常',
    ]);
    expect(ws.getRow(4).getCell(1).value).toBe(`'${branch.name}`);
    expect(ws.getRow(4).getCell(3).value).toBe('州交投集团党委');
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).not.toContain('州园林宾馆党委');

    const [e] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'export')).orderBy(desc(auditLog.id)).limit(1);
    expect(e.objectType).toBe('org.list');
    expect(e.detail).toMatchObject({ rows: 3, fileName: '党组织名册_2026-03-01.xlsx' });

    const filtered = await sheetOf((await staff.get(`/api/orgs/export?q=${encodeURIComponent('小组')}`)).rawPayload);
    expect(filtered.ws.rowCount).toBe(3);
    expect((await (await loginAs(t, 'member', ent.id)).get('/api/orgs/export')).statusCode).toBe(403);
  });

  it('builds 党组织基本情况表 of one org as docx; out of scope answers 404', async () => {
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const res = await staff.get(`/api/orgs/${ent.id}/report`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('州交投集团党委_基本情况表.docx'));
    const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']);
    for (const s of [
      '党组织基本情况表',
      '州交投集团党委',
      '州国资委党委',
      '王明',
      '139****5678',
      '下级组织',
      '收费站党支部',
      '2026年3月1日',
    ])
      expect(xml).toContain(s);
    expect(xml).not.toContain('13912345678');
    const [e] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export'), eq(auditLog.objectType, 'org.report')));
    expect(e.orgId).toBe(ent.id);

    const hidden = await staff.get(`/api/orgs/${other.id}/report`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual((await staff.get(`/api/orgs/${crypto.randomUUID()}/report`)).json());
  });
});
