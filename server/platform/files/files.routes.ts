import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AnyFile, NoContent } from '../../../common/errors.ts';
import { FileIdParams, FileListQuery, FileOut } from '../../../common/files.ts';
import { z } from '../../../common/zod-locale.ts';
import { can } from '../access/policy.ts';
import { MULTIPART_LIMITS, readUpload } from './files.multipart.ts';
import { sendFile } from './files.reply.ts';
import { deleteFile, listFiles, openFile, storeUpload } from './files.service.ts';

const fileTarget = { in: 'params', field: 'id', resource: 'file' } as const;

/** 附件: upload (content-sniffed allowlist, 20 MB), list, download (verified, sandboxed), delete. */
export const filesRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: MULTIPART_LIMITS, throwFileSizeLimit: true });

  app.post('/api/files', {
    config: { policy: can('file:write', { in: 'body', field: 'orgId', resource: 'org' }) },
    schema: {
      summary: '上传附件（multipart：file、orgId、ownerType、ownerId、label）',
      consumes: ['multipart/form-data'],
      response: { 201: FileOut },
    },
    handler: async (req, reply) => {
      const u = await readUpload(req);
      return reply.code(201).send(await storeUpload(req.ctx, u.tmp, u.originalName, u.fields));
    },
  });

  app.get('/api/files', {
    config: { policy: can('file:read', { in: 'query', field: 'orgId', resource: 'org', optional: true }) },
    schema: { summary: '附件列表（本人管理范围内）', querystring: FileListQuery, response: { 200: z.array(FileOut) } },
    handler: (req) => listFiles(req.ctx, req.query),
  });

  app.get('/api/files/:id', {
    config: { policy: can('file:read', fileTarget) },
    schema: { summary: '下载附件', params: FileIdParams, response: { 200: AnyFile } },
    handler: async (req, reply) => {
      return sendFile(reply, await openFile(req.ctx, req.params.id));
    },
  });

  app.delete('/api/files/:id', {
    config: { policy: can('file:write', fileTarget) },
    schema: { summary: '删除附件', params: FileIdParams, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await deleteFile(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  });
};
