// 站内提醒 /api/notifications: the API contract shared by the server routes and the web client.
import { named } from './named.ts';
import { z } from './zod-locale.ts';

export const NotificationListQuery = z.object({
  unreadOnly: z.enum(['0', '1', 'true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const NotificationOut = z.object({
  id: z.string(),
  kind: z.string(),
  level: z.enum(['info', 'warning', 'urgent']),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const NotificationList = z.object({ items: z.array(NotificationOut), total: z.number(), unread: z.number() });

export const NotificationIdParams = z.object({ id: z.string().uuid('编号格式不正确') });

named('notify', {
  NotificationList,
});

export type Notification = z.infer<typeof NotificationOut>;
export type NotificationPage = z.infer<typeof NotificationList>;
