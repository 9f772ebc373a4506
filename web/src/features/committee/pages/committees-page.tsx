import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DUTY_LABELS } from '../../../../../common/committee.ts';
import { OrgSelect } from '../../../components/org-select.tsx';
import { useCan } from '../../../lib/access.ts';
import { type Committee, type TermFilter, useTerms } from '../api.ts';
import { CommitteeHistory } from '../components/committee-history.tsx';
import { ElectionModal } from '../components/election-modal.tsx';
import { PostponeModal } from '../components/postpone-modal.tsx';
import { TermTag } from '../components/term-tag.tsx';

/** 换届管理: the current committee of every org in scope, soonest end first, with reminders and overdue terms. */
export default function CommitteesPage() {
  const can = useCan();
  const write = can('org:write');
  // a reminder links to /committees?orgId=…
  const [params] = useSearchParams();
  const [orgId, setOrgId] = useState<string | undefined>(params.get('orgId') ?? undefined);
  const [state, setState] = useState<TermFilter | 'all'>('attention');
  const [electing, setElecting] = useState<{ orgId?: string } | null>(null);
  const [postponing, setPostponing] = useState<Committee | null>(null);
  const [history, setHistory] = useState<Committee | null>(null);
  const { data = [], isFetching } = useTerms({ orgId, state: state === 'all' ? undefined : state });
  return (
    <Card
      title="委员会与换届"
      extra={
        write && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setElecting({ orgId })}>
            登记换届选举
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <div style={{ width: 280 }}>
          <OrgSelect allowClear placeholder="全部（管理范围内）" value={orgId} onChange={setOrgId} />
        </div>
        <Segmented
          aria-label="任期状态"
          value={state ?? 'all'}
          onChange={(v) => setState(v as TermFilter | 'all')}
          options={[
            { label: '需关注', value: 'attention' },
            { label: '逾期未换届', value: 'overdue' },
            { label: '全部', value: 'all' },
          ]}
        />
      </Space>
      <Table<Committee>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data}
        locale={{ emptyText: state === 'all' ? '尚未登记委员会' : '没有即将届满或逾期的委员会' }}
        scroll={{ x: 900 }}
        columns={[
          { title: '党组织', dataIndex: 'orgName' },
          {
            title: '书记',
            key: 'secretary',
            render: (_, c) => c.members.find((s) => s.duty === 'secretary')?.name ?? '—',
          },
          {
            title: '成员',
            key: 'members',
            render: (_, c) => `${c.members.length} 人`,
            onCell: (c) => ({ title: c.members.map((s) => `${DUTY_LABELS[s.duty]} ${s.name}`).join('、') }),
          },
          { title: '选举日期', dataIndex: 'electedOn' },
          { title: '届满日期', dataIndex: 'endsOn', render: (v: string, c) => (c.postponedTo ? `${v}（已延期）` : v) },
          { title: '状态', key: 'state', render: (_, c) => <TermTag c={c} /> },
          {
            title: '操作',
            key: 'ops',
            render: (_, c) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setHistory(c)}>
                  历届
                </Button>
                {write && (
                  <Button type="link" size="small" onClick={() => setElecting({ orgId: c.orgId })}>
                    换届
                  </Button>
                )}
                {write && (
                  <Button type="link" size="small" onClick={() => setPostponing(c)}>
                    延期
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {electing && <ElectionModal orgId={electing.orgId} onClose={() => setElecting(null)} />}
      {postponing && <PostponeModal c={postponing} onClose={() => setPostponing(null)} />}
      {history && <CommitteeHistory orgId={history.orgId} orgName={history.orgName} onClose={() => setHistory(null)} />}
    </Card>
  );
}
