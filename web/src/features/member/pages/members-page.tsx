import { FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Col, Popconfirm, Row, Skeleton, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { CATEGORY_LABELS, GENDER_LABELS } from '../../../../../common/member.ts';
import { OrgTree } from '../../../components/org-tree.tsx';
import { useCan } from '../../../lib/access.ts';
import { useOrgs } from '../../../lib/org-api.ts';
import { useDownload } from '../../../lib/use-download.ts';
import { lookup, type Member, type MemberFilter, useCorrections, useMemberMutations, useMembers } from '../api.ts';
import { CorrectionsPanel } from '../components/corrections-panel.tsx';
import { ImportModal } from '../components/import-modal.tsx';
import { MemberFilters } from '../components/member-filters.tsx';
import { MemberFormDrawer } from '../components/member-form-drawer.tsx';
import { MemberProfileDrawer } from '../components/member-profile-drawer.tsx';

const exportQuery = (f: MemberFilter) =>
  Object.fromEntries(
    Object.entries(f)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ) as Record<string, string>;

/** 党员管理: org tree on the left; the roster with search, filters and paging; profile, edit, import, export, corrections. */
export default function MembersPage() {
  const { message } = App.useApp();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<MemberFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const { data: orgs = [], isPending: orgsPending } = useOrgs();
  const list = useMembers({ ...filter, ...page });
  const canWrite = can('member:write');
  const corrections = useCorrections(canWrite);
  const { refresh } = useMemberMutations();
  const dl = useDownload();
  const profileId = params.get('id');
  const tab = params.get('tab') === 'requests' ? 'requests' : 'roster';
  const openProfile = (id: string | null) =>
    setParams((p) => {
      if (id) p.set('id', id);
      else p.delete('id');
      return p;
    });
  const applyFilter = (f: MemberFilter) => {
    setFilter(f);
    setPage((p) => ({ ...p, page: 1 }));
  };
  const byId = async (idNumber: string) => {
    try {
      openProfile((await lookup(idNumber)).id);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const roster = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <MemberFilters value={filter} onChange={applyFilter} onIdSearch={byId} />
        <Space wrap>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增党员
            </Button>
          )}
          {can('member:import') && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入
            </Button>
          )}
          {can('member:export') && (
            <Button
              icon={<FileExcelOutlined />}
              loading={dl.busy === 'export'}
              onClick={() => dl.run('export', '/api/members/export', exportQuery(filter), '党员名册.xlsx')}
            >
              导出Excel
            </Button>
          )}
          {can('pii:export') && (
            <Popconfirm
              title="导出含完整公民身份号码和手机号码的名册？"
              description="该操作将记入审计日志，文件请按敏感信息保管，不得外传。"
              okText="导出"
              onConfirm={() =>
                dl.run('export-full', '/api/members/export', { ...exportQuery(filter), unmask: '1' }, '党员名册（完整信息）.xlsx')
              }
            >
              <Button loading={dl.busy === 'export-full'}>导出完整信息</Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
      <Table<Member>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 1000 }}
        onRow={(m) => ({ onClick: () => openProfile(m.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 名党员`,
          onChange: (p, ps) => setPage({ page: ps === page.pageSize ? p : 1, pageSize: ps }),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', fixed: 'left', width: 100 },
          { title: '性别', dataIndex: 'gender', width: 60, render: (g: Member['gender']) => GENDER_LABELS[g] },
          { title: '民族', dataIndex: 'ethnicity', width: 90 },
          { title: '出生日期', dataIndex: 'birthDate', width: 110 },
          { title: '公民身份号码', dataIndex: 'idNumber', width: 180 },
          { title: '手机号码', dataIndex: 'phone', width: 120 },
          { title: '学历', dataIndex: 'education', width: 100 },
          {
            title: '人员类别',
            dataIndex: 'category',
            width: 150,
            render: (c: Member['category'], m) => (
              <Space size={4}>
                <Tag color={c === 'full' ? 'red' : 'orange'}>{CATEGORY_LABELS[c]}</Tag>
                {m.probationDueOn && <span title="预备期届满日期">{m.probationDueOn}</span>}
              </Space>
            ),
          },
          { title: '入党日期', dataIndex: 'joinedOn', width: 110 },
          { title: '所在党组织', dataIndex: 'orgName', ellipsis: true },
          { title: '党内职务', dataIndex: 'position', width: 100 },
        ]}
      />
    </Space>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={7} xl={6}>
        <Card
          title="组织"
          size="small"
          extra={
            filter.orgId && (
              <Button size="small" type="link" onClick={() => applyFilter({ ...filter, orgId: undefined })}>
                全部
              </Button>
            )
          }
        >
          {orgsPending ? (
            <Skeleton active />
          ) : (
            <OrgTree orgs={orgs} query="" selectedId={filter.orgId ?? null} onSelect={(orgId) => applyFilter({ ...filter, orgId })} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={17} xl={18}>
        <Card>
          {canWrite ? (
            <Tabs
              activeKey={tab}
              onChange={(k) =>
                setParams((p) => {
                  if (k === 'requests') p.set('tab', 'requests');
                  else p.delete('tab');
                  return p;
                })
              }
              items={[
                { key: 'roster', label: '党员名册', children: roster },
                {
                  key: 'requests',
                  label: (
                    <Badge count={corrections.data?.length ?? 0} size="small" offset={[8, 0]}>
                      更正申请
                    </Badge>
                  ),
                  children: <CorrectionsPanel />,
                },
              ]}
            />
          ) : (
            roster
          )}
        </Card>
      </Col>
      {profileId && <MemberProfileDrawer id={profileId} onClose={() => openProfile(null)} onEdit={(m) => setEditing(m)} />}
      {editing && (
        <MemberFormDrawer
          member={editing === 'new' ? undefined : editing}
          orgs={orgs}
          defaultOrgId={orgs.find((o) => o.id === filter.orgId && (o.type === 'branch' || o.type === 'group'))?.id}
          onClose={() => setEditing(null)}
          onSaved={(m) => {
            message.success(editing === 'new' ? `已登记：${m.name}` : '已保存');
            setEditing(null);
            openProfile(m.id);
          }}
        />
      )}
      {importing && (
        <ImportModal
          onClose={() => setImporting(false)}
          onImported={() => {
            void refresh();
          }}
        />
      )}
    </Row>
  );
}
