import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import type { Cockpit } from '../api.ts';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

/** The headline figures as Statistic cards (two a row on a phone). */
export function HeadlineCards({ data }: { data: Cockpit }) {
  const h = data.headline;
  const m = h.meetings;
  const fg = h.fivegood;
  const cards: { title: string; value: string | number; suffix?: string; hint?: string }[] = [
    {
      title: '党员总数',
      value: h.members.total,
      suffix: '名',
      hint: `正式党员 ${h.members.full} 名，预备党员 ${h.members.probationary} 名`,
    },
    {
      title: '党组织',
      value: h.orgs.committee + h.orgs.general_branch + h.orgs.branch + h.orgs.group,
      suffix: '个',
      hint: `党委 ${h.orgs.committee}、党总支 ${h.orgs.general_branch}、党支部 ${h.orgs.branch}、党小组 ${h.orgs.group}`,
    },
    {
      title: '三会一课',
      value: h.threeOneMeetings,
      suffix: '次',
      hint: `支部党员大会 ${m.members_assembly}、支委会 ${m.branch_committee}、党小组会 ${m.group_meeting}、党课 ${m.party_lecture}`,
    },
    { title: '主题党日', value: m.theme_day, suffix: '次' },
    {
      title: '三会一课达标率',
      value: pct(h.threeOne.rate),
      hint: `已结束的月份/季度中按规定频次召开的党支部 ${h.threeOne.met} / ${h.threeOne.branches} 个`,
    },
    { title: '第一议题学习', value: h.firstTopics, suffix: '次' },
    { title: '学习时长', value: h.studyHours, suffix: '小时', hint: '学习记录时长 × 参学人数' },
    { title: '人均学习时长', value: h.studyHoursPerMember, suffix: '小时' },
    { title: '"五个好"已命名', value: fg.named, suffix: '个', hint: fg.campaign ? `${fg.campaign.name}` : '本年度尚未开展创建活动' },
    {
      title: '"五个好"审核中',
      value: (fg.byStatus.submitted ?? 0) + (fg.byStatus.forwarded ?? 0),
      suffix: '个',
      hint: '待企业党委考评与待国资委审定',
    },
    {
      title: '组织设置预警',
      value: h.warnings.total,
      suffix: '条',
      hint: `严重 ${h.warnings.error}、一般 ${h.warnings.warning}、提示 ${h.warnings.notice}`,
    },
    { title: '转接办理中', value: h.transfersOpen, suffix: '人' },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.title} xs={12} sm={8} lg={6} xl={4}>
          <Card size="small">
            <Tooltip title={c.hint}>
              <Statistic title={c.title} value={c.value} suffix={c.suffix} />
            </Tooltip>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
