import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { MEETING_STATUS_LABELS, MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingStatus } from '../../../../../common/meeting.ts';
import { OrgSelect } from '../../../components/org-select.tsx';
import { useCan } from '../../../lib/access.ts';
import { type MeetingRow, useMeetings } from '../api.ts';
import { PlanModal } from '../components/plan-modal.tsx';

const STATUS_COLOR: Record<MeetingStatus, string> = {
  planned: 'blue',
  held: 'orange',
  submitted: 'purple',
  returned: 'red',
  approved: 'green',
  cancelled: 'default',
};

/** 三会一课 and the other organisational life of the caller's scope: plan, then open a record. */
export default function MeetingsPage() {
  const can = useCan();
  const nav = useNavigate();
  const [q, setQ] = useState<{ orgId?: string; type?: string; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const [planning, setPlanning] = useState(false);
  const { data, isFetching } = useMeetings(q);
  return (
    <Card
      title="组织生活"
      extra={
        can('meeting:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)}>
            计划会议
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <div style={{ width: 280 }}>
          <OrgSelect allowClear placeholder="全部组织" value={q.orgId} onChange={(orgId) => setQ({ ...q, orgId, page: 1 })} />
        </div>
        <Select
          allowClear
          placeholder="全部会议类型"
          style={{ width: 200 }}
          value={q.type}
          onChange={(type) => setQ({ ...q, type, page: 1 })}
          options={MEETING_TYPES.map((t) => ({ value: t, label: MEETING_TYPE_LABELS[t] }))}
        />
      </Space>
      <Table<MeetingRow>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items}
        onRow={(r) => ({ onClick: () => nav(`/meetings/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: data?.total,
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
        columns={[
          { title: '时间', dataIndex: 'startsAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
          { title: '会议名称', dataIndex: 'title' },
          { title: '类型', dataIndex: 'type', render: (v: keyof typeof MEETING_TYPE_LABELS) => MEETING_TYPE_LABELS[v] },
          { title: '党组织', dataIndex: 'orgName' },
          { title: '第一议题', dataIndex: 'hasFirstTopic', render: (v: boolean) => (v ? <Tag color="red">已学习</Tag> : '—') },
          {
            title: '状态',
            dataIndex: 'status',
            render: (v: MeetingStatus) => <Tag color={STATUS_COLOR[v]}>{MEETING_STATUS_LABELS[v]}</Tag>,
          },
        ]}
      />
      <PlanModal open={planning} onClose={() => setPlanning(false)} onPlanned={(id) => nav(`/meetings/${id}`)} />
    </Card>
  );
}
