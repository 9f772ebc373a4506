import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { OrgSelect } from '../../../components/org-select.tsx';
import { useCan } from '../../../lib/access.ts';
import { useDownload } from '../../../lib/use-download.ts';
import { type Rating, type Rectification, useFivegoodMutations, useRatings, useRectifications, useRubrics } from '../api.ts';
import { GradeTag } from '../components/grade-tag.tsx';
import { ReasonButton } from '../components/reason-button.tsx';

const CHANGE = { new: ['首次', 'default'], up: ['升级', 'green'], down: ['降级', 'red'], same: ['持平', 'default'] } as const;

/** 动态管理: rating history with promotion/demotion, the plaque register (certificates, 摘牌), veto events and 整改台账. */
export default function DynamicPage() {
  const can = useCan();
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<string | undefined>();
  const ratings = useRatings({ orgId });
  const plaques = useRatings({ orgId, plaques: true });
  const rect = useRectifications({ orgId });
  const mut = useFivegoodMutations();
  const dl = useDownload();
  const [vetoOpen, setVetoOpen] = useState(false);
  const [rectOpen, setRectOpen] = useState(false);
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      message.success(ok);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const ratingCols = [
    { title: '党支部', dataIndex: 'orgName' },
    { title: '年度', dataIndex: 'year', width: 70 },
    { title: '等次', dataIndex: 'grade', render: (g: number, r: Rating) => <GradeTag grade={g} label={r.label} /> },
    { title: '变化', dataIndex: 'change', render: (c: Rating['change']) => <Tag color={CHANGE[c][1]}>{CHANGE[c][0]}</Tag> },
    { title: '依据', dataIndex: 'reason' },
  ];
  return (
    <Card
      title="动态管理与整改台账"
      extra={
        <Space>
          <div style={{ width: 260 }}>
            <OrgSelect allowClear placeholder="全部（管理范围内）" value={orgId} onChange={setOrgId} />
          </div>
          {can('fivegood:review') && <Button onClick={() => setRectOpen(true)}>新增整改事项</Button>}
          {can('fivegood:manage') && (
            <Button danger onClick={() => setVetoOpen(true)}>
              认定否决事项
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        items={[
          {
            key: 'history',
            label: '评定与升降级记录',
            children: (
              <Table<Rating> rowKey="id" size="small" loading={ratings.isFetching} dataSource={ratings.data ?? []} columns={ratingCols} />
            ),
          },
          {
            key: 'plaques',
            label: '命名与牌匾登记',
            children: (
              <Table<Rating>
                rowKey="id"
                size="small"
                dataSource={plaques.data ?? []}
                columns={[
                  { title: '牌匾编号', dataIndex: 'plaqueNo' },
                  ...ratingCols.slice(0, 3),
                  {
                    title: '状态',
                    render: (_, r) =>
                      r.plaqueStatus === 'revoked' ? (
                        <Tag color="red" title={r.revokedReason ?? ''}>{`已摘牌（${r.revokedOn}）`}</Tag>
                      ) : (
                        <Tag color="green">在牌</Tag>
                      ),
                  },
                  { title: '摘牌原因', dataIndex: 'revokedReason' },
                  {
                    title: '证书',
                    render: (_, r) =>
                      r.plaqueStatus === 'active' && (
                        <Button
                          size="small"
                          loading={dl.busy === r.id}
                          onClick={() => dl.run(r.id, `/api/fivegood/ratings/${r.id}/certificate`)}
                        >
                          下载证书
                        </Button>
                      ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'rect',
            label: '整改台账',
            children: (
              <Table<Rectification>
                rowKey="id"
                size="small"
                dataSource={rect.data ?? []}
                columns={[
                  { title: '党支部', dataIndex: 'orgName' },
                  { title: '整改事项', dataIndex: 'item' },
                  { title: '责任人', dataIndex: 'owner' },
                  { title: '期限', dataIndex: 'deadline', render: (v, r) => (r.overdue ? <Tag color="red">{v} 逾期</Tag> : v) },
                  {
                    title: '状态',
                    dataIndex: 'status',
                    render: (s, r) =>
                      s === 'closed' ? (
                        <Tag color="green" title={r.closeNote ?? ''}>
                          已销号
                        </Tag>
                      ) : (
                        <Tag color="orange">整改中</Tag>
                      ),
                  },
                  {
                    title: '操作',
                    render: (_, r) =>
                      r.status === 'open' && (
                        <ReasonButton
                          title="整改销号"
                          label="销号"
                          onOk={(note) => act(() => mut.closeRect.mutateAsync({ id: r.id, note }), '已销号')}
                        />
                      ),
                  },
                ]}
              />
            ),
          },
        ]}
      />
      <VetoModal open={vetoOpen} onClose={() => setVetoOpen(false)} />
      <RectModal open={rectOpen} onClose={() => setRectOpen(false)} />
    </Card>
  );
}

function VetoModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { data: rubrics = [] } = useRubrics();
  const mut = useFivegoodMutations();
  const conditions = rubrics[0]?.content.veto.conditions ?? [];
  return (
    <Modal
      title="认定否决事项（即时降级、摘牌）"
      open={open}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        try {
          const r = (await mut.veto.mutateAsync({ ...v, occurredOn: (v.occurredOn as Dayjs).format('YYYY-MM-DD') })) as {
            demoted: boolean;
          };
          message.success(r.demoted ? '已即时降级并摘牌，整改事项已建立' : '已记录，整改事项已建立');
          onClose();
        } catch (e) {
          message.error((e as Error).message);
        }
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="orgId" label="党支部" rules={[{ required: true, message: '请选择党支部' }]}>
          <OrgSelect />
        </Form.Item>
        <Form.Item name="conditionKey" label="否决项" rules={[{ required: true, message: '请选择否决项' }]}>
          <Select options={conditions.map((c) => ({ value: c.key, label: c.text }))} />
        </Form.Item>
        <Form.Item name="occurredOn" label="发生日期" rules={[{ required: true, message: '请选择发生日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reason" label="事实与依据" rules={[{ required: true, min: 2, message: '请写明否决事项的事实' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RectModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const mut = useFivegoodMutations();
  return (
    <Modal
      title="新增整改事项"
      open={open}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await mut.addRect.mutateAsync({ ...v, deadline: (v.deadline as Dayjs).format('YYYY-MM-DD') });
          message.success('整改事项已建立');
          onClose();
        } catch (e) {
          message.error((e as Error).message);
        }
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ owner: '支部书记' }}>
        <Form.Item name="orgId" label="党支部" rules={[{ required: true, message: '请选择党支部' }]}>
          <OrgSelect />
        </Form.Item>
        <Form.Item name="item" label="整改事项" rules={[{ required: true, min: 2, message: '请填写整改事项' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="owner" label="责任人" rules={[{ required: true, message: '请填写责任人' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="deadline" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
