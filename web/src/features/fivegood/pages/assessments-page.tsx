import { Card, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AssessmentStatus } from '../../../../../common/fivegood.ts';
import { type AssessmentRow, useAssessments } from '../api.ts';
import { CampaignSelect } from '../components/campaign-select.tsx';
import { GradeTag } from '../components/grade-tag.tsx';

/** 自评与审核: the branches of a campaign in the caller's scope, where each stands, to-do first. */
export default function AssessmentsPage() {
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaignId') ?? undefined;
  const [status, setStatus] = useState<AssessmentStatus | 'all'>('all');
  const { data = [], isFetching } = useAssessments(campaignId, status === 'all' ? undefined : status);
  return (
    <Card title="支部自评与审核">
      <Space wrap style={{ marginBottom: 16 }}>
        <CampaignSelect value={campaignId} onChange={(id) => setParams({ campaignId: id }, { replace: true })} />
        <Segmented
          aria-label="环节"
          value={status}
          onChange={(v) => setStatus(v as AssessmentStatus | 'all')}
          options={[
            { label: '全部', value: 'all' },
            { label: '自评中', value: 'draft' },
            { label: '退回修改', value: 'returned' },
            { label: '待企业考评', value: 'submitted' },
            { label: '待国资委审定', value: 'forwarded' },
            { label: '已审定', value: 'confirmed' },
          ]}
        />
      </Space>
      <Table<AssessmentRow>
        rowKey="id"
        loading={isFetching}
        dataSource={data}
        locale={{ emptyText: '没有参评支部' }}
        columns={[
          { title: '党支部', dataIndex: 'orgName', render: (v, r) => <Link to={`/fivegood/assessments/${r.id}`}>{v}</Link> },
          { title: '上级党组织', dataIndex: 'parentName' },
          {
            title: '当前环节',
            dataIndex: 'statusLabel',
            render: (v, r) =>
              r.status === 'ineligible' ? (
                <Tag title={r.ineligibleReason ?? ''}>{v}</Tag>
              ) : (
                <Tag color={r.status === 'returned' ? 'orange' : 'blue'}>{v}</Tag>
              ),
          },
          { title: '本环节截止', dataIndex: 'deadline', render: (v, r) => (r.overdue ? <Tag color="red">{v} 已逾期</Tag> : v) },
          { title: '建议等次', dataIndex: 'proposedGrade', render: (g) => <GradeTag grade={g} /> },
          { title: '审定等次', dataIndex: 'grade', render: (g) => <GradeTag grade={g} /> },
          { title: '总分', dataIndex: 'total' },
        ]}
      />
    </Card>
  );
}
