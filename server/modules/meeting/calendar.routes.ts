import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MeetingCalendarOut, MeetingHeatmapOut, OrgYearQuery } from '../../../common/meeting.ts';
import { can } from '../../platform/access/policy.ts';
import { calendarHeatmap, orgCalendar } from './calendar.service.ts';

const target = { policy: can('meeting:read', { in: 'query', field: 'orgId', resource: 'org' }) };

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/meeting-calendar', {
    config: target,
    schema: {
      summary: '组织生活合规日历（单个组织）',
      querystring: OrgYearQuery,
      response: {
        200: MeetingCalendarOut,
      },
    },
    handler: (req) => orgCalendar(req.ctx, req.query.orgId, req.query.year),
  });
  app.get('/api/meeting-calendar/heatmap', {
    config: target,
    schema: {
      summary: '下级组织合规热力图与缺项清单',
      querystring: OrgYearQuery,
      response: {
        200: MeetingHeatmapOut,
      },
    },
    handler: (req) => calendarHeatmap(req.ctx, req.query.orgId, req.query.year),
  });
};
