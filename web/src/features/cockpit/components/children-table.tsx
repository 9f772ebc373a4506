import { Input, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ORG_TYPE_LABELS } from '../../../../../common/access.ts';
import type { CockpitChild } from '../api.ts';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
const num = (k: keyof CockpitChild) => (a: CockpitChild, b: CockpitChild) => Number(a[k] ?? -1) - Number(b[k] ?? -1);

/** One row per direct child org, searchable and sortable; a click drills down, a number opens its records. */
export function ChildrenTable(p: {
  rows: CockpitChild[];
  onPick: (orgId: string) => void;
  hrefOf: (orgId: string) => string;
  /** the records page of fact `key` for the child `orgId` */
  factHrefOf: (key: string, orgId: string) => string;
  loading: boolean;
}) {
  const { rows, onPick, hrefOf, factHrefOf, loading } = p;
  // a number links to its records without drilling down the row
  const fact =
    (key: string, show: (v: number | null) => string | number = (v) => v ?? '—') =>
    (v: number | null, r: CockpitChild) => (
      <Link to={factHrefOf(key, r.org.id)} onClick={(e) => e.stopPropagation()}>
        {show(v)}
      </Link>
    );
  const [q, setQ] = useState('');
  const shown = useMemo(() => rows.filter((r) => r.org.name.includes(q.trim())), [rows, q]);
  const columns: ColumnsType<CockpitChild> = [
    {
      title: '组织名称',
      dataIndex: ['org', 'name'],
      fixed: 'left',
      width: 200,
      render: (v: string, r) => <Link to={hrefOf(r.org.id)}>{v}</Link>,
    },
    { title: '类别', dataIndex: ['org', 'type'], width: 80, render: (v: keyof typeof ORG_TYPE_LABELS) => ORG_TYPE_LABELS[v] },
    { title: '党员', dataIndex: 'members', sorter: num('members'), width: 80, render: fact('members.total') },
    { title: '党支部', dataIndex: 'branches', sorter: num('branches'), width: 80, render: fact('orgs.branch') },
    { title: '会议', dataIndex: 'meetings', sorter: num('meetings'), width: 80, render: fact('meetings.all') },
    { title: '三会一课', dataIndex: 'threeOneMeetings', sorter: num('threeOneMeetings'), width: 96, render: fact('meetings.three_one') },
    { title: '达标率', dataIndex: 'threeOneRate', sorter: num('threeOneRate'), width: 90, render: fact('meetings.three_one_rate', pct) },
    { title: '第一议题', dataIndex: 'firstTopics', sorter: num('firstTopics'), width: 96, render: fact('meetings.first_topic') },
    { title: '学习时长（时）', dataIndex: 'studyHours', sorter: num('studyHours'), width: 120, render: fact('study.hours') },
    {
      title: '人均（时）',
      dataIndex: 'studyHoursPerMember',
      sorter: num('studyHoursPerMember'),
      defaultSortOrder: 'descend',
      width: 100,
      render: fact('study.hours_per_member'),
    },
    { title: '转接中', dataIndex: 'transfersOpen', sorter: num('transfersOpen'), width: 80, render: fact('transfers.open') },
  ];
  return (
    <>
      <Input.Search
        allowClear
        placeholder="按组织名称查找"
        aria-label="按组织名称查找"
        style={{ maxWidth: 280, marginBottom: 12 }}
        onChange={(e) => setQ(e.target.value)}
      />
      <Table<CockpitChild>
        rowKey={(r) => r.org.id}
        size="small"
        loading={loading}
        columns={columns}
        dataSource={shown}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(r) => ({ onClick: () => onPick(r.org.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: '没有下级组织' }}
      />
    </>
  );
}
