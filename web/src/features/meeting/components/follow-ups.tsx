import { App, Button, Card, DatePicker, Form, Input, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { type Meeting, useFollowUps, useMeetingActions } from '../api.ts';

/** 落实措施 of the meeting's 第一议题: measure, owner, deadline; reminded and supervised by the daily job. */
export function FollowUps({ m }: { m: Meeting }) {
  const list = useFollowUps({ meetingId: m.id });
  const { followUp } = useMeetingActions(m.id);
  const [form] = Form.useForm<{ measure: string; ownerName: string; deadline: Dayjs }>();
  const { message } = App.useApp();
  const add = async () => {
    const v = await form.validateFields();
    try {
      await followUp.mutateAsync({ measure: v.measure, ownerName: v.ownerName, deadline: v.deadline.format('YYYY-MM-DD') });
      form.resetFields();
      message.success('已添加落实措施');
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card size="small" title="第一议题落实措施">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={list.data}
        columns={[
          { title: '措施', dataIndex: 'measure' },
          { title: '责任人', dataIndex: 'ownerName' },
          { title: '时限', dataIndex: 'deadline' },
          {
            title: '状态',
            key: 's',
            render: (_, f) =>
              f.status === 'done' ? (
                <Tag color="green">已完成</Tag>
              ) : f.overdue ? (
                <Tag color="red">已逾期</Tag>
              ) : (
                <Tag color="blue">落实中</Tag>
              ),
          },
          { title: '结果', dataIndex: 'result' },
        ]}
      />
      {m.canEdit && m.status !== 'planned' && (
        <Form form={form} layout="inline" style={{ marginTop: 12 }}>
          <Form.Item name="measure" rules={[{ required: true, min: 4, message: '请填写落实措施' }]}>
            <Input aria-label="落实措施" placeholder="落实措施" style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="ownerName" rules={[{ required: true, message: '请填写责任人' }]}>
            <Input aria-label="责任人" placeholder="责任人" />
          </Form.Item>
          <Form.Item name="deadline" rules={[{ required: true, message: '请选择完成时限' }]}>
            <DatePicker aria-label="完成时限" placeholder="完成时限" />
          </Form.Item>
          <Button onClick={add} loading={followUp.isPending}>
            添加措施
          </Button>
        </Form>
      )}
    </Card>
  );
}
