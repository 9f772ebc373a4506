import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { TOPIC_SOURCES } from '../../../../../common/meeting.ts';
import { OrgSelect } from '../../../components/org-select.tsx';
import { useTopicMutations } from '../api.ts';

/** 新增议题: title, source, the date of the speech or instruction (lag days count from it), material. */
export function TopicForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ orgId: string; title: string; source: string; publishedOn: Dayjs; material?: string }>();
  const { create } = useTopicMutations();
  const { message } = App.useApp();
  const ok = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({ ...v, publishedOn: v.publishedOn.format('YYYY-MM-DD') });
      message.success('议题已加入议题库');
      form.resetFields();
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal title="新增第一议题" open={open} onCancel={onClose} onOk={ok} confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="orgId" label="议题库所属党委" rules={[{ required: true, message: '请选择党委' }]}>
          <OrgSelect />
        </Form.Item>
        <Form.Item name="title" label="议题" rules={[{ required: true, min: 4, message: '议题标题至少 4 个字' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="source" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={TOPIC_SOURCES.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="publishedOn" label="讲话或指示发表日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="material" label="学习材料">
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
