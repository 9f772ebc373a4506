import { Form, Input, Modal } from 'antd';
import { type Org, useOrgMutations } from '../../../lib/org-api.ts';

/** 撤销 with the reason the 党组织 was dissolved (kept on the record). */
export function OrgDissolveModal({ org, onClose, onDone }: { org: Org; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { dissolve } = useOrgMutations();
  const onOk = async () => {
    const { reason } = await form.validateFields();
    await dissolve.mutateAsync({ id: org.id, reason: reason.trim() });
    onDone();
  };
  return (
    <Modal
      open
      title={`撤销 · ${org.name}`}
      okText="确认撤销"
      okButtonProps={{ danger: true }}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={dissolve.isPending}
      destroyOnHidden
    >
      <p>撤销后该组织不再出现在组织树中（勾选“显示已撤销”可查看），历史记录保留。</p>
      <Form form={form} layout="vertical">
        <Form.Item
          label="撤销原因"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请填写撤销原因' },
            { min: 2, message: '撤销原因至少 2 个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
