import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CommitteeCreateSchema,
  CommitteeOut,
  CommitteeUpdateSchema,
  IdParams,
  OrgIdParams,
  PostponeSchema,
  TermListQuery,
} from '../../../common/committee.ts';
import { z } from '../../../common/zod-locale.ts';
import { can } from '../../platform/access/policy.ts';
import { createCommittee, getCommittee, listOrgCommittees, listTerms, postponeCommittee, updateCommittee } from './committee.service.ts';

const orgTarget = { in: 'params', field: 'orgId', resource: 'org' } as const;
const committeeTarget = { in: 'params', field: 'id', resource: 'committee' } as const;
/** 委员会与换届 routes: terms in scope, an org's committees, election, mid-term changes, postponement. */
export const committeeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/committees', {
    config: { policy: can('org:read', { in: 'query', field: 'orgId', resource: 'org', optional: true }) },
    schema: { summary: '本届委员会与任期（换届提醒、逾期）', querystring: TermListQuery, response: { 200: z.array(CommitteeOut) } },
    handler: (req) => listTerms(req.ctx, req.query),
  });

  app.get('/api/orgs/:orgId/committees', {
    config: { policy: can('org:read', orgTarget) },
    schema: { summary: '组织的历届委员会', params: OrgIdParams, response: { 200: z.array(CommitteeOut) } },
    handler: (req) => listOrgCommittees(req.ctx, req.params.orgId),
  });

  app.post('/api/orgs/:orgId/committees', {
    config: { policy: can('org:write', orgTarget) },
    schema: { summary: '登记换届选举结果', params: OrgIdParams, body: CommitteeCreateSchema, response: { 201: CommitteeOut } },
    handler: async (req, reply) => reply.code(201).send(await createCommittee(req.ctx, req.params.orgId, req.body)),
  });

  app.get('/api/committees/:id', {
    config: { policy: can('org:read', committeeTarget) },
    schema: { summary: '委员会详情', params: IdParams, response: { 200: CommitteeOut } },
    handler: (req) => getCommittee(req.ctx, req.params.id),
  });

  app.patch('/api/committees/:id', {
    config: { policy: can('org:write', committeeTarget) },
    schema: { summary: '调整本届委员（补选、分工）', params: IdParams, body: CommitteeUpdateSchema, response: { 200: CommitteeOut } },
    handler: (req) => updateCommittee(req.ctx, req.params.id, req.body),
  });

  app.post('/api/committees/:id/postpone', {
    config: { policy: can('org:write', committeeTarget) },
    schema: {
      summary: '登记延期换届（须上级批准，最长 1 年）',
      params: IdParams,
      body: PostponeSchema,
      response: { 200: CommitteeOut },
    },
    handler: (req) => postponeCommittee(req.ctx, req.params.id, req.body),
  });
};
