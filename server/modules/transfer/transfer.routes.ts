import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DocxFile } from '../../../common/errors.ts';
import {
  DecisionSchema,
  DestinationOut,
  DestinationQuery,
  IdParams,
  InTransferSchema,
  InternalTransferSchema,
  OutTransferSchema,
  ReceiptSchema,
  RejectSchema,
  TransferListQuery,
  TransferOut,
} from '../../../common/transfer.ts';
import { z } from '../../../common/zod-locale.ts';
import { can } from '../../platform/access/policy.ts';
import { sendDocx } from '../../platform/export/export.reply.ts';
import { transferIn } from './transfer.in.ts';
import { transferLetter } from './transfer.letter.ts';
import { issueLetter, recordReceipt } from './transfer.out.ts';
import { cancelTransfer, confirmTransfer, rejectTransfer, requestTransfer } from './transfer.service.ts';
import { destinations, getTransfer, listTransfers } from './transfer-read.service.ts';

const target = { in: 'params', field: 'id', resource: 'transfer' } as const;
const memberTarget = { in: 'body', field: 'memberId', resource: 'member' } as const;
/** 组织关系转接 routes: list and detail for either side, request/confirm/reject/cancel, letter, receipt, transfer in. */
export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/transfers', {
    config: { policy: can('member:read', { in: 'query', field: 'orgId', resource: 'org', optional: true }) },
    schema: {
      summary: '转接记录（转出或转入方在本人管理范围内）',
      querystring: TransferListQuery,
      response: { 200: z.array(TransferOut) },
    },
    handler: (req) => listTransfers(req.ctx, req.query),
  });

  app.get('/api/transfers/destinations', {
    config: { policy: can('member:write') },
    schema: { summary: '可接收组织关系的党支部（全平台）', querystring: DestinationQuery, response: { 200: DestinationOut } },
    handler: (req) => destinations(req.ctx, req.query),
  });

  app.get('/api/transfers/:id', {
    config: { policy: can('member:read', target) },
    schema: { summary: '转接详情', params: IdParams, response: { 200: TransferOut } },
    handler: (req) => getTransfer(req.ctx, req.params.id),
  });

  app.post('/api/transfers', {
    config: { policy: can('member:write', memberTarget) },
    schema: { summary: '发起系统内转接（接收方确认后生效）', body: InternalTransferSchema, response: { 201: TransferOut } },
    handler: async (req, reply) => reply.code(201).send(await requestTransfer(req.ctx, req.body)),
  });

  app.post('/api/transfers/out', {
    config: { policy: can('member:write', memberTarget) },
    schema: { summary: '转出系统外：开具组织关系介绍信', body: OutTransferSchema, response: { 201: TransferOut } },
    handler: async (req, reply) => reply.code(201).send(await issueLetter(req.ctx, req.body)),
  });

  app.post('/api/transfers/in', {
    config: { policy: can('member:write', { in: 'body', field: 'member.orgId', resource: 'org' }) },
    schema: { summary: '从系统外转入：登记党员与介绍信', body: InTransferSchema, response: { 201: TransferOut } },
    handler: async (req, reply) => reply.code(201).send(await transferIn(req.ctx, req.body)),
  });

  app.post('/api/transfers/:id/confirm', {
    config: { policy: can('member:write', target) },
    schema: { summary: '接收方确认转入', params: IdParams, body: DecisionSchema, response: { 200: TransferOut } },
    handler: (req) => confirmTransfer(req.ctx, req.params.id, req.body.note),
  });

  app.post('/api/transfers/:id/reject', {
    config: { policy: can('member:write', target) },
    schema: { summary: '接收方退回', params: IdParams, body: RejectSchema, response: { 200: TransferOut } },
    handler: (req) => rejectTransfer(req.ctx, req.params.id, req.body.note),
  });

  app.post('/api/transfers/:id/cancel', {
    config: { policy: can('member:write', target) },
    schema: { summary: '转出方撤销', params: IdParams, body: DecisionSchema, response: { 200: TransferOut } },
    handler: (req) => cancelTransfer(req.ctx, req.params.id, req.body.note),
  });

  app.post('/api/transfers/:id/receipt', {
    config: { policy: can('member:write', target) },
    schema: { summary: '登记回执（转接完成）', params: IdParams, body: ReceiptSchema, response: { 200: TransferOut } },
    handler: (req) => recordReceipt(req.ctx, req.params.id, req.body),
  });

  app.get('/api/transfers/:id/letter', {
    config: { policy: can('member:read', target) },
    schema: { summary: '下载组织关系介绍信（docx）', params: IdParams, response: { 200: DocxFile } },
    handler: async (req, reply) => {
      const l = await transferLetter(req.ctx, req.params.id);
      return sendDocx(reply, req.ctx, l.fileName, l.buf, {
        kind: 'transfer_letter',
        orgId: l.orgId,
        orgPath: l.orgPath,
        detail: { transferId: req.params.id },
      });
    },
  });
};
