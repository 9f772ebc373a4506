import { useEffect, useState } from 'react';
import type { MyMeeting, SigninResult } from '../../../common/meeting.ts';
import { ApiError, api, setCsrfToken } from '../lib/api.ts';
import { useApi } from './use-api.ts';

type Upcoming = MyMeeting;

const when = (s: string, e: string) =>
  `${s.slice(0, 10)} ${new Date(s).toTimeString().slice(0, 5)}—${new Date(e).toTimeString().slice(0, 5)}`;

/** The sign-in token of a scanned code (/m/signin?t=…), if the page was opened from one. */
function scannedToken(): string | null {
  return window.location.pathname.startsWith('/m/signin') ? new URLSearchParams(window.location.search).get('t') : null;
}

/** 近期会议 of the member's branch, and QR sign-in: opening the scanned link signs in once, in the meeting window. */
export function MyMeetings({ csrfToken }: { csrfToken: string | null }) {
  const ready = !!csrfToken;
  const list = useApi<Upcoming[]>(ready ? '/api/m/meetings' : null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const token = scannedToken();
  // biome-ignore lint/correctness/useExhaustiveDependencies: sign in once when the page opens from a scanned code
  useEffect(() => {
    if (!csrfToken || !token) return;
    setCsrfToken(csrfToken); // the parent sets it in its own effect, which runs after this one
    api<SigninResult>('/api/m/signin', { method: 'POST', body: { token } }).then(
      (r) => {
        setResult({ ok: true, text: `签到成功：${r.title}` });
        list.reload();
      },
      (e: unknown) => setResult({ ok: false, text: e instanceof ApiError ? e.message : '签到失败，请稍后重试' }),
    );
    window.history.replaceState(null, '', '/m');
  }, [csrfToken, token]);
  return (
    <section className="m-card" aria-label="近期会议">
      <div className="m-card-title">
        <span>近期会议</span>
      </div>
      {result && (
        <p role="status" className={result.ok ? 'm-block' : 'm-warn'}>
          {result.text}
        </p>
      )}
      {list.loading && ready && <p className="m-muted">正在加载…</p>}
      {list.error && <p className="m-muted">{list.error}</p>}
      {list.data && !list.data.length && <p className="m-muted">近期没有需要参加的会议</p>}
      <ul className="m-list">
        {list.data?.map((m) => (
          <li key={m.id}>
            <div className="m-item-title">
              {m.typeLabel}：{m.title}
            </div>
            <div className="m-muted">{when(m.startsAt, m.endsAt)}</div>
            <div className="m-muted">
              {m.place} · 主持人 {m.host}
            </div>
            <div className="m-item-foot">
              <span className="m-muted">{m.orgName}</span>
              <span>{m.signedIn ? '已签到' : '到会后扫描会场二维码签到'}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
