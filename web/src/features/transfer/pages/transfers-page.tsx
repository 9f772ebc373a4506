import { ImportOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { TRANSFER_KIND_LABELS } from '../../../../../common/transfer.ts';
import { OrgSelect } from '../../../components/org-select.tsx';
import { TransferTag } from '../../../components/transfer-tag.tsx';
import { useCan } from '../../../lib/access.ts';
import { type Transfer, type TransferQuery, useTransfer, useTransfers } from '../../../lib/transfer-api.ts';
import { NewTransferModal } from '../components/new-transfer-modal.tsx';
import { TransferDrawer } from '../components/transfer-drawer.tsx';
import { TransferInModal } from '../components/transfer-in-modal.tsx';

const TABS: { key: string; label: string; q: TransferQuery }[] = [
  { key: 'incoming', label: '待我方确认', q: { direction: 'in', status: 'pending' } },
  { key: 'open', label: '办理中', q: { open: '1' } },
  { key: 'all', label: '全部记录', q: {} },
];

/** 组织关系转接: incoming requests to confirm, open transfers and letters, and the full history of both sides. */
export default function TransfersPage() {
  const can = useCan();
  const write = can('member:write');
  const [tab, setTab] = useState('incoming');
  const [orgId, setOrgId] = useState<string | undefined>();
  const [dialog, setDialog] = useState<'new' | 'in' | null>(null);
  const [open, setOpen] = useState<Transfer | null>(null);
  // a reminder links to /transfers?id=…: open that transfer
  const [params, setParams] = useSearchParams();
  const linked = useTransfer(params.get('id'));
  const shown = open ?? linked.data ?? null;
  const close = () => {
    setOpen(null);
    if (params.has('id')) setParams({}, { replace: true });
  };
  const q = { ...TABS.find((x) => x.key === tab)?.q, orgId };
  const { data = [], isFetching } = useTransfers(q);
  return (
    <Card
      title="组织关系转接"
      extra={
        write && (
          <Space>
            <Button icon={<ImportOutlined />} onClick={() => setDialog('in')}>
              从系统外转入
            </Button>
            <Button type="primary" icon={<SwapOutlined />} onClick={() => setDialog('new')}>
              发起转接
            </Button>
          </Space>
        )
      }
    >
      <Tabs activeKey={tab} onChange={setTab} items={TABS.map((x) => ({ key: x.key, label: x.label }))} />
      <div style={{ width: 280, marginBottom: 16 }}>
        <OrgSelect allowClear placeholder="全部（管理范围内）" value={orgId} onChange={setOrgId} />
      </div>
      <Table<Transfer>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data}
        scroll={{ x: 900 }}
        locale={{ emptyText: tab === 'incoming' ? '没有待确认的转入' : '没有转接记录' }}
        onRow={(t) => ({ onClick: () => setOpen(t), style: { cursor: 'pointer' } })}
        columns={[
          { title: '党员', dataIndex: 'memberName' },
          { title: '方式', dataIndex: 'kind', render: (k: Transfer['kind']) => TRANSFER_KIND_LABELS[k] },
          { title: '转出', key: 'from', render: (_, t) => t.fromOrgName ?? t.externalOrgName },
          { title: '转入', key: 'to', render: (_, t) => t.toOrgName ?? t.externalOrgName },
          { title: '状态', key: 'status', render: (_, t) => <TransferTag t={t} /> },
          { title: '有效期至', dataIndex: 'validUntil', render: (v: string | null) => v ?? '—' },
          { title: '发起时间', dataIndex: 'createdAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
          {
            title: '操作',
            key: 'ops',
            render: (_, t) => (
              <Button type="link" size="small" onClick={() => setOpen(t)}>
                {t.canConfirm ? '办理' : '查看'}
              </Button>
            ),
          },
        ]}
      />
      {dialog === 'new' && <NewTransferModal onClose={() => setDialog(null)} />}
      {dialog === 'in' && <TransferInModal onClose={() => setDialog(null)} />}
      {shown && <TransferDrawer t={shown} onClose={close} />}
    </Card>
  );
}
