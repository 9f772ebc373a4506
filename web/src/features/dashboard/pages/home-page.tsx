import { Card, Col, Row, Typography } from 'antd';
import { useCan } from '../../../lib/access.ts';
import { useMe } from '../../../lib/auth.ts';
import { OrgFigures } from '../components/org-figures.tsx';
import { QuickLinks } from '../components/quick-links.tsx';
import { UnreadReminders } from '../components/unread-reminders.tsx';

/** 工作台: the figures of the caller's scope, unread 站内提醒 and the pages the role may open. */
export default function HomePage() {
  const { data: me } = useMe();
  const can = useCan();
  if (!me) return null;
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        您好，{me.user.name}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {me.roles.length ? me.roles.map((r) => `${r.roleLabel}（${r.orgName}）`).join('、') : '当前账号尚未分配角色，请联系系统管理员。'}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {can('org:read') && (
          <Col span={24}>
            <OrgFigures />
          </Col>
        )}
        <Col xs={24} lg={14}>
          <UnreadReminders />
        </Col>
        <Col xs={24} lg={10}>
          <Card title="常用功能">
            <QuickLinks />
          </Card>
        </Col>
      </Row>
    </>
  );
}
