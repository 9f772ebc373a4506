import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api.ts';
import { login } from '../../../lib/auth.ts';
import { AuthCard } from '../components/auth-card.tsx';
import { LOGIN_KEY, safeNext } from '../next.ts';

type Values = { username: string; password: string };

/** 登录: shows the server's own message for wrong credentials (401), a locked account (423) and throttling (429). */
export default function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const r = await login(v.username.trim(), v.password);
      qc.clear();
      qc.setQueryData(LOGIN_KEY, r);
      if (r.mustChangePassword) navigate(`/password?forced=1&next=${encodeURIComponent(next)}`, { replace: true });
      else if (next.startsWith('/m')) window.location.assign(next);
      else navigate(next, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '无法连接服务器，请检查网络后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title="账号登录">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      {!error && params.get('next') && (
        <Alert type="info" showIcon message="尚未登录或登录已超时，请登录后继续。" style={{ marginBottom: 16 }} />
      )}
      <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
        <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
        </Form.Item>
        <Form.Item label="口令" name="password" rules={[{ required: true, message: '请输入口令' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={1024} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
    </AuthCard>
  );
}
