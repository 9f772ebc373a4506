import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NoContent } from '../../../common/errors.ts';
import { DissolveQuery, IdParams, OrgCreateSchema, OrgListQuery, OrgOut, OrgUpdateSchema } from '../../../common/org.ts';
import { z } from '../../../common/zod-locale.ts';
import { can } from '../../platform/access/policy.ts';
import { createOrg, dissolveOrg, getOrg, listOrgs, updateOrg } from './org.service.ts';

const orgTarget = { in: 'params', field: 'id', resource: 'org' } as const;

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/orgs', {
    config: { policy: can('org:read') },
    schema: { summary: '组织列表（本人管理范围内）', querystring: OrgListQuery, response: { 200: z.array(OrgOut) } },
    handler: (req) => listOrgs(req.ctx, { q: req.query.q, includeDissolved: req.query.includeDissolved === '1' }),
  });

  app.post('/api/orgs', {
    config: { policy: can('org:write', { in: 'body', field: 'parentId', resource: 'org' }) },
    schema: { summary: '新建组织', body: OrgCreateSchema, response: { 201: OrgOut } },
    handler: async (req, reply) => reply.code(201).send(await createOrg(req.ctx, req.body)),
  });

  app.get('/api/orgs/:id', {
    config: { policy: can('org:read', orgTarget) },
    schema: { summary: '组织详情', params: IdParams, response: { 200: OrgOut } },
    handler: (req) => getOrg(req.ctx, req.params.id),
  });

  app.patch('/api/orgs/:id', {
    config: { policy: can('org:write', orgTarget) },
    schema: { summary: '修改或移动组织', params: IdParams, body: OrgUpdateSchema, response: { 200: OrgOut } },
    handler: (req) => updateOrg(req.ctx, req.params.id, req.body),
  });

  app.delete('/api/orgs/:id', {
    config: { policy: can('org:write', orgTarget) },
    schema: { summary: '撤销组织', params: IdParams, querystring: DissolveQuery, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await dissolveOrg(req.ctx, req.params.id, req.query.reason);
      return reply.code(204).send();
    },
  });
};
