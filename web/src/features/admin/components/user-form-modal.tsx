import { Alert, Form, Input, Modal, Switch } from 'antd';
import { useEffect } from 'react';
import { type RoleAt, type UserRow, useUserMutations } from '../api.ts';
import { RoleList } from './role-list.tsx';

type Values = { username: string; name: string; password: string; roles: RoleAt[]; disabled?: boolean };

/** 新建账号 (user undefined) or 编辑账号: name, roles at orgs, 停用. */
export function UserFormModal({ user, onClose }: { user?: UserRow; onClose: (saved?: UserRow) => void }) {
  const [form] = Form.useForm<Values>();
  const { create, update } = useUserMutations();
  useEffect(() => {
    if (user)
      form.setFieldsValue({ name: user.name, disabled: user.disabled, roles: user.roles.map((r) => ({ role: r.role, orgId: r.orgId })) });
    else form.setFieldsValue({ roles: [{} as RoleAt] });
  }, [user, form]);

  const onOk = async () => {
    const v = await form.validateFields();
    const roles = (v.roles ?? []).map((r) => ({ role: r.role, orgId: r.orgId }));
    const saved = user
      ? await update.mutateAsync({ id: user.id, name: v.name.trim(), roles, disabled: Boolean(v.disabled) })
      : await create.mutateAsync({ username: v.username.trim(), name: v.name.trim(), password: v.password, roles });
    onClose(saved);
  };

  return (
    <Modal
      open
      width={640}
      title={user ? `编辑账号 · ${user.username}` : '新建账号'}
      okText="保存"
      onOk={onOk}
      onCancel={() => onClose()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        {!user && (
          <Form.Item
            label="用户名"
            name="username"
            rules={[
              { required: true, whitespace: true, message: '请填写用户名' },
              { min: 2, message: '用户名至少 2 个字符' },
            ]}
          >
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        {!user && (
          <Form.Item
            label="初始口令"
            name="password"
            rules={[{ required: true, message: '请填写初始口令' }]}
            extra="该账号首次登录时须修改口令。"
          >
            <Input.Password maxLength={1024} autoComplete="new-password" />
          </Form.Item>
        )}
        <RoleList />
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          message="角色在所选组织及其全部下级组织内生效。系统管理员、安全管理员、审计管理员（三员）不能兼任其他角色。"
        />
        {user && (
          <Form.Item
            label="停用账号"
            name="disabled"
            valuePropName="checked"
            style={{ marginTop: 12 }}
            extra="停用后该账号立即下线且不能登录。"
          >
            <Switch checkedChildren="停用" unCheckedChildren="启用" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
