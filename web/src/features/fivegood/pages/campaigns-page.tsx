import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus, CAMPAIGN_STATUS_LABELS } from '../../../../../common/fivegood.ts';
import { useCan } from '../../../lib/access.ts';
import { type Campaign, useCampaigns, useFivegoodMutations } from '../api.ts';
import { LaunchModal } from '../components/launch-modal.tsx';

/** 创建活动 with 公示与命名: launch the year's campaign, publish the notice when all are confirmed, name when it ends. */
export default function CampaignsPage() {
  const can = useCan();
  const manage = can('fivegood:manage');
  const { message } = App.useApp();
  const { data = [], isFetching } = useCampaigns();
  const mut = useFivegoodMutations();
  const [launching, setLaunching] = useState(false);
  const [publishing, setPublishing] = useState<Campaign | null>(null);
  const [from, setFrom] = useState<Dayjs | null>(dayjs());
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      message.success(ok);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card
      title="创建活动与公示命名"
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setLaunching(true)}>
            部署年度创建
          </Button>
        )
      }
    >
      <Table<Campaign>
        rowKey="id"
        loading={isFetching}
        dataSource={data}
        locale={{ emptyText: '尚未部署创建活动' }}
        scroll={{ x: 1000 }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '活动', dataIndex: 'name', render: (v, c) => <Link to={`/fivegood/assessments?campaignId=${c.id}`}>{v}</Link> },
          { title: '细则版本', dataIndex: 'rubricVersion', render: (v) => `第${v}版` },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: Campaign['status']) => <Tag color={s === 'named' ? 'green' : 'blue'}>{CAMPAIGN_STATUS_LABELS[s]}</Tag>,
          },
          {
            title: '各环节支部数',
            dataIndex: 'byStatus',
            render: (b: Record<string, number>) =>
              Object.entries(b).map(([k, n]) => <Tag key={k}>{`${ASSESSMENT_STATUS_LABELS[k as AssessmentStatus]} ${n}`}</Tag>),
          },
          { title: '公示期', render: (_, c) => (c.publicityFrom ? `${c.publicityFrom} 至 ${c.publicityTo}` : '') },
          {
            title: '操作',
            render: (_, c) =>
              manage && (
                <Space>
                  {c.status === 'open' && (
                    <Button size="small" onClick={() => setPublishing(c)}>
                      发布公示
                    </Button>
                  )}
                  {c.status === 'publicizing' && (
                    <Popconfirm
                      title="公示期满且异议均已处理，命名？"
                      onConfirm={() => act(() => mut.name.mutateAsync(c.id), '已命名，牌匾登记与整改台账已生成')}
                    >
                      <Button size="small" type="primary">
                        命名
                      </Button>
                    </Popconfirm>
                  )}
                  <Link to={`/fivegood/board?campaignId=${c.id}`}>看板</Link>
                </Space>
              ),
          },
        ]}
      />
      <LaunchModal open={launching} onClose={() => setLaunching(false)} />
      <Modal
        title="发布公示"
        open={!!publishing}
        onCancel={() => setPublishing(null)}
        okButtonProps={{ disabled: !from }}
        onOk={() =>
          publishing &&
          from &&
          act(async () => {
            await mut.publicize.mutateAsync({ id: publishing.id, from: from.format('YYYY-MM-DD') });
            setPublishing(null);
          }, '已发布公示')
        }
      >
        <p>所有参评支部均已审定后发布公示；公示期按评分细则（或规则表）的工作日数计算，期满且异议处理完毕后方可命名。</p>
        <DatePicker aria-label="公示开始日期" value={from} onChange={setFrom} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Modal>
    </Card>
  );
}
