import { useQuery } from '@tanstack/react-query';
import { Card, Empty, InputNumber, Space, Table, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { MeetingHeatmap, OrgCalendar } from '../../../../../common/meeting.ts';
import { OrgSelect } from '../../../components/org-select.tsx';
import { api } from '../../../lib/api.ts';
import { useMe } from '../../../lib/auth.ts';
import { type CellStatus, STATUS_COLORS, STATUS_LABELS } from '../api.ts';

type Heat = MeetingHeatmap;
type OrgCal = OrgCalendar;

const Cell = ({ s, title }: { s: CellStatus; title?: string }) => (
  <Tooltip title={title ?? STATUS_LABELS[s]}>
    <div
      role="img"
      data-status={s}
      aria-label={STATUS_LABELS[s]}
      style={{ width: 26, height: 18, borderRadius: 3, background: STATUS_COLORS[s], margin: 'auto' }}
    />
  </Tooltip>
);

/** 合规日历: the subtree as a heat map (org × month) with its gaps, and one org's requirements period by period. */
export default function CalendarPage() {
  const me = useMe().data;
  const [orgId, setOrgId] = useState<string | undefined>(me?.roles[0]?.orgId);
  const [year, setYear] = useState(dayjs().year());
  const [picked, setPicked] = useState<string | null>(null);
  const root = orgId ?? me?.roles[0]?.orgId;
  const heat = useQuery({
    queryKey: ['heat', root, year],
    queryFn: () => api<Heat>('/api/meeting-calendar/heatmap', { query: { orgId: root, year } }),
    enabled: !!root,
  });
  const one = useQuery({
    queryKey: ['cal', picked, year],
    queryFn: () => api<OrgCal>('/api/meeting-calendar', { query: { orgId: picked, year } }),
    enabled: !!picked,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title="组织生活合规日历"
        extra={
          <Space>
            <div style={{ width: 280 }}>
              <OrgSelect value={root} onChange={setOrgId} />
            </div>
            <InputNumber aria-label="年度" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonAfter="年" />
          </Space>
        }
      >
        <Space style={{ marginBottom: 12 }}>
          {(Object.keys(STATUS_COLORS) as CellStatus[]).map((s) => (
            <Space key={s} size={4}>
              <Cell s={s} />
              {STATUS_LABELS[s]}
            </Space>
          ))}
          {heat.data && (
            <span>
              共 {heat.data.summary.orgs} 个组织，{heat.data.summary.withRed} 个有未按期召开的会议
            </span>
          )}
        </Space>
        <Table
          size="small"
          rowKey="orgId"
          loading={heat.isPending && !!root}
          dataSource={heat.data?.orgs}
          pagination={{ pageSize: 50 }}
          onRow={(r) => ({ onClick: () => setPicked(r.orgId), style: { cursor: 'pointer' } })}
          columns={[
            { title: '党组织', dataIndex: 'name', render: (v: string, r) => <span style={{ paddingLeft: r.depth * 12 }}>{v}</span> },
            ...Array.from({ length: 12 }, (_, i) => ({
              title: `${i + 1}月`,
              key: `m${i}`,
              align: 'center' as const,
              render: (_: unknown, r: Heat['orgs'][number]) => <Cell s={r.months[i]} />,
            })),
          ]}
        />
      </Card>
      {picked && (
        <Card title={`${one.data?.orgName ?? ''}：各类会议完成情况`} loading={one.isPending}>
          {one.data?.rows.length === 0 && <Empty description="该组织没有规定频次的会议" />}
          {one.data?.rows.map((r) => (
            <div key={r.key} style={{ marginBottom: 8 }}>
              <strong style={{ display: 'inline-block', width: 140 }}>{r.label}</strong>
              <Space size={4} wrap>
                {r.periods.map((p) => (
                  <Tag key={p.key} color={STATUS_COLORS[p.status]} data-testid={`${r.key}-${p.key}`} data-status={p.status}>
                    {p.label} {p.held}/{r.minCount}
                  </Tag>
                ))}
              </Space>
            </div>
          ))}
        </Card>
      )}
      <Card title="缺项清单">
        <Table
          size="small"
          rowKey={(g) => `${g.orgId}-${g.label}-${g.period}`}
          dataSource={heat.data?.gaps}
          onRow={(g) => ({ onClick: () => setPicked(g.orgId), style: { cursor: 'pointer' } })}
          columns={[
            { title: '党组织', dataIndex: 'orgName' },
            { title: '会议', dataIndex: 'label' },
            { title: '期间', dataIndex: 'period' },
            { title: '已开/应开', key: 'n', render: (_, g) => `${g.held}/${g.minCount}` },
            { title: '状态', dataIndex: 'status', render: (s: CellStatus) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag> },
          ]}
        />
      </Card>
    </Space>
  );
}
