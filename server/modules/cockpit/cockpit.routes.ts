import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CockpitOut, CockpitQuery } from '../../../common/cockpit.ts';
import { XlsxFile } from '../../../common/errors.ts';
import { can } from '../../platform/access/policy.ts';
import { sendXlsx } from '../../platform/export/export.reply.ts';
import { cockpitSheet } from './cockpit.export.ts';
import { cockpitFigures } from './cockpit.service.ts';

const policy = can('cockpit:read', { in: 'query', field: 'orgId', resource: 'org', optional: true });

/** 驾驶舱 routes: the figures of an org's subtree for a year, and its children as an Excel sheet. */
export const cockpitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/cockpit', {
    config: { policy },
    schema: {
      summary: '驾驶舱：某组织（默认本人管理范围的最上级组织）及其下级的年度党建数据',
      querystring: CockpitQuery,
      response: { 200: CockpitOut },
    },
    handler: (req) => cockpitFigures(req.ctx, req.query),
  });

  app.get('/api/cockpit/export', {
    config: { policy },
    schema: { summary: '导出驾驶舱下级组织数据（Excel，每个下级组织一行）', querystring: CockpitQuery, response: { 200: XlsxFile } },
    handler: async (req, reply) => {
      const f = await cockpitFigures(req.ctx, req.query);
      return sendXlsx(reply, req.ctx, `驾驶舱-${f.org.name}-${f.year}.xlsx`, cockpitSheet(f), {
        kind: 'cockpit',
        orgId: f.org.id,
        detail: { year: f.year },
      });
    },
  });
};
