import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, TopicCreate, TopicListQuery, TopicOut, TopicUpdate } from '../../../common/meeting.ts';
import { z } from '../../../common/zod-locale.ts';
import { can } from '../../platform/access/policy.ts';
import { createTopic, getTopic, listTopics, pushTopic, updateTopic } from './topic.service.ts';

const byId = { in: 'params', field: 'id', resource: 'first_topic' } as const;

export const topicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/first-topics', {
    config: { policy: can('meeting:read') },
    schema: { summary: '议题库（本级及上级下发）', querystring: TopicListQuery, response: { 200: z.array(TopicOut) } },
    handler: (req) => listTopics(req.ctx, req.query),
  });
  app.post('/api/first-topics', {
    config: { policy: can('topic:write', { in: 'body', field: 'orgId', resource: 'org' }) },
    schema: { summary: '新增议题', body: TopicCreate, response: { 201: TopicOut } },
    handler: async (req, reply) => reply.code(201).send(await createTopic(req.ctx, req.body)),
  });
  app.get('/api/first-topics/:id', {
    config: { policy: can('meeting:read', byId) },
    schema: { summary: '议题详情', params: IdParams, response: { 200: TopicOut } },
    handler: (req) => getTopic(req.ctx, req.params.id),
  });
  app.patch('/api/first-topics/:id', {
    config: { policy: can('topic:write', byId) },
    schema: { summary: '修改议题', params: IdParams, body: TopicUpdate, response: { 200: TopicOut } },
    handler: (req) => updateTopic(req.ctx, req.params.id, req.body),
  });
  app.post('/api/first-topics/:id/push', {
    config: { policy: can('topic:write', byId) },
    schema: { summary: '下发议题到下级党组织', params: IdParams, response: { 200: TopicOut } },
    handler: (req) => pushTopic(req.ctx, req.params.id),
  });
};
