import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { auditLog } from '../audit/audit.table.ts';
import { sendXlsxStream } from './export.reply.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('xlsx reply helpers', () => {
  it('streams a large list to the reply with a Chinese file name, after writing the export audit record', async () => {
    const app = Fastify();
    app.get('/big', (_req, reply) =>
      sendXlsxStream(
        reply,
        t.sys(),
        '党员名册.xlsx',
        {
          sheetName: '名册',
          columns: [
            { header: '序号', key: 'n' },
            { header: '手机号码', key: 'phone', pii: 'phone' },
          ],
        },
        (function* () {
          for (let n = 1; n <= 20_000; n++) yield { n, phone: '13800138000' };
        })(),
        { kind: 'test.big', rowCount: 20_000 },
      ),
    );
    const res = await app.inject({ method: 'GET', url: '/big' });
    await app.close();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent('党员名册.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(20_001);
    expect(ws.getRow(20_001).values).toEqual([undefined, 20_000, '138****8000']);
    const [e] = await t.db.select().from(auditLog).where(eq(auditLog.objectType, 'test.big'));
    expect(e).toMatchObject({ action: 'export', result: 'success' });
    expect(e.detail).toMatchObject({ rows: 20_000, fileName: '党员名册.xlsx', unmask: false });
  });
});
