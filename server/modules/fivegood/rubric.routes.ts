import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RubricFile } from '../../../common/errors.ts';
import { IdParams, RubricCreateBody, RubricExportQuery, RubricImportBody, RubricOut } from '../../../common/fivegood.ts';
import { z } from '../../../common/zod-locale.ts';
import { can } from '../../platform/access/policy.ts';
import { contentDisposition } from '../../platform/export/content-disposition.ts';
import { sendXlsx } from '../../platform/export/export.reply.ts';
import { rubricFromXlsx } from './rubric.import.ts';
import { createRubricVersion, getRubric, listRubrics, loadRubric } from './rubric.service.ts';
import { RUBRIC_XLSX_COLUMNS, rubricRows } from './rubric.xlsx.ts';
import { rubricFromYaml, rubricToYaml } from './rubric.yaml.ts';

export const rubricRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/fivegood/rubrics', {
    config: { policy: can('fivegood:read') },
    schema: { summary: '评分细则版本列表', response: { 200: z.array(RubricOut) } },
    handler: (req) => listRubrics(req.ctx),
  });
  app.get('/api/fivegood/rubrics/:id', {
    config: { policy: can('fivegood:read') },
    schema: { summary: '评分细则版本详情', params: IdParams, response: { 200: RubricOut } },
    handler: (req) => getRubric(req.ctx, req.params.id),
  });
  app.post('/api/fivegood/rubrics', {
    config: { policy: can('fivegood:manage') },
    schema: { summary: '保存为新版本评分细则', body: RubricCreateBody, response: { 201: RubricOut } },
    handler: async (req, reply) => reply.code(201).send(await createRubricVersion(req.ctx, req.body.content, req.body.note)),
  });
  app.post('/api/fivegood/rubrics/import', {
    config: { policy: can('fivegood:manage') },
    bodyLimit: 6 * 1024 * 1024,
    schema: { summary: '从 YAML 或 Excel 导入为新版本', body: RubricImportBody, response: { 201: RubricOut } },
    handler: async (req, reply) => {
      const b = req.body;
      const content =
        b.format === 'yaml'
          ? rubricFromYaml(b.data)
          : await rubricFromXlsx(
              Buffer.from(b.data, 'base64'),
              b.baseId ? (await loadRubric(req.ctx, b.baseId)).content : (await listRubrics(req.ctx))[0].content,
            );
      return reply.code(201).send(await createRubricVersion(req.ctx, content, b.note));
    },
  });
  app.get('/api/fivegood/rubrics/:id/export', {
    config: { policy: can('fivegood:read') },
    schema: {
      summary: '导出评分细则（YAML 或 Excel）',
      params: IdParams,
      querystring: RubricExportQuery,
      response: { 200: RubricFile },
    },
    handler: async (req, reply) => {
      const r = await loadRubric(req.ctx, req.params.id);
      const name = `五个好评分细则-第${r.version}版`;
      if (req.query.format === 'xlsx')
        return sendXlsx(
          reply,
          req.ctx,
          `${name}.xlsx`,
          { sheetName: '评分细则', title: r.content.name, columns: RUBRIC_XLSX_COLUMNS, rows: rubricRows(r.content) },
          { kind: 'fivegood_rubric', detail: { version: r.version } },
        );
      return reply
        .type('application/yaml; charset=utf-8')
        .header('Content-Disposition', contentDisposition(`${name}.yaml`))
        .send(rubricToYaml(r.content, { version: r.version }));
    },
  });
};
