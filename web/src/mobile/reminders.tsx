import { useState } from 'react';
import { api } from '../lib/api.ts';
import type { NotificationPage } from '../lib/notify-api.ts';
import { useApi } from './use-api.ts';

/** Unread 站内提醒 with 标为已读. */
export function Reminders() {
  const list = useApi<NotificationPage>('/api/notifications?unreadOnly=1&page=1&pageSize=20');
  const [busy, setBusy] = useState(false);
  const read = async (id?: string) => {
    setBusy(true);
    try {
      await api(id ? `/api/notifications/${id}/read` : '/api/notifications/read-all', { method: 'POST' });
      list.reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="m-card" aria-label="未读提醒">
      <div className="m-card-title">
        <span>未读提醒{list.data ? `（${list.data.unread}）` : ''}</span>
        {list.data?.unread ? (
          <button type="button" className="m-link" disabled={busy} onClick={() => read()}>
            全部已读
          </button>
        ) : null}
      </div>
      {list.loading && <p className="m-muted">正在加载…</p>}
      {list.error && <p className="m-muted">{list.error}</p>}
      {list.data && !list.data.items.length && <p className="m-muted">没有未读提醒</p>}
      <ul className="m-list">
        {list.data?.items.map((n) => (
          <li key={n.id}>
            <div className="m-item-title">{n.title}</div>
            {n.body && <div className="m-muted">{n.body}</div>}
            <div className="m-item-foot">
              <span className="m-muted">{n.createdAt.slice(0, 16).replace('T', ' ')}</span>
              <button type="button" className="m-link" disabled={busy} onClick={() => read(n.id)}>
                标为已读
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
