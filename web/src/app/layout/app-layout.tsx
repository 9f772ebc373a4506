import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Grid, Layout, Menu, Result, Spin, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { NotificationBell } from '../../components/notification-bell.tsx';
import { isRedirectError } from '../../lib/api.ts';
import { useMe } from '../../lib/auth.ts';
import { NavContext } from '../../lib/feature.ts';
import { MENU_GROUPS, routes } from '../routes.ts';
import { buildMenu, matchRoute } from './menu.ts';
import { UserMenu } from './user-menu.tsx';

const { Header, Sider, Content } = Layout;

/** The signed-in frame: permission-filtered menu, breadcrumb, roles, 站内提醒, user menu, expiry banner. */
export function AppLayout() {
  const { data: me, error, isPending, refetch } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const folded = collapsed ?? phone;

  if (isPending || (error && isRedirectError(error))) return <Spin size="large" fullscreen tip="正在加载…" />;
  if (error || !me)
    return (
      <Result status="error" title="无法连接服务器" subTitle={error?.message} extra={<Button onClick={() => refetch()}>重试</Button>} />
    );

  const route = matchRoute(location.pathname);
  const group = route?.group ? MENU_GROUPS[route.group] : undefined;
  const firstRole = me.roles[0];
  const roleText = firstRole ? `${firstRole.roleLabel} · ${firstRole.orgName}` : '未分配角色';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        collapsible
        trigger={null}
        collapsed={folded}
        collapsedWidth={phone ? 0 : 64}
        width={208}
        theme="dark"
        style={phone ? { position: 'fixed', height: '100vh', zIndex: 20 } : undefined}
      >
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontWeight: 600,
            fontSize: 18,
          }}
        >
          {folded ? '亮' : '亮旗 · 党建平台'}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={route ? [route.path] : []}
          defaultOpenKeys={route?.group ? [`group:${route.group}`] : []}
          items={buildMenu(me)}
          onClick={({ key }) => {
            navigate(key);
            if (phone) setCollapsed(true);
          }}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 12px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Button
            type="text"
            aria-label={folded ? '展开菜单' : '收起菜单'}
            icon={folded ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!folded)}
          />
          <div style={{ flex: 1, minWidth: 0 }}>
            {!phone && (
              <Tooltip title={me.roles.map((r) => `${r.roleLabel} · ${r.orgName}`).join('；')}>
                <Tag color="red">{roleText}</Tag>
                {me.roles.length > 1 && <Typography.Text type="secondary">等 {me.roles.length} 个角色</Typography.Text>}
              </Tooltip>
            )}
          </div>
          <NotificationBell />
          <UserMenu me={me} compact={phone} />
        </Header>
        <div
          role="progressbar"
          aria-label="页面加载中"
          aria-hidden={navigation.state !== 'loading'}
          style={{ height: 2, background: navigation.state === 'loading' ? '#c8102e' : 'transparent', transition: 'background .2s' }}
        />
        <Content style={{ padding: phone ? 8 : 16 }}>
          {me.passwordExpiryWarning && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={me.passwordExpiryWarning}
              action={<Link to={`/password?next=${encodeURIComponent(location.pathname)}`}>立即修改</Link>}
            />
          )}
          <Breadcrumb
            style={{ marginBottom: 12 }}
            items={[
              { title: <Link to="/">亮旗</Link> },
              ...(group ? [{ title: group.title }] : []),
              ...(route && route.path !== '/' ? [{ title: route.title }] : []),
              ...(route?.path === '/' ? [{ title: '工作台' }] : []),
            ]}
          />
          <NavContext.Provider value={routes}>
            <Outlet />
          </NavContext.Provider>
        </Content>
      </Layout>
    </Layout>
  );
}
