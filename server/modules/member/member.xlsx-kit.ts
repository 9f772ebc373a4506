import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { MEMBER_COLUMNS } from '../../../common/member.ts';
import type { Agent } from '../../test/build-test-app.ts';
import { makeIdNumber, makePhone } from './member.factory.ts';

export type Cell = string | number | Date | null | { formula: string; result?: string };
export const HEADERS = MEMBER_COLUMNS.map((c) => c.header);

/** An xlsx with the given header and rows (test files; formulas written as real formulas). */
export async function workbook(rows: Cell[][], header: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员信息');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A valid import row for `orgRef`; index `i` makes the person unique. */
export function row(orgRef: string, i: number, o: Partial<Record<string, Cell>> = {}): Cell[] {
  const birth = `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`;
  const male = i % 2 === 0;
  const base: Record<string, Cell> = {
    name: `测试党员${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i}`.replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]),
    gender: male ? '男' : '女',
    ethnicity: i % 7 === 0 ? '回族' : '汉族',
    birthDate: birth,
    idNumber: makeIdNumber(birth, male ? 'male' : 'female', 1000 + i),
    phone: makePhone(5000 + i),
    education: '大学本科',
    category: i % 10 === 0 ? '预备党员' : '正式党员',
    joinedOn: '2020-06-01',
    fullMemberOn: i % 10 === 0 ? null : '2021-06-01',
    org: orgRef,
    position: null,
    ...o,
  };
  return MEMBER_COLUMNS.map((c) => base[c.key] ?? null);
}

/** A multipart body carrying `data` as the field `file`. */
export function multipartFile(data: Buffer, filename = 'members.xlsx') {
  const boundary = `----liangqi${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Posts `data` as the multipart field `file` to the import route. */
export function upload(agent: Agent, data: Buffer, url = '/api/members/import') {
  return agent.inject({ method: 'POST', url, ...multipartFile(data) });
}

/** The first sheet of an xlsx as text rows, and the raw sheet XML (to count `<f>` formula elements). */
export async function readBack(data: Buffer): Promise<{ rows: string[][]; xml: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) =>
    rows.push((r.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  const files = unzipSync(new Uint8Array(data));
  const xml = Object.entries(files)
    .filter(([n]) => n.startsWith('xl/worksheets/'))
    .map(([, d]) => Buffer.from(d).toString('utf8'))
    .join('\n');
  return { rows, xml };
}

let matrixSeq = 0;

/** A valid one-person import request naming the branch `branchName` (for the authorization matrix). */
export async function importRequest(branchName: string) {
  return { url: '/api/members/import', ...multipartFile(await workbook([row(branchName, 50_000 + ++matrixSeq)])) };
}
