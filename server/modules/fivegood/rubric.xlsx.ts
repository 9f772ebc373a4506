import type { RubricContent } from '../../../common/fivegood.ts';
import { DATA_SOURCE_LABELS } from '../../../common/fivegood.ts';
import type { XlsxColumn, XlsxRow } from '../../platform/export/xlsx.ts';
import { dimensionPoints } from './fivegood.rules.ts';

export const RUBRIC_XLSX_COLUMNS: XlsxColumn[] = [
  { header: '维度标识', key: 'dimKey', width: 12 },
  { header: '维度名称', key: 'dimName', width: 14 },
  { header: '维度分值', key: 'dimPoints', width: 10 },
  { header: '达标比例', key: 'passRatio', width: 10 },
  { header: '指标标识', key: 'key', width: 18 },
  { header: '指标内容', key: 'text', width: 60 },
  { header: '分值', key: 'points', width: 8 },
  { header: '评分指引', key: 'guidance', width: 30 },
  { header: '佐证材料', key: 'evidence', width: 40 },
  { header: '系统数据来源', key: 'source', width: 20 },
];

/** One row per indicator, for the Excel export of a rubric version. */
export function rubricRows(c: RubricContent): XlsxRow[] {
  return c.dimensions.flatMap((d) =>
    d.indicators.map((i) => ({
      dimKey: d.key,
      dimName: d.name,
      dimPoints: dimensionPoints(d),
      passRatio: d.passRatio ?? c.passRatio,
      key: i.key,
      text: i.text,
      points: i.points,
      guidance: i.guidance,
      evidence: i.evidence.join('、'),
      source: i.source ? DATA_SOURCE_LABELS[i.source] : '',
    })),
  );
}
