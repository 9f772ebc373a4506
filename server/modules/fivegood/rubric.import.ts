import ExcelJS from 'exceljs';
import { DATA_SOURCE_LABELS, type DataSource, type RubricContent, RubricContentSchema } from '../../../common/fivegood.ts';
import { invalid } from '../../platform/errors.ts';
import { checkUploadBuffer } from '../../platform/files/files.check.ts';
import { RUBRIC_XLSX_COLUMNS } from './rubric.xlsx.ts';

const sourceByLabel = new Map(Object.entries(DATA_SOURCE_LABELS).map(([k, v]) => [v, k as DataSource]));

/** Reads dimensions and indicators from the Excel layout of the export; everything else comes from `base`. */
export async function rubricFromXlsx(buf: Buffer, base: RubricContent): Promise<RubricContent> {
  await checkUploadBuffer(buf, { declared: 'xlsx', allow: ['xlsx'] });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw invalid('无法读取 Excel 文件，请使用导出的评分细则模板');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalid('Excel 文件中没有工作表');
  let headerRow = 0;
  const col: Record<string, number> = {};
  ws.eachRow((row, n) => {
    if (headerRow) return;
    const cells = (row.values as unknown[]).map((v) => String(v ?? '').trim());
    if (cells.includes('指标标识')) {
      headerRow = n;
      for (const c of RUBRIC_XLSX_COLUMNS) col[c.key] = cells.indexOf(c.header);
    }
  });
  if (!headerRow) throw invalid('未找到表头"指标标识"，请使用导出的评分细则模板');
  const dims: RubricContent['dimensions'] = [];
  const text = (row: ExcelJS.Row, key: string) => (col[key] > 0 ? String(row.getCell(col[key]).text ?? '').trim() : '');
  ws.eachRow((row, n) => {
    if (n <= headerRow || !text(row, 'key')) return;
    const dimKey = text(row, 'dimKey');
    let d = dims.find((x) => x.key === dimKey);
    if (!d) {
      const ratio = Number(text(row, 'passRatio'));
      d = {
        key: dimKey,
        name: text(row, 'dimName'),
        passRatio: Number.isFinite(ratio) && ratio > 0 && ratio !== base.passRatio ? ratio : null,
        indicators: [],
      };
      dims.push(d);
    }
    const src = sourceByLabel.get(text(row, 'source')) ?? null;
    const old = base.dimensions.flatMap((x) => x.indicators).find((i) => i.key === text(row, 'key'));
    d.indicators.push({
      key: text(row, 'key'),
      text: text(row, 'text'),
      points: Number(text(row, 'points')),
      guidance: text(row, 'guidance'),
      evidence: text(row, 'evidence')
        .split(/[、,，]/)
        .map((s) => s.trim())
        .filter(Boolean),
      source: src,
      sourceKeys: src && old?.source === src ? old.sourceKeys : [],
    });
  });
  const parsed = RubricContentSchema.safeParse({ ...base, dimensions: dims });
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw invalid(`Excel 内容有误（${i.path.join('.')}）：${i.message}`);
  }
  return parsed.data;
}
