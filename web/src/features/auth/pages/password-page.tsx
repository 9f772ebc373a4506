import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, hasCsrfToken } from '../../../lib/api.ts';
import { changePassword, fetchMe, type LoginResult, ME_KEY } from '../../../lib/auth.ts';
import { AuthCard } from '../components/auth-card.tsx';
import { LOGIN_KEY, safeNext } from '../next.ts';
import { fetchPasswordRules, PASSWORD_RULES_KEY, passwordChecklist } from '../password-rules.ts';

type Values = { oldPassword: string; newPassword: string; confirm: string };

/** 修改口令: forced at first login / after a reset / on expiry, or voluntary from the user menu. */
export default function PasswordPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  const loginResult = qc.getQueryData<LoginResult>(LOGIN_KEY);
  const meQuery = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, retry: false, meta: { silent: true } });
  const pending = meQuery.error instanceof ApiError && meQuery.error.code === 'PASSWORD_CHANGE_REQUIRED';
  const forced = params.get('forced') === '1' || pending;
  const username = meQuery.data?.user.username ?? loginResult?.user.username ?? null;
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const confirm = Form.useWatch('confirm', form) ?? '';
  const rulesQuery = useQuery({ queryKey: PASSWORD_RULES_KEY, queryFn: fetchPasswordRules, staleTime: 0 });
  const checks = passwordChecklist(newPassword, confirm, username, rulesQuery.data ?? null);
  const relogin = `/login?next=${encodeURIComponent(next)}`;

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(v.oldPassword, v.newPassword);
      message.success('口令已修改');
      await qc.invalidateQueries({ queryKey: ME_KEY });
      if (next.startsWith('/m')) window.location.assign(next);
      else navigate(next, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CSRF') navigate(relogin, { replace: true });
      setError(e instanceof ApiError ? e.message : '无法连接服务器，请检查网络后重试');
    } finally {
      setBusy(false);
    }
  };

  // After a reload the pending session cannot read /api/auth/me, so its CSRF token is gone: log in again.
  if (pending && !hasCsrfToken())
    return (
      <AuthCard title="修改口令">
        <Alert type="warning" showIcon message="页面已刷新，为了安全请重新登录后修改口令。" style={{ marginBottom: 16 }} />
        <Button type="primary" block onClick={() => navigate(relogin, { replace: true })}>
          重新登录
        </Button>
      </AuthCard>
    );

  return (
    <AuthCard title="修改口令">
      {forced && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="首次登录、口令被重置或已过期时，须先修改口令才能继续使用。" />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        {/* lets password managers file the new password under the right account */}
        <input type="text" name="username" autoComplete="username" value={username ?? ''} readOnly hidden />
        <Form.Item label="原口令" name="oldPassword" rules={[{ required: true, message: '请输入原口令' }]}>
          <Input.Password autoComplete="current-password" maxLength={1024} />
        </Form.Item>
        <Form.Item
          label="新口令"
          name="newPassword"
          rules={[
            { required: true, message: '请输入新口令' },
            {
              validator: async () =>
                checks.slice(0, -1).every((c) => c.ok) ? undefined : Promise.reject(new Error('新口令不符合下列要求')),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={1024} />
        </Form.Item>
        <Form.Item
          label="确认新口令"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新口令' },
            ({ getFieldValue }) => ({
              validator: async (_r, value) =>
                value === getFieldValue('newPassword') ? undefined : Promise.reject(new Error('两次输入的新口令不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={1024} />
        </Form.Item>
        <ul aria-label="口令要求" style={{ listStyle: 'none', padding: 0, margin: '0 0 16px' }}>
          {checks.map((c) => (
            <li key={c.label}>
              <Space size={6}>
                {c.ok ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <CloseCircleOutlined style={{ color: '#bfbfbf' }} />}
                <Typography.Text type={c.ok ? undefined : 'secondary'}>{c.label}</Typography.Text>
              </Space>
            </li>
          ))}
          <li>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              另外：不能与最近 {rulesQuery.data?.historyCount ?? '几'} 次使用过的口令相同，不能是常见口令；可以粘贴长口令。
            </Typography.Text>
          </li>
        </ul>
        <Space style={{ width: '100%' }} direction="vertical">
          <Button type="primary" htmlType="submit" block loading={busy}>
            确认修改
          </Button>
          {!forced && (
            <Button block onClick={() => navigate(next)}>
              返回
            </Button>
          )}
        </Space>
      </Form>
    </AuthCard>
  );
}
