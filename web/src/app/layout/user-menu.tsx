import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import { logout, type Me } from '../../lib/auth.ts';

/** The user's name with 修改口令 and 退出登录. */
export function UserMenu({ me, compact }: { me: Me; compact: boolean }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const onClick = async ({ key }: { key: string }) => {
    if (key === 'password') navigate(`/password?next=${encodeURIComponent(window.location.pathname)}`);
    if (key === 'logout') {
      await logout(qc).catch(() => undefined);
      navigate('/login', { replace: true });
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        onClick,
        items: [
          { key: 'password', icon: <KeyOutlined />, label: '修改口令' },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
        ],
      }}
    >
      <Button type="text" icon={<UserOutlined />} aria-label="用户菜单">
        {compact ? null : me.user.name}
      </Button>
    </Dropdown>
  );
}
