import ExcelJS from 'exceljs';
import { EDUCATIONS, ETHNICITIES, MEMBER_COLUMNS } from '../../../common/member.ts';
import { AppError } from '../../platform/errors.ts';
import { checkUploadBuffer } from '../../platform/files/files.check.ts';

export const MAX_IMPORT_ROWS = 100_000;
export type ImportError = { row: number; column: string; message: string };
/** A cell as read for validation: text (formulas as their `=…` text), a number, or a date. */
export type RawCell = string | number | Date | null;
export type RawRow = { row: number; cells: Record<(typeof MEMBER_COLUMNS)[number]['key'], RawCell> };

export const importInvalid = (errors: ImportError[]) =>
  new AppError('IMPORT_INVALID', `导入文件有 ${errors.length} 处错误，未导入任何数据；请按行、列修改后重新导入`, { errors });

/** A cell's value as the user typed it: a formula is read as its text (cached results are not trusted). */
function rawCell(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v);
  if ('formula' in v || 'sharedFormula' in v) return `=${'formula' in v ? v.formula : v.sharedFormula}`;
  if ('richText' in v)
    return (
      v.richText
        .map((r) => r.text)
        .join('')
        .trim() || null
    );
  if ('text' in v) return String(v.text).trim() || null;
  if ('error' in v) return String(v.error);
  return null;
}

/**
 * Reads the first sheet of an uploaded member workbook: checks the zip structure (size and entry limits), the
 * header row (the contract's 12 columns in order) and the row limit; returns the non-empty data rows.
 */
export async function readMemberWorkbook(data: Buffer): Promise<RawRow[]> {
  await checkUploadBuffer(data, { declared: 'xlsx', allow: ['xlsx'], hint: '；.xls 请先用 Excel 或 WPS 另存为 .xlsx' });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '无法读取该 Excel 文件，请用 Excel 或 WPS 重新另存为 .xlsx 后再导入');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw importInvalid([{ row: 1, column: '', message: '文件中没有工作表' }]);
  const header = ws.getRow(1);
  const headerErrors = MEMBER_COLUMNS.flatMap((c, i) => {
    const got = rawCell(header.getCell(i + 1).value);
    return String(got ?? '') === c.header
      ? []
      : [{ row: 1, column: c.header, message: `第 ${i + 1} 列表头应为"${c.header}"，请使用导入模板` }];
  });
  if (headerErrors.length) throw importInvalid(headerErrors);
  if (ws.actualRowCount - 1 > MAX_IMPORT_ROWS) {
    throw importInvalid([{ row: MAX_IMPORT_ROWS + 2, column: '', message: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件后分批导入` }]);
  }
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = Object.fromEntries(MEMBER_COLUMNS.map((c, i) => [c.key, rawCell(r.getCell(i + 1).value)])) as RawRow['cells'];
    if (Object.values(cells).some((v) => v !== null)) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** The import template: the header row with text-formatted number columns, and a sheet explaining each column. */
export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '亮旗';
  const ws = wb.addWorksheet('党员信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = MEMBER_COLUMNS.map((c) => ({
    key: c.key,
    width: c.key === 'org' ? 40 : c.key === 'idNumber' ? 22 : 14,
    // text format keeps an 18-digit number and leading zeros exactly as typed
    style:
      c.key === 'idNumber' || c.key === 'phone'
        ? { numFmt: '@' }
        : c.key.endsWith('On') || c.key === 'birthDate'
          ? { numFmt: 'yyyy-mm-dd' }
          : {},
  }));
  const h = ws.getRow(1);
  MEMBER_COLUMNS.forEach((c, i) => {
    const cell = h.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 18 }, { width: 100 }];
  help.addRow(['列', '填写要求']).font = { bold: true };
  for (const [k, v] of Object.entries(COLUMN_HELP)) help.addRow([k, v]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const COLUMN_HELP: Record<string, string> = {
  姓名: '必填，2 至 30 个字',
  性别: '必填，男 或 女，须与公民身份号码一致',
  民族: `必填，56 个民族之一，如 ${ETHNICITIES.slice(0, 5).join('、')}`,
  出生日期: '必填，日期格式或 YYYY-MM-DD 文本，须与公民身份号码一致',
  公民身份号码: '必填，18 位，以文本格式填写；同一人只登记一次，再次导入会更新其信息',
  手机号码: '选填，11 位大陆手机号',
  学历: `选填，${EDUCATIONS.join('、')}`,
  人员类别: '必填，正式党员 或 预备党员',
  入党日期: '必填，年满 18 岁以后的日期',
  转为正式党员日期: '正式党员必填，预备党员不填',
  所在党组织: '必填，党支部或党小组的名称（在您的管理范围内唯一时），或从上到下的完整名称路径，用 / 分隔',
  党内职务: '选填，如 书记、组织委员',
  说明: '导入为整体提交：任何一处有误则全部不导入，系统会列出每处错误的行号和列名',
};
