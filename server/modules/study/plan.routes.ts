import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NoContent } from '../../../common/errors.ts';
import {
  IdParams,
  PlanCreateSchema,
  PlanItemSchema,
  PlanOut,
  StudyPlansItemsOut,
  StudyPlansOut,
  StudyPlansQuery,
} from '../../../common/study.ts';
import { can } from '../../platform/access/policy.ts';
import { addPlanItem, createPlan, deletePlanItem, planView } from './plan.service.ts';

/** 学习计划: annual and quarterly plans per org, items pushed down the tree, plan vs actual. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/study/plans', {
    config: { policy: can('study:read', { in: 'query', field: 'orgId', resource: 'org' }) },
    schema: {
      summary: '学习计划与完成情况（含上级下达事项）',
      querystring: StudyPlansQuery,
      response: {
        200: StudyPlansOut,
      },
    },
    handler: (req) => planView(req.ctx, req.query),
  });
  app.post('/api/study/plans', {
    config: { policy: can('study:write', { in: 'body', field: 'orgId', resource: 'org' }) },
    schema: { summary: '新建年度或季度学习计划', body: PlanCreateSchema, response: { 201: PlanOut } },
    handler: async (req, reply) => reply.code(201).send(await createPlan(req.ctx, req.body)),
  });
  app.post('/api/study/plans/:id/items', {
    config: { policy: can('study:write', { in: 'params', field: 'id', resource: 'studyPlan' }) },
    schema: {
      summary: '新增计划事项（可下达到下级组织）',
      params: IdParams,
      body: PlanItemSchema,
      response: { 201: StudyPlansItemsOut },
    },
    handler: async (req, reply) => reply.code(201).send(await addPlanItem(req.ctx, req.params.id, req.body)),
  });
  app.delete('/api/study/plan-items/:id', {
    config: { policy: can('study:write', { in: 'params', field: 'id', resource: 'studyPlanItem' }) },
    schema: { summary: '删除计划事项', params: IdParams, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await deletePlanItem(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  });
};
