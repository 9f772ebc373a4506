import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MemberAccount, OneTimePassword } from '../../../../../common/member.ts';
import { useCan } from '../../../lib/access.ts';
import { api } from '../../../lib/api.ts';

type OneTime = OneTimePassword;

const accountKey = (memberId: string) => ['members', memberId, 'account'];

/** 账号: the member's phone-app account, 开通账号 and 重置口令 (member:write); a one-time password is shown once. */
export function MemberAccountSection({ memberId }: { memberId: string }) {
  const { message } = App.useApp();
  const can = useCan();
  const qc = useQueryClient();
  const account = useQuery({
    queryKey: accountKey(memberId),
    queryFn: () => api<MemberAccount | null>(`/api/members/${memberId}/account`),
  });
  const [opening, setOpening] = useState(false);
  const [shown, setShown] = useState<OneTime | null>(null);
  const [form] = Form.useForm<{ username: string }>();
  const done = (r: OneTime) => {
    setShown(r);
    setOpening(false);
    return qc.invalidateQueries({ queryKey: accountKey(memberId) });
  };
  const create = useMutation({
    mutationFn: (body: { username: string }) => api<OneTime>(`/api/members/${memberId}/account`, { method: 'POST', body }),
    onSuccess: done,
    onError: (e) => message.error((e as Error).message),
  });
  const reset = useMutation({
    mutationFn: () => api<OneTime>(`/api/members/${memberId}/account/reset`, { method: 'POST', body: {} }),
    onSuccess: done,
    onError: (e) => message.error((e as Error).message),
  });
  const a = account.data;
  const writable = can('member:write');

  return (
    <div>
      <Typography.Title level={5}>账号</Typography.Title>
      {account.isPending ? null : a ? (
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label="用户名">{a.username}</Descriptions.Item>
          <Descriptions.Item label="状态">{a.disabled ? <Tag>已停用</Tag> : <Tag color="green">正常</Tag>}</Descriptions.Item>
          <Descriptions.Item label="最近登录" span={2}>
            <Space>
              {a.lastLoginAt ? a.lastLoginAt.slice(0, 16).replace('T', ' ') : '从未登录'}
              {writable && (
                <Popconfirm title="重置后该党员须用新的一次性口令登录，现有登录将全部结束。确定重置？" onConfirm={() => reset.mutate()}>
                  <Button size="small" loading={reset.isPending}>
                    重置口令
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Space>
          <Typography.Text type="secondary">尚未开通手机端账号</Typography.Text>
          {writable && (
            <Button size="small" type="primary" onClick={() => setOpening(true)}>
              开通账号
            </Button>
          )}
        </Space>
      )}
      {shown && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          closable
          onClose={() => setShown(null)}
          message={
            <Space direction="vertical" size={4}>
              <span>用户名：{shown.username}</span>
              <span>
                一次性口令：
                <Typography.Text copyable code>
                  {shown.initialPassword}
                </Typography.Text>
              </span>
            </Space>
          }
          description="该口令只显示这一次，关闭后无法再次查看，请当面或通过安全渠道告知本人；首次登录时必须修改口令。"
        />
      )}
      <Modal
        open={opening}
        title="开通党员账号"
        okText="开通"
        confirmLoading={create.isPending}
        onCancel={() => setOpening(false)}
        onOk={() => form.validateFields().then((v) => create.mutate(v))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ username: `m${memberId.replaceAll('-', '').slice(-6)}` }}>
          <Form.Item
            name="username"
            label="用户名"
            extra="党员用此用户名登录手机端（会议签到、指尖课堂）；初始口令由系统随机生成。"
            rules={[
              { required: true, message: '请填写用户名' },
              { min: 2, max: 64, message: '用户名应为 2–64 个字符' },
              { pattern: /^[\p{L}\p{N}._@-]+$/u, message: '用户名只能包含文字、字母、数字和 . _ @ -' },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
