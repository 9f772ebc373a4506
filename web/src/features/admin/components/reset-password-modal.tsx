import { Form, Input, Modal } from 'antd';
import { type UserRow, useUserMutations } from '../api.ts';

/** 重置口令: the user must change it at next login; their sessions end. */
export function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: (done?: boolean) => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const { resetPassword } = useUserMutations();
  const onOk = async () => {
    const { password } = await form.validateFields();
    await resetPassword.mutateAsync({ id: user.id, password });
    onClose(true);
  };
  return (
    <Modal
      open
      title={`重置口令 · ${user.username}`}
      okText="重置"
      onOk={onOk}
      onCancel={() => onClose()}
      confirmLoading={resetPassword.isPending}
      destroyOnHidden
    >
      <p>重置后该账号的现有会话立即结束，下次登录须修改口令。</p>
      <Form form={form} layout="vertical">
        <Form.Item label="新的临时口令" name="password" rules={[{ required: true, message: '请填写临时口令' }]}>
          <Input.Password maxLength={1024} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
