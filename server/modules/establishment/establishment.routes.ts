import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, OrgWarningOut, WARNING_LEVELS } from '../../../common/org.ts';
import { z } from '../../../common/zod-locale.ts';
import { can } from '../../platform/access/policy.ts';
import { orgWarnings } from './establishment.service.ts';

const Level = z.enum(WARNING_LEVELS);
/** 组织设置预警 routes. */
export const orgWarningRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/orgs/warnings', {
    config: { policy: can('org:read', { in: 'query', field: 'orgId', resource: 'org', optional: true }) },
    schema: {
      summary: '组织设置预警（本人管理范围内，或某组织及其下级）',
      querystring: z.object({ orgId: z.string().uuid('编号格式不正确').optional(), level: Level.optional() }),
      response: { 200: z.array(OrgWarningOut) },
    },
    handler: (req) => orgWarnings(req.ctx, { orgId: req.query.orgId, level: req.query.level }),
  });

  app.get('/api/orgs/:id/warnings', {
    config: { policy: can('org:read', { in: 'params', field: 'id', resource: 'org' }) },
    schema: {
      summary: '单个组织的设置预警',
      params: IdParams,
      response: { 200: z.array(OrgWarningOut) },
    },
    handler: (req) => orgWarnings(req.ctx, { orgId: req.params.id, only: true }),
  });
};
