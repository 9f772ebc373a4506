import { Card, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { OrgSelect } from '../../../components/org-select.tsx';
import { useCan } from '../../../lib/access.ts';
import { type AuditQuery, type AuditRecord, useAudit, useAuditActions } from '../api.ts';
import { AuditDrawer } from '../components/audit-drawer.tsx';
import { objectName, roleNames } from '../components/audit-format.ts';
import { AuditVerify } from '../components/audit-verify.tsx';
import { RESULT_LABELS, ResultTag } from '../components/result-tag.tsx';

const columns: ColumnsType<AuditRecord> = [
  { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
  { title: '用户', dataIndex: 'username', render: (v: string | null) => v ?? '—' },
  { title: '角色', dataIndex: 'roles', ellipsis: true, render: (v: string | null) => roleNames(v) },
  { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  { title: '操作', dataIndex: 'actionLabel' },
  { title: '对象', key: 'object', ellipsis: true, render: (_, r) => objectName(r) },
  { title: '结果', dataIndex: 'result', width: 80, render: (v: AuditRecord['result']) => <ResultTag result={v} /> },
];

/** 审计日志 (audit_admin only): search by time, user, action, result and org; detail drawer; chain verification. */
export default function AuditPage() {
  const can = useCan();
  const [q, setQ] = useState<AuditQuery>({ page: 1, pageSize: 50 });
  const [open, setOpen] = useState<AuditRecord | null>(null);
  const { data, isFetching } = useAudit(q);
  const actions = useAuditActions();
  const set = (patch: Partial<AuditQuery>) => setQ({ ...q, ...patch, page: 1 });

  return (
    <Card title="审计日志" extra={<Typography.Text type="secondary">只读；记录不可修改或删除</Typography.Text>}>
      <Space wrap style={{ marginBottom: 16 }} align="start">
        <DatePicker.RangePicker
          aria-label="时间范围"
          onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
        />
        <Input.Search
          placeholder="用户名"
          allowClear
          aria-label="用户名"
          style={{ width: 160 }}
          onSearch={(v) => set({ username: v.trim() || undefined })}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="操作类型"
          aria-label="操作类型"
          style={{ width: 200 }}
          options={actions.data?.map((a) => ({ value: a.action, label: a.label }))}
          onChange={(action?: string) => set({ action })}
        />
        <Select
          allowClear
          placeholder="结果"
          aria-label="结果"
          style={{ width: 110 }}
          options={Object.entries(RESULT_LABELS).map(([value, label]) => ({ value, label }))}
          onChange={(result?: AuditQuery['result']) => set({ result })}
        />
        {can('org:read') && (
          <div style={{ width: 240 }}>
            <OrgSelect allowClear placeholder="组织" value={q.orgId} onChange={(orgId) => set({ orgId })} />
          </div>
        )}
        <AuditVerify />
      </Space>
      <Table<AuditRecord>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 900 }}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: data?.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (t) => `共 ${t} 条`,
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
      />
      <AuditDrawer record={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
