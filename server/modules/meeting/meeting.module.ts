import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarRoutes } from './calendar.routes.ts';
import { ledgerRoutes } from './ledger.routes.ts';
import { meetingRoutes } from './meeting.routes.ts';
import { signinRoutes } from './signin.routes.ts';
import { topicRoutes } from './topic.routes.ts';

/** Every route of organisational life and the 第一议题 system. */
export const meetingModule: FastifyPluginAsyncZod = async (app) => {
  for (const r of [meetingRoutes, topicRoutes, ledgerRoutes, calendarRoutes, signinRoutes]) await app.register(r);
};
