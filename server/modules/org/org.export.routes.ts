import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DocxFile, XlsxFile } from '../../../common/errors.ts';
import { IdParams } from '../../../common/org.ts';
import { z } from '../../../common/zod-locale.ts';
import { can } from '../../platform/access/policy.ts';
import { sendDocx, sendXlsx } from '../../platform/export/export.reply.ts';
import { ORG_EXPORT_COLUMNS, orgExportFileName, orgExportRows, orgReport } from './org.export.ts';

const ExportQuery = z.object({ q: z.string().trim().max(60).optional() });

/** 党组织名册 (xlsx) and 党组织基本情况表 (docx); both audited as exports. */
export const orgExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/orgs/export', {
    config: { policy: can('org:read') },
    schema: { summary: '导出党组织名册（xlsx）', querystring: ExportQuery, response: { 200: XlsxFile } },
    handler: async (req, reply) => {
      const rows = await orgExportRows(req.ctx, req.query);
      return sendXlsx(
        reply,
        req.ctx,
        orgExportFileName(req.ctx),
        { sheetName: '党组织名册', title: '党组织名册', columns: ORG_EXPORT_COLUMNS, rows },
        {
          kind: 'org.list',
          detail: { q: req.query.q ?? null },
        },
      );
    },
  });

  app.get('/api/orgs/:id/report', {
    config: { policy: can('org:read', { in: 'params', field: 'id', resource: 'org' }) },
    schema: { summary: '党组织基本情况表（docx）', params: IdParams, response: { 200: DocxFile } },
    handler: async (req, reply) => {
      const r = await orgReport(req.ctx, req.params.id);
      return sendDocx(reply, req.ctx, r.fileName, r.data, { kind: 'org.report', orgId: r.org.id, orgPath: r.org.path });
    },
  });
};
