import { Button, Empty, Space } from 'antd';
import { createElement, useContext } from 'react';
import { useNavigate } from 'react-router';
import { allows } from '../../../lib/access.ts';
import { useMe } from '../../../lib/auth.ts';
import { NavContext } from '../../../lib/feature.ts';

/** One button per page this user's permissions open (from the route table the layout provides). */
export function QuickLinks() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const links = useContext(NavContext).filter((r) => allows(me, r.permission) && r.path !== '/' && !r.hideInMenu);
  if (!links.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无可用功能" />;
  return (
    <Space wrap>
      {links.map((r) => (
        <Button key={r.path} icon={r.icon ? createElement(r.icon) : undefined} onClick={() => navigate(r.path)}>
          {r.title}
        </Button>
      ))}
    </Space>
  );
}
