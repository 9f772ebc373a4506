import { Card, Col, Row, Space, Statistic, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { factHref } from '../../../lib/fact-href.ts';
import type { Cockpit } from '../api.ts';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

type Part = { label: string; value: number; fact: string };
type CardDef = { title: string; value: string | number; suffix?: string; hint?: string; fact: string; parts?: Part[] };

/** The headline figures as Statistic cards (two a row on a phone); every number opens the records behind it. */
export function HeadlineCards({ data }: { data: Cockpit }) {
  const h = data.headline;
  const m = h.meetings;
  const fg = h.fivegood;
  const href = (key: string) => factHref(key, { orgId: data.org.id, year: data.year });
  const cards: CardDef[] = [
    {
      title: '党员总数',
      value: h.members.total,
      suffix: '名',
      fact: 'members.total',
      parts: [
        { label: '正式', value: h.members.full, fact: 'members.full' },
        { label: '预备', value: h.members.probationary, fact: 'members.probationary' },
      ],
    },
    {
      title: '党组织',
      value: h.orgs.committee + h.orgs.general_branch + h.orgs.branch + h.orgs.group,
      suffix: '个',
      fact: 'orgs.total',
      parts: [
        { label: '党委', value: h.orgs.committee, fact: 'orgs.committee' },
        { label: '党总支', value: h.orgs.general_branch, fact: 'orgs.general_branch' },
        { label: '党支部', value: h.orgs.branch, fact: 'orgs.branch' },
        { label: '党小组', value: h.orgs.group, fact: 'orgs.group' },
      ],
    },
    {
      title: '三会一课',
      value: h.threeOneMeetings,
      suffix: '次',
      fact: 'meetings.three_one',
      parts: [
        { label: '党员大会', value: m.members_assembly, fact: 'meetings.members_assembly' },
        { label: '支委会', value: m.branch_committee, fact: 'meetings.branch_committee' },
        { label: '党小组会', value: m.group_meeting, fact: 'meetings.group_meeting' },
        { label: '党课', value: m.party_lecture, fact: 'meetings.party_lecture' },
      ],
    },
    { title: '主题党日', value: m.theme_day, suffix: '次', fact: 'meetings.theme_day' },
    {
      title: '三会一课达标率',
      value: pct(h.threeOne.rate),
      fact: 'meetings.three_one_rate',
      hint: `已结束的月份/季度中按规定频次召开的党支部 ${h.threeOne.met} / ${h.threeOne.branches} 个`,
    },
    { title: '第一议题学习', value: h.firstTopics, suffix: '次', fact: 'meetings.first_topic', hint: '议程第 1 项为第一议题的会议' },
    { title: '学习时长', value: h.studyHours, suffix: '小时', fact: 'study.hours', hint: '学习记录时长 × 参学人数，计入参学党员所在组织' },
    { title: '人均学习时长', value: h.studyHoursPerMember, suffix: '小时', fact: 'study.hours_per_member' },
    {
      title: '"五个好"已命名',
      value: fg.named,
      suffix: '个',
      fact: 'fivegood.named',
      hint: fg.campaign ? `${fg.campaign.name}（年度最新评定为"五个好"、未被否决或摘牌）` : '本年度尚未开展创建活动',
    },
    {
      title: '"五个好"审核中',
      value: (fg.byStatus.submitted ?? 0) + (fg.byStatus.forwarded ?? 0),
      suffix: '个',
      fact: 'fivegood.in_review',
      hint: '待企业党委考评与待国资委审定',
    },
    {
      title: '组织设置预警',
      value: h.warnings.total,
      suffix: '条',
      fact: 'orgs.warnings',
      hint: `严重 ${h.warnings.error}、一般 ${h.warnings.warning}、提示 ${h.warnings.notice}`,
    },
    { title: '转接办理中', value: h.transfersOpen, suffix: '人', fact: 'transfers.open' },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.title} xs={12} sm={8} lg={6} xl={4}>
          <Card size="small" style={{ height: '100%' }}>
            <Tooltip title={c.hint}>
              <Link to={href(c.fact)} aria-label={`${c.title}明细`}>
                <Statistic title={c.title} value={c.value} suffix={c.suffix} />
              </Link>
            </Tooltip>
            {c.parts && (
              <Space size={[8, 0]} wrap>
                {c.parts.map((p) => (
                  <Typography.Text key={p.fact} type="secondary" style={{ fontSize: 12 }}>
                    {p.label} <Link to={href(p.fact)}>{p.value}</Link>
                  </Typography.Text>
                ))}
              </Space>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
