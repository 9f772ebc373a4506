import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../../common/zod-locale.ts';
import { can } from '../../platform/access/policy.ts';
import { calendarHeatmap, orgCalendar } from './calendar.service.ts';

const tags = ['组织生活'];
const Query = z.object({ orgId: z.string().uuid('请选择党组织'), year: z.coerce.number().int().min(2000).max(2100) });
const Status = z.enum(['green', 'yellow', 'red', 'grey']);
const target = { policy: can('meeting:read', { in: 'query', field: 'orgId', resource: 'org' }) };

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/meeting-calendar', {
    config: target,
    schema: {
      tags,
      summary: '组织生活合规日历（单个组织）',
      querystring: Query,
      response: {
        200: z.object({
          orgId: z.string(),
          orgName: z.string(),
          year: z.number(),
          months: z.array(Status),
          rows: z.array(
            z.object({
              key: z.string(),
              label: z.string(),
              per: z.string(),
              minCount: z.number(),
              periods: z.array(
                z.object({ key: z.string(), label: z.string(), months: z.array(z.number()), held: z.number(), status: Status }),
              ),
            }),
          ),
        }),
      },
    },
    handler: (req) => orgCalendar(req.ctx, req.query.orgId, req.query.year),
  });
  app.get('/api/meeting-calendar/heatmap', {
    config: target,
    schema: {
      tags,
      summary: '下级组织合规热力图与缺项清单',
      querystring: Query,
      response: {
        200: z.object({
          orgId: z.string(),
          year: z.number(),
          orgs: z.array(
            z.object({
              orgId: z.string(),
              name: z.string(),
              type: z.string(),
              parentId: z.string().nullable(),
              depth: z.number(),
              months: z.array(Status),
            }),
          ),
          gaps: z.array(
            z.object({
              orgId: z.string(),
              orgName: z.string(),
              key: z.string(),
              label: z.string(),
              period: z.string(),
              status: Status,
              held: z.number(),
              minCount: z.number(),
            }),
          ),
          summary: z.object({ orgs: z.number(), withRed: z.number(), withYellow: z.number() }),
        }),
      },
    },
    handler: (req) => calendarHeatmap(req.ctx, req.query.orgId, req.query.year),
  });
};
