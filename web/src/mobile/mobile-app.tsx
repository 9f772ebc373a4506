import { useEffect } from 'react';
import type { MyProfile } from '../../../common/member.ts';
import { api, setCsrfToken } from '../lib/api.ts';
import type { Me } from '../lib/auth.ts';
import { MyMeetings } from './meetings.tsx';
import { Reminders } from './reminders.tsx';
import { useApi } from './use-api.ts';

type SelfProfile = MyProfile;

/** The member's own place in the org: the member record's org, else the org of the member role or the first role. */
function branchOf(me: Me, self: SelfProfile | null): string {
  if (self) return self.member.orgName;
  const role = me.roles.find((r) => r.role === 'member') ?? me.roles.find((r) => r.role === 'branch_secretary') ?? me.roles[0];
  return role?.orgName ?? '未分配组织';
}

/** 党员之家 (/m): the member's name and branch, and unread 站内提醒. Later issues add study here. */
export function MobileApp() {
  const me = useApi<Me>('/api/auth/me');
  const isMember = Boolean(me.data?.user.memberId && me.data.permissions.includes('self:read'));
  const self = useApi<SelfProfile>(isMember ? '/api/me/member' : null);
  useEffect(() => {
    if (me.data) setCsrfToken(me.data.csrfToken);
  }, [me.data]);

  const logout = async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(null);
    window.location.assign('/login?next=/m');
  };

  return (
    <div className="m-page">
      <header className="m-header">
        <span className="m-brand">亮旗 · 党员之家</span>
        {me.data && (
          <button type="button" className="m-link" onClick={logout}>
            退出登录
          </button>
        )}
      </header>
      {me.loading && <p className="m-muted m-center">正在加载…</p>}
      {me.error && (
        <div className="m-card m-error" role="alert">
          {me.error}
          <button type="button" className="m-button" onClick={me.reload}>
            重试
          </button>
        </div>
      )}
      {me.data && (
        <>
          <section className="m-card m-hero" aria-label="本人信息">
            <div className="m-name">{me.data.user.name}</div>
            <div className="m-branch">{branchOf(me.data, self.data)}</div>
            {me.data.passwordExpiryWarning && <div className="m-warn">{me.data.passwordExpiryWarning}</div>}
          </section>
          <a className="m-card m-hero" style={{ display: 'block', textDecoration: 'none', fontWeight: 600 }} href="/m/study">
            指尖课堂：学习资料、测试、班组课堂、我的学时 ›
          </a>
          <MyMeetings csrfToken={me.data.csrfToken} />
          <Reminders />
          <p className="m-center">
            <a className="m-link" href="/m/profile">
              我的档案
            </a>
          </p>
          <p className="m-center">
            <a className="m-link" href="/password?next=/m">
              修改口令
            </a>
          </p>
        </>
      )}
    </div>
  );
}
