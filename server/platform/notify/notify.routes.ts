import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NoContent } from '../../../common/errors.ts';
import { NotificationIdParams, NotificationList, NotificationListQuery } from '../../../common/notify.ts';
import { anyUser } from '../access/policy.ts';
import { listNotifications, markAllRead, markRead } from './notify.service.ts';

/** 站内提醒: the bell (unread count), the list, mark read. Each user sees only their own. */
export const notifyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/notifications', {
    config: { policy: anyUser() },
    schema: { summary: '我的提醒', querystring: NotificationListQuery, response: { 200: NotificationList } },
    handler: (req) => {
      const { unreadOnly, page, pageSize } = req.query;
      return listNotifications(req.ctx, { unreadOnly: unreadOnly === '1' || unreadOnly === 'true', page, pageSize });
    },
  });

  app.post('/api/notifications/read-all', {
    config: { policy: anyUser() },
    schema: { summary: '全部标为已读', response: { 204: NoContent } },
    handler: async (req, reply) => {
      await markAllRead(req.ctx);
      return reply.code(204).send();
    },
  });

  app.post('/api/notifications/:id/read', {
    config: { policy: anyUser() },
    schema: { summary: '标为已读', params: NotificationIdParams, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await markRead(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  });
};
