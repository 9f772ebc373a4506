import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, InputNumber, Popconfirm, Space, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Ledger } from '../../../../../common/meeting.ts';
import { OrgSelect } from '../../../components/org-select.tsx';
import { useCan } from '../../../lib/access.ts';
import { api } from '../../../lib/api.ts';
import { useMe } from '../../../lib/auth.ts';
import { factHref } from '../../../lib/fact-href.ts';
import { factValue, useFacts } from '../../../lib/facts-api.ts';
import { useDownload } from '../../../lib/use-download.ts';
import { type Topic, useTopicMutations, useTopics } from '../api.ts';
import { Supervision } from '../components/supervision.tsx';
import { TopicForm } from '../components/topic-form.tsx';

function Bank() {
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const topics = useTopics();
  const { push } = useTopicMutations();
  const { message } = App.useApp();
  return (
    <>
      {can('topic:write') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
          新增议题
        </Button>
      )}
      <Table<Topic>
        rowKey="id"
        loading={topics.isFetching}
        dataSource={topics.data}
        columns={[
          { title: '议题', dataIndex: 'title' },
          { title: '类别', dataIndex: 'source' },
          { title: '发表日期', dataIndex: 'publishedOn' },
          { title: '发布党委', dataIndex: 'orgName' },
          {
            title: '下发',
            dataIndex: 'pushedAt',
            render: (v: string | null) => (v ? <Tag color="green">{dayjs(v).format('YYYY-MM-DD')} 已下发</Tag> : <Tag>未下发</Tag>),
          },
          {
            title: '操作',
            key: 'ops',
            render: (_, t) =>
              t.canEdit &&
              !t.pushedAt && (
                <Popconfirm
                  title="下发后所有下级党组织都将收到提醒，确定下发？"
                  onConfirm={() =>
                    push.mutateAsync(t.id).then(
                      () => message.success('已下发'),
                      (e: Error) => message.error(e.message),
                    )
                  }
                >
                  <Button type="link" size="small">
                    下发
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <TopicForm open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

function LedgerView() {
  const me = useMe().data;
  const [orgId, setOrgId] = useState<string | undefined>(me?.roles[0]?.orgId);
  const [year, setYear] = useState(dayjs().year());
  const root = orgId ?? me?.roles[0]?.orgId;
  const dl = useDownload();
  const l = useQuery({
    queryKey: ['ledger', root, year],
    queryFn: () => api<Ledger>('/api/first-topic-ledger', { query: { orgId: root, year } }),
    enabled: !!root,
  });
  const facts = useFacts({ orgId: root, year }, !!root);
  const fact = (key: string) => <Link to={factHref(key, { orgId: facts.data?.org.id, year })}>{factValue(facts.data, key) ?? '—'}</Link>;
  // a child org's figure opens the same fact at that org (its records; the ledger's row holds the same value)
  const at = (key: string, orgId: string, v: number | null) => <Link to={factHref(key, { orgId, year })}>{v ?? '—'}</Link>;
  const t = l.data?.total;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <div style={{ width: 280 }}>
          <OrgSelect value={root} onChange={setOrgId} />
        </div>
        <InputNumber aria-label="年度" value={year} onChange={(v) => v && setYear(v)} addonAfter="年" />
        <Button
          loading={dl.busy === 'x'}
          onClick={() => dl.run('x', '/api/first-topic-ledger/export', { orgId: root, year: String(year) })}
        >
          导出Excel
        </Button>
      </Space>
      {t && (
        <div>
          {/* every number is a fact (agenda item 1 only, domain.md §5.2) and opens its records */}
          学习 {fact('meetings.first_topic')} 次，涉及议题 {fact('meetings.first_topic_topics')} 个，平均间隔{' '}
          {fact('meetings.first_topic_lag')} {'天；'}
          落实措施 {fact('meetings.first_topic_follow_ups')} 项，完成 {fact('meetings.first_topic_follow_ups_done')} 项，逾期{' '}
          {fact('meetings.first_topic_follow_ups_overdue')} 项{t.misplaced ? `；另有 ${t.misplaced} 次在非第一议题位置传达，未计入` : ''}
        </div>
      )}
      <Table
        size="small"
        rowKey="orgId"
        title={() => '下级汇总'}
        pagination={false}
        dataSource={l.data?.children}
        columns={[
          { title: '党组织', dataIndex: 'name' },
          { title: '学习次数', dataIndex: 'studies', render: (v: number, c) => at('meetings.first_topic', c.orgId, v) },
          { title: '议题数', dataIndex: 'topics', render: (v: number, c) => at('meetings.first_topic_topics', c.orgId, v) },
          {
            title: '平均间隔（天）',
            dataIndex: 'avgLagDays',
            render: (v: number | null, c) => at('meetings.first_topic_lag', c.orgId, v),
          },
          {
            title: '落实措施（完成/总数）',
            key: 'f',
            render: (_, c) => (
              <>
                {at('meetings.first_topic_follow_ups_done', c.orgId, c.followUpsDone)}/
                {at('meetings.first_topic_follow_ups', c.orgId, c.followUps)}
              </>
            ),
          },
        ]}
      />
      <Table
        size="small"
        rowKey={(r) => `${r.meetingId}-${r.topicTitle}`}
        title={() => '学习台账'}
        dataSource={l.data?.rows}
        columns={[
          { title: '议题', dataIndex: 'topicTitle' },
          { title: '党组织', dataIndex: 'orgName' },
          { title: '会议', dataIndex: 'meetingTypeLabel' },
          {
            title: '议程位置',
            dataIndex: 'position',
            render: (v: number, r) => (r.flag ? <Tag color="red">{`第${v}项（${r.flag}，不计入）`}</Tag> : `第${v}项`),
          },
          { title: '学习日期', dataIndex: 'heldOn' },
          {
            title: '间隔天数',
            dataIndex: 'lagDays',
            render: (v: number, r) => (r.timely ? v : <Tag color="orange">{v}（非第一时间）</Tag>),
          },
          { title: '落实措施', key: 'f', render: (_, r) => (r.followUps ? `${r.followUpsDone}/${r.followUps}` : '—') },
        ]}
      />
      <Table
        size="small"
        rowKey="topicId"
        title={() => '尚未传达的支部'}
        pagination={false}
        dataSource={l.data?.unreached.filter((u) => u.branches > 0)}
        columns={[
          { title: '议题', dataIndex: 'title' },
          { title: '未传达支部数', dataIndex: 'branches' },
          { title: '支部', key: 'o', render: (_, u) => u.orgs.map((o) => o.name).join('、') },
        ]}
      />
    </Space>
  );
}

/** 第一议题: the topic bank (add, push down the tree) and the ledger (台账) with roll-up and Excel export. */
export default function TopicsPage() {
  return (
    <Card title="第一议题">
      <Tabs
        items={[
          { key: 'bank', label: '议题库', children: <Bank /> },
          { key: 'ledger', label: '台账', children: <LedgerView /> },
          { key: 'supervise', label: '落实督办', children: <Supervision /> },
        ]}
      />
    </Card>
  );
}
