import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPage } from '../../../common/notify.ts';
import { api } from './api.ts';

export type { Notification, NotificationPage } from '../../../common/notify.ts';

const KEY = ['notifications'] as const;

/** 站内提醒 of the caller; polled every minute for the bell. */
export function useNotifications(opts: { unreadOnly?: boolean; pageSize?: number } = {}) {
  return useQuery({
    queryKey: [...KEY, opts],
    queryFn: () =>
      api<NotificationPage>('/api/notifications', {
        query: { unreadOnly: opts.unreadOnly ? 1 : undefined, page: 1, pageSize: opts.pageSize ?? 10 },
      }),
    refetchInterval: 60_000,
    meta: { silent: true },
  });
}

/** Marks one reminder (or, without id, all) as read. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id?: string) => api(id ? `/api/notifications/${id}/read` : '/api/notifications/read-all', { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
