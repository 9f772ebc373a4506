import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NoContent } from '../../../common/errors.ts';
import {
  IdParams,
  MaterialCreateSchema,
  MaterialListOut,
  MaterialListQuery,
  MaterialOut,
  MaterialUpdateSchema,
  StudyMaterialsFromTopicBody,
} from '../../../common/study.ts';
import { can } from '../../platform/access/policy.ts';
import { createMaterial, getMaterial, listMaterials, materialFromTopic, updateMaterial, withdrawMaterial } from './material.service.ts';

const byId = { in: 'params', field: 'id', resource: 'studyMaterial' } as const;

/** 学习资料: publish to a subtree, edit, withdraw, and publish a 第一议题 with one click. */
export const materialRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/study/materials', {
    config: { policy: can('study:read', { in: 'query', field: 'orgId', resource: 'org', optional: true }) },
    schema: { summary: '学习资料列表', querystring: MaterialListQuery, response: { 200: MaterialListOut } },
    handler: (req) => listMaterials(req.ctx, req.query),
  });
  app.post('/api/study/materials', {
    config: { policy: can('study:write', { in: 'body', field: 'orgId', resource: 'org' }) },
    schema: { summary: '发布学习资料（面向本组织及下级）', body: MaterialCreateSchema, response: { 201: MaterialOut } },
    handler: async (req, reply) => reply.code(201).send(await createMaterial(req.ctx, req.body)),
  });
  app.post('/api/study/materials/from-topic', {
    config: { policy: can('study:write', { in: 'body', field: 'topicId', resource: 'firstTopic' }) },
    schema: {
      summary: '把第一议题一键发布为学习资料',
      body: StudyMaterialsFromTopicBody,
      response: { 201: MaterialOut },
    },
    handler: async (req, reply) => reply.code(201).send(await materialFromTopic(req.ctx, req.body.topicId)),
  });
  app.get('/api/study/materials/:id', {
    config: { policy: can('study:read', byId) },
    schema: { summary: '学习资料详情', params: IdParams, response: { 200: MaterialOut } },
    handler: (req) => getMaterial(req.ctx, req.params.id),
  });
  app.patch('/api/study/materials/:id', {
    config: { policy: can('study:write', byId) },
    schema: { summary: '修改学习资料', params: IdParams, body: MaterialUpdateSchema, response: { 200: MaterialOut } },
    handler: (req) => updateMaterial(req.ctx, req.params.id, req.body),
  });
  app.delete('/api/study/materials/:id', {
    config: { policy: can('study:write', byId) },
    schema: { summary: '撤回学习资料', params: IdParams, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await withdrawMaterial(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  });
};
