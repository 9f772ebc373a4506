import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type Committee, useCommitteeMutations } from '../api.ts';

type Values = { postponedTo: Dayjs; reason: string; approvedBy: string; approvedOn: Dayjs; docNo?: string };

/** 延期换届: needs the higher organisation's approval; at most 1 year after the original end (the server checks). */
export function PostponeModal({ c, onClose }: { c: Committee; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { postpone } = useCommitteeMutations();
  const onOk = async () => {
    const v = await form.validateFields();
    const res = await postpone.mutateAsync({
      id: c.id,
      postponedTo: v.postponedTo.format('YYYY-MM-DD'),
      reason: v.reason,
      approvedBy: v.approvedBy,
      approvedOn: v.approvedOn.format('YYYY-MM-DD'),
      docNo: v.docNo || null,
    });
    message.success(`已登记延期，届满日期改为 ${res.endsOn}`);
    onClose();
  };
  return (
    <Modal
      open
      title={`延期换届 · ${c.orgName}`}
      okText="保存"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={postpone.isPending}
      destroyOnHidden
    >
      <p>
        本届选举于 {c.electedOn}，原定 {c.termEndsOn} 届满。延期须经上级党组织批准，一般不超过 1 年。
      </p>
      <Form form={form} layout="vertical" initialValues={{ postponedTo: dayjs(c.termEndsOn).add(6, 'month') }}>
        <Form.Item label="延期至" name="postponedTo" rules={[{ required: true, message: '请选择延期后的届满日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="延期原因" name="reason" rules={[{ required: true, message: '请写明延期原因' }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item label="批准机关" name="approvedBy" rules={[{ required: true, message: '请填写批准机关' }]}>
          <Input maxLength={60} placeholder="如：州国资委党委" />
        </Form.Item>
        <Form.Item label="批准日期" name="approvedOn" rules={[{ required: true, message: '请选择批准日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="批复文号" name="docNo">
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
