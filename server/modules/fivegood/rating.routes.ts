import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DocxFile } from '../../../common/errors.ts';
import {
  CloseBody,
  IdParams,
  RatingOut,
  RatingQuery,
  RectificationCreateSchema,
  RectOut,
  RectQuery,
  VetoEventSchema,
  VetoOut,
} from '../../../common/fivegood.ts';
import { z } from '../../../common/zod-locale.ts';
import { can } from '../../platform/access/policy.ts';
import { sendDocx } from '../../platform/export/export.reply.ts';
import { addRectification, certificate, closeRectification, listRatings, listRectifications, recordVeto } from './rating.service.ts';

export const ratingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/fivegood/ratings', {
    config: { policy: can('fivegood:read', { in: 'query', field: 'orgId', resource: 'org', optional: true }) },
    schema: { summary: '命名、升降级与牌匾登记', querystring: RatingQuery, response: { 200: z.array(RatingOut) } },
    handler: (req) => listRatings(req.ctx, { orgId: req.query.orgId, year: req.query.year, plaques: req.query.plaques === '1' }),
  });
  app.get('/api/fivegood/ratings/:id/certificate', {
    config: { policy: can('fivegood:read', { in: 'params', field: 'id', resource: 'fivegood_rating' }) },
    schema: { summary: '命名证书（Word）', params: IdParams, response: { 200: DocxFile } },
    handler: async (req, reply) => {
      const c = await certificate(req.ctx, req.params.id);
      return sendDocx(reply, req.ctx, c.fileName, c.buf, { kind: 'fivegood_certificate', orgId: c.orgId, orgPath: c.orgPath });
    },
  });
  app.post('/api/fivegood/vetoes', {
    config: { policy: can('fivegood:manage', { in: 'body', field: 'orgId', resource: 'org' }) },
    schema: { summary: '认定否决事项（即时降级、摘牌）', body: VetoEventSchema, response: { 201: VetoOut } },
    handler: async (req, reply) => reply.code(201).send(await recordVeto(req.ctx, req.body)),
  });
  app.get('/api/fivegood/rectifications', {
    config: { policy: can('fivegood:read', { in: 'query', field: 'orgId', resource: 'org', optional: true }) },
    schema: { summary: '整改台账', querystring: RectQuery, response: { 200: z.array(RectOut) } },
    handler: (req) => listRectifications(req.ctx, req.query),
  });
  app.post('/api/fivegood/rectifications', {
    config: { policy: can('fivegood:review', { in: 'body', field: 'orgId', resource: 'org' }) },
    schema: { summary: '新增整改事项', body: RectificationCreateSchema, response: { 201: RectOut } },
    handler: async (req, reply) => reply.code(201).send(await addRectification(req.ctx, req.body)),
  });
  app.post('/api/fivegood/rectifications/:id/close', {
    config: { policy: can('fivegood:read', { in: 'params', field: 'id', resource: 'fivegood_rectification' }) },
    schema: { summary: '整改销号', params: IdParams, body: CloseBody, response: { 200: RectOut } },
    handler: (req) => closeRectification(req.ctx, req.params.id, req.body.note),
  });
};
