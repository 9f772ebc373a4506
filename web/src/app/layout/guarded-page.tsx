import { Button, Result } from 'antd';
import type { ComponentType } from 'react';
import { useNavigate } from 'react-router';
import { allows } from '../../lib/access.ts';
import { useMe } from '../../lib/auth.ts';
import type { AppRoute } from '../../lib/feature.ts';

/** Renders a page only when the user holds its permission (the server refuses the data anyway). */
export function GuardedPage({ route, page: Page }: { route: AppRoute; page: ComponentType }) {
  const { data: me } = useMe();
  const navigate = useNavigate();
  if (!allows(me, route.permission))
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle={`您的角色没有“${route.title}”的权限，如需使用请联系系统管理员分配角色。`}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            返回工作台
          </Button>
        }
      />
    );
  return <Page />;
}
