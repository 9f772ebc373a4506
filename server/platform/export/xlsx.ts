import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { maskIdNumber, maskPhone } from '../pii/pii.ts';

export type XlsxColumn = { header: string; key: string; width?: number; pii?: 'id' | 'phone' };
export type XlsxRow = Record<string, unknown>;
export type XlsxSpec = {
  sheetName: string;
  /** a merged title line above the header row */
  title?: string;
  columns: XlsxColumn[];
  /** write personal data in full (only for callers holding pii:export) */
  unmask?: boolean;
};

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// a cell starting with one of these is read as a formula by spreadsheet programs (CSV/formula injection)
const FORMULA_START = /^[=+\-@\t\r\n\0]/;

/** Neutralises formula-like text by a leading `'` so it stays text in every spreadsheet program. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The value written for one cell: masked when the column is personal data, never a formula. */
export function cellValue(col: XlsxColumn, v: unknown, unmask = false): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  let text = String(v);
  if (col.pii && !unmask) text = col.pii === 'id' ? maskIdNumber(text) : maskPhone(text);
  // characters XML cannot carry are dropped after the check, so a NUL-led formula still gets its quote
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return neutralise(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** Excel refuses sheet names with []:*?/\ or longer than 31 characters. */
const safeSheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const FONT = '宋体';

function addSheet(wb: ExcelJS.Workbook, spec: XlsxSpec) {
  const headerRow = spec.title ? 2 : 1;
  const ws = wb.addWorksheet(safeSheetName(spec.sheetName), { views: [{ state: 'frozen', ySplit: headerRow }] });
  ws.columns = spec.columns.map((c) => ({ key: c.key, width: c.width ?? Math.max(10, c.header.length * 2 + 4) }));
  if (spec.title) {
    const t = ws.getRow(1);
    t.getCell(1).value = neutralise(spec.title);
    t.font = { name: FONT, size: 14, bold: true };
    t.alignment = { horizontal: 'center', vertical: 'middle' };
    t.height = 28;
    ws.mergeCells(1, 1, 1, spec.columns.length);
  }
  const h = ws.getRow(headerRow);
  spec.columns.forEach((c, i) => {
    const cell = h.getCell(i + 1);
    cell.value = neutralise(c.header);
    cell.font = { name: FONT, size: 11, bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: spec.columns.length } };
  return { ws, headerRow };
}

function rowValues(spec: XlsxSpec, r: XlsxRow): ExcelJS.CellValue[] {
  return spec.columns.map((c) => cellValue(c, r[c.key], spec.unmask));
}

/** Writes one sheet to a Buffer: styled Chinese header, frozen and filterable, no formulas, PII masked. */
export async function writeXlsx(spec: XlsxSpec & { rows: XlsxRow[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '亮旗';
  const { ws } = addSheet(wb, spec);
  for (const r of spec.rows) ws.addRow(rowValues(spec, r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The streaming variant for large lists: rows are written and flushed one by one to `out`; returns the row count. */
export async function streamXlsx(spec: XlsxSpec, rows: Iterable<XlsxRow> | AsyncIterable<XlsxRow>, out: Writable): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '亮旗';
  const { ws, headerRow } = addSheet(wb, spec);
  for (let i = 1; i <= headerRow; i++) ws.getRow(i).commit();
  let n = 0;
  for await (const r of rows) {
    ws.addRow(rowValues(spec, r)).commit();
    n++;
  }
  ws.commit();
  await wb.commit();
  return n;
}
