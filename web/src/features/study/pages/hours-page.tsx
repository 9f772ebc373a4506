import { Button, Card, InputNumber, Space, Switch, Table, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { STUDY_FORM_LABELS, STUDY_FORMS } from '../../../../../common/study-labels.ts';
import { download } from '../../../lib/api.ts';
import { factHref } from '../../../lib/fact-href.ts';
import { factValue, useFacts } from '../../../lib/facts-api.ts';
import { type HoursRow, type OrgHours, type Rollup, useGet, useOrgYear } from '../api.ts';
import { OrgYearBar } from '../components/org-year-bar.tsx';

const status = (r: HoursRow) =>
  r.met ? (
    <Tag color="green">已达标</Tag>
  ) : r.behind ? (
    <Tag color="red">进度落后</Tag>
  ) : r.missingCentralized ? (
    <Tag color="orange">缺集中培训</Tag>
  ) : (
    <Tag>按进度</Tag>
  );

/** 学时统计: roll-up by child org (sums add up), and every member's hours by form against 32/56 h, who is behind, export. */
export default function HoursPage() {
  const f = useOrgYear();
  const [behindOnly, setBehindOnly] = useState(false);
  const [month, setMonth] = useState<number | null>(null);
  const roll = useGet<Rollup>([f.orgId, f.year], '/api/study/rollup', { orgId: f.orgId, year: f.year }, !!f.orgId);
  const hours = useGet<OrgHours>(
    [f.orgId, f.year, month, behindOnly],
    '/api/study/hours',
    { orgId: f.orgId, year: f.year, month: month ?? undefined, behindOnly: behindOnly ? '1' : '0' },
    !!f.orgId,
  );
  const r = roll.data;
  // a child org's row is that org's subtree: its numbers are the same facts at the child (the 直属党员 row is not a subtree)
  const childLink = (key: string, orgId: string, v: ReactNode) =>
    orgId === f.orgId ? (
      v
    ) : (
      <Link to={factHref(key, { orgId, year: f.year })} onClick={(e) => e.stopPropagation()}>
        {v}
      </Link>
    );
  // the totals row reads the study facts of the org and year, and each number opens its records
  const facts = useFacts({ orgId: f.orgId, year: f.year }, !!f.orgId);
  const fact = (key: string) => {
    const v = factValue(facts.data, key);
    return v === undefined || v === null ? '—' : <Link to={factHref(key, { orgId: f.orgId, year: f.year })}>{v}</Link>;
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title="学时汇总" extra={<OrgYearBar {...f} />}>
        <Table
          size="small"
          rowKey="orgId"
          loading={roll.isFetching}
          pagination={false}
          dataSource={r ? [...r.children, ...(r.direct.members ? [r.direct] : [])] : []}
          onRow={(x) => ({ onClick: () => x.orgId !== f.orgId && f.setOrgId(x.orgId), style: { cursor: 'pointer' } })}
          columns={[
            { title: '组织', dataIndex: 'name' },
            { title: '党员数', dataIndex: 'members', width: 90, render: (v: number, x) => childLink('study.members', x.orgId, v) },
            { title: '合计学时', dataIndex: 'hours', width: 110, render: (v: number, x) => childLink('study.credited_hours', x.orgId, v) },
            {
              title: '人均学时',
              dataIndex: 'perMember',
              width: 110,
              render: (v: number | null, x) => childLink('study.credited_hours_per_member', x.orgId, v ?? '—'),
            },
            { title: '已达标', dataIndex: 'metCount', width: 90, render: (v: number, x) => childLink('study.members_met', x.orgId, v) },
            {
              title: '进度落后',
              dataIndex: 'behindCount',
              width: 100,
              render: (v: number, x) => childLink('study.members_behind', x.orgId, v ? <Tag color="red">{v}</Tag> : 0),
            },
          ]}
          summary={() =>
            r && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>合计（{r.org.name}）</Table.Summary.Cell>
                <Table.Summary.Cell index={1}>{fact('study.members')}</Table.Summary.Cell>
                <Table.Summary.Cell index={2}>{fact('study.credited_hours')}</Table.Summary.Cell>
                <Table.Summary.Cell index={3}>{fact('study.credited_hours_per_member')}</Table.Summary.Cell>
                <Table.Summary.Cell index={4}>{fact('study.members_met')}</Table.Summary.Cell>
                <Table.Summary.Cell index={5}>{fact('study.members_behind')}</Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
        />
      </Card>
      <Card
        title={`党员学时${hours.data ? `截至 ${hours.data.asOfMonth || 1} 月，${hours.data.total} 人，达标 ${hours.data.metCount} 人，落后 ${hours.data.behindCount} 人）` : ''}`}
        extra={
          <Space>
            <InputNumber
              aria-label="截至月份"
              placeholder="截至本月"
              min={1}
              max={12}
              value={month}
              onChange={(v) => setMonth(v)}
              addonAfter="月"
            />
            <Switch checked={behindOnly} onChange={setBehindOnly} checkedChildren="只看落后" unCheckedChildren="全部党员" />
            <Button
              onClick={() =>
                download('/api/study/hours/export', {
                  orgId: f.orgId,
                  year: f.year,
                  month: month ?? undefined,
                  behindOnly: behindOnly ? '1' : '0',
                })
              }
            >
              导出 Excel
            </Button>
          </Space>
        }
      >
        <Table
          size="small"
          rowKey="memberId"
          loading={hours.isFetching}
          dataSource={hours.data?.rows}
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: '姓名', dataIndex: 'name', fixed: 'left', width: 90 },
            { title: '所在党组织', dataIndex: 'orgName', width: 200 },
            { title: '要求', dataIndex: 'requiredHours', width: 70, render: (v: number, x) => `${v}${x.leader ? '（书记/委员）' : ''}` },
            ...STUDY_FORMS.map((k) => ({
              title: STUDY_FORM_LABELS[k],
              width: 100,
              render: (_: unknown, x: HoursRow) => x.byForm[k] || '',
            })),
            { title: '合计', dataIndex: 'hours', width: 80, sorter: (a: HoursRow, b: HoursRow) => a.hours - b.hours },
            { title: '状态', width: 110, render: (_, x) => status(x) },
          ]}
        />
      </Card>
    </Space>
  );
}
