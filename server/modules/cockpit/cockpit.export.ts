import { ORG_TYPE_LABELS } from '../../../common/access.ts';
import type { CockpitOutT } from '../../../common/cockpit.ts';
import type { XlsxRow, XlsxSpec } from '../../platform/export/xlsx.ts';

/** The cockpit's children as a sheet: one row per direct child org, then the org's own total. */
export function cockpitSheet(f: CockpitOutT): XlsxSpec & { rows: XlsxRow[] } {
  const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
  const h = f.headline;
  return {
    sheetName: `驾驶舱${f.year}`,
    title: `${f.org.name} ${f.year}年党建工作数据（截至${f.asOf}）`,
    columns: [
      { header: '组织名称', key: 'name', width: 36 },
      { header: '组织类别', key: 'type', width: 10 },
      { header: '党员数', key: 'members' },
      { header: '党支部数', key: 'branches' },
      { header: '会议次数', key: 'meetings' },
      { header: '三会一课次数', key: 'threeOne' },
      { header: '三会一课达标率', key: 'rate' },
      { header: '第一议题学习次数', key: 'firstTopics' },
      { header: '学习时长（小时）', key: 'studyHours' },
      { header: '人均学习时长（小时）', key: 'perMember' },
      { header: '转接办理中', key: 'transfers' },
    ],
    rows: [
      ...f.children.map((c) => ({
        name: c.org.name,
        type: ORG_TYPE_LABELS[c.org.type],
        members: c.members,
        branches: c.branches,
        meetings: c.meetings,
        threeOne: c.threeOneMeetings,
        rate: pct(c.threeOneRate),
        firstTopics: c.firstTopics,
        studyHours: c.studyHours,
        perMember: c.studyHoursPerMember,
        transfers: c.transfersOpen,
      })),
      {
        name: `合计（${f.org.name}）`,
        type: ORG_TYPE_LABELS[f.org.type],
        members: h.members.total,
        branches: h.orgs.branch,
        meetings: f.monthly.reduce((s, m) => s + m.meetings, 0),
        threeOne: h.threeOneMeetings,
        rate: pct(h.threeOne.rate),
        firstTopics: h.firstTopics,
        studyHours: h.studyHours,
        perMember: h.studyHoursPerMember,
        transfers: h.transfersOpen,
      },
    ],
  };
}
