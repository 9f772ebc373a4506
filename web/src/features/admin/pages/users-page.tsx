import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { OrgSelect } from '../../../components/org-select.tsx';
import { useCan } from '../../../lib/access.ts';
import { type UserQuery, type UserRow, useUserMutations, useUsers } from '../api.ts';
import { ResetPasswordModal } from '../components/reset-password-modal.tsx';
import { UserFormModal } from '../components/user-form-modal.tsx';

function status(u: UserRow) {
  const tags = [];
  if (u.disabled) tags.push(<Tag key="d">已停用</Tag>);
  if (u.locked)
    tags.push(
      <Tag key="l" color="red">
        已锁定
      </Tag>,
    );
  if (u.mustChangePassword)
    tags.push(
      <Tag key="p" color="orange">
        待修改口令
      </Tag>,
    );
  return tags.length ? tags : <Tag color="green">正常</Tag>;
}

/** 账号管理: accounts of the caller's scope, roles at orgs, 停用, 重置口令, 解锁, 强制下线. */
export default function UsersPage() {
  const can = useCan();
  const { message } = App.useApp();
  const [q, setQ] = useState<UserQuery>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const { data, isFetching } = useUsers(q);
  const { unlock, revokeSessions } = useUserMutations();
  const write = can('user:write');

  const columns: ColumnsType<UserRow> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'name' },
    {
      title: '角色',
      key: 'roles',
      render: (_, u) =>
        u.roles.length ? u.roles.map((r) => <Tag key={`${r.role}@${r.orgId}`}>{`${r.roleLabel} · ${r.orgName}`}</Tag>) : '—',
    },
    { title: '状态', key: 'status', render: (_, u) => status(u) },
    { title: '最近登录', dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '从未登录') },
    {
      title: '操作',
      key: 'ops',
      render: (_, u) => (
        <Space size={0} wrap>
          {write && (
            <Button type="link" size="small" onClick={() => setEditing(u)}>
              编辑
            </Button>
          )}
          {write && (
            <Button type="link" size="small" onClick={() => setResetting(u)}>
              重置口令
            </Button>
          )}
          {write && u.locked && (
            <Button type="link" size="small" onClick={() => unlock.mutateAsync(u.id).then(() => message.success(`已解锁：${u.username}`))}>
              解锁
            </Button>
          )}
          {can('session:manage') && (
            <Popconfirm
              title={`让 ${u.username} 立即下线？`}
              okText="强制下线"
              cancelText="取消"
              onConfirm={() => revokeSessions.mutateAsync(u.id).then(() => message.success(`${u.username} 已下线`))}
            >
              <Button type="link" size="small" danger>
                强制下线
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="账号管理"
      extra={
        write && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建账号
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder="用户名或姓名"
          allowClear
          aria-label="搜索账号"
          onSearch={(v) => setQ({ ...q, q: v.trim() || undefined, page: 1 })}
          style={{ width: 220 }}
        />
        {can('org:read') && (
          <div style={{ width: 260 }}>
            <OrgSelect allowClear placeholder="按任职组织筛选" value={q.orgId} onChange={(orgId) => setQ({ ...q, orgId, page: 1 })} />
          </div>
        )}
      </Space>
      <Table<UserRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 900 }}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: data?.total,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 个账号`,
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
      />
      {editing && (
        <UserFormModal
          user={editing === 'new' ? undefined : editing}
          onClose={(saved) => {
            if (saved) message.success(editing === 'new' ? `已新建账号：${saved.username}` : '已保存');
            setEditing(null);
          }}
        />
      )}
      {resetting && (
        <ResetPasswordModal
          user={resetting}
          onClose={(done) => {
            if (done) message.success(`已重置口令：${resetting.username}`);
            setResetting(null);
          }}
        />
      )}
    </Card>
  );
}
