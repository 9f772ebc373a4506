import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred card of the login and password pages (fits a phone screen). */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #c8102e 0%, #8f0b20 45%, #f5f5f5 45%)',
      }}
    >
      <Typography.Title level={2} style={{ color: '#fff', textAlign: 'center', marginBottom: 4 }}>
        亮旗
      </Typography.Title>
      <Typography.Paragraph style={{ color: '#fde2e2', textAlign: 'center' }}>州国资委党建工作平台</Typography.Paragraph>
      <Card title={title} style={{ width: '100%', maxWidth: 400, boxShadow: '0 8px 24px rgba(0,0,0,.12)' }}>
        {children}
      </Card>
    </div>
  );
}
