import { STUDY_FORM_LABELS, STUDY_FORMS } from '../../../common/study-labels.ts';
import type { XlsxRow, XlsxSpec } from '../../platform/export/xlsx.ts';
import type { orgHours } from './hours.service.ts';

/** The 学时统计 sheet: one row per member, hours by form, requirement, and status. */
export function hoursSheet(h: Awaited<ReturnType<typeof orgHours>>): XlsxSpec & { rows: XlsxRow[] } {
  return {
    sheetName: '学时统计',
    title: `${h.year} 年党员学时统计（截至 ${h.asOfMonth || 1} 月）`,
    columns: [
      { header: '姓名', key: 'name', width: 12 },
      { header: '所在党组织', key: 'orgName', width: 28 },
      { header: '要求学时', key: 'requiredHours', width: 10 },
      ...STUDY_FORMS.map((f) => ({ header: STUDY_FORM_LABELS[f], key: f, width: 12 })),
      { header: '合计学时', key: 'hours', width: 10 },
      { header: '状态', key: 'status', width: 16 },
    ],
    rows: h.rows.map((r) => ({
      name: r.name,
      orgName: r.orgName,
      requiredHours: r.requiredHours,
      ...r.byForm,
      hours: r.hours,
      status: r.met ? '已达标' : r.missingCentralized && r.hours >= r.requiredHours ? '缺集中培训' : r.behind ? '进度落后' : '未达标',
    })),
  };
}
