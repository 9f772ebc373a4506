import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { XlsxFile } from '../../../common/errors.ts';
import { ImportResultOut, MemberExportQuery } from '../../../common/member.ts';
import { can } from '../../platform/access/policy.ts';
import { AppError } from '../../platform/errors.ts';
import { contentDisposition } from '../../platform/export/content-disposition.ts';
import { sendXlsxStream } from '../../platform/export/export.reply.ts';
import { XLSX_MIME } from '../../platform/export/xlsx.ts';
import { MAX_FILE_BYTES } from '../../platform/files/files.check.ts';
import { prepareMemberExport } from './member.export.ts';
import { importMembers } from './member.import.ts';
import { memberListQueryOrgTarget } from './member.scope.ts';
import { importTemplate } from './member.xlsx.ts';

/** Excel in and out: the template, the all-or-nothing import and the (masked by default) export. */
export const memberIoRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 2, parts: 3, headerPairs: 100 } });

  app.get('/api/members/import-template', {
    config: { policy: can('member:import') },
    schema: { summary: '下载党员导入模板（xlsx）', response: { 200: XlsxFile } },
    handler: async (_req, reply) =>
      reply
        .type(XLSX_MIME)
        .header('Content-Disposition', contentDisposition('党员信息导入模板.xlsx'))
        .send(await importTemplate()),
  });

  app.post('/api/members/import', {
    config: { policy: can('member:import') },
    bodyLimit: MAX_FILE_BYTES + 1024 * 1024,
    schema: {
      summary: '导入党员（multipart 字段 file；整体提交，任何一处错误则不导入并列出全部错误）',
      consumes: ['multipart/form-data'],
      response: { 200: ImportResultOut },
    },
    handler: async (req) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 方式上传文件（字段名 file）');
      const file = await req.file();
      if (file?.fieldname !== 'file') throw new AppError('BAD_REQUEST', '请选择要导入的 Excel 文件（字段名 file）');
      const data = await file.toBuffer().catch((e: { code?: string }) => {
        if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', '文件超过 20 MB 的上限，请拆分后分批导入');
        throw e;
      });
      return importMembers(req.ctx, data, file.filename.normalize('NFC').slice(0, 100));
    },
  });

  app.get('/api/members/export', {
    config: { policy: can('member:export', memberListQueryOrgTarget) },
    schema: {
      summary: '按当前筛选条件导出党员名册（xlsx；号码默认脱敏，每小时限 10 次）',
      querystring: MemberExportQuery,
      response: { 200: XlsxFile },
    },
    handler: async (req, reply) => {
      const e = await prepareMemberExport(req.ctx, req.query);
      return sendXlsxStream(reply, req.ctx, e.fileName, e.spec, e.rows, e.audit);
    },
  });
};
