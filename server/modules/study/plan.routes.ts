import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PlanCreateSchema, PlanItemSchema, STUDY_FORMS, STUDY_THEMES } from '../../../common/study.ts';
import { z } from '../../../common/zod-locale.ts';
import { can } from '../../platform/access/policy.ts';
import { addPlanItem, createPlan, deletePlanItem, planView } from './plan.service.ts';
import { IdParams, Year } from './study.schema.ts';

const tags = ['理论学习'];
const PlanOut = z.object({ id: z.string(), title: z.string(), quarter: z.number().nullable() });

/** 学习计划: annual and quarterly plans per org, items pushed down the tree, plan vs actual. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/study/plans', {
    config: { policy: can('study:read', { in: 'query', field: 'orgId', resource: 'org' }) },
    schema: {
      tags,
      summary: '学习计划与完成情况（含上级下达事项）',
      querystring: z.strictObject({ orgId: z.string().uuid('组织编号格式不正确'), year: Year }),
      response: {
        200: z.object({
          orgId: z.string(),
          year: z.number(),
          plans: z.array(PlanOut),
          items: z.array(
            z.object({
              id: z.string(),
              planId: z.string(),
              month: z.number(),
              theme: z.enum(STUDY_THEMES),
              form: z.enum(STUDY_FORMS),
              title: z.string(),
              responsible: z.string().nullable(),
              pushed: z.boolean(),
              inherited: z.boolean(),
              fromOrg: z.string(),
              actual: z.number(),
              status: z.enum(['done', 'missed', 'upcoming']),
            }),
          ),
          summary: z.object({ planned: z.number(), done: z.number(), missed: z.number() }),
        }),
      },
    },
    handler: (req) => planView(req.ctx, req.query),
  });
  app.post('/api/study/plans', {
    config: { policy: can('study:write', { in: 'body', field: 'orgId', resource: 'org' }) },
    schema: { tags, summary: '新建年度或季度学习计划', body: PlanCreateSchema, response: { 201: PlanOut } },
    handler: async (req, reply) => reply.code(201).send(await createPlan(req.ctx, req.body)),
  });
  app.post('/api/study/plans/:id/items', {
    config: { policy: can('study:write', { in: 'params', field: 'id', resource: 'studyPlan' }) },
    schema: {
      tags,
      summary: '新增计划事项（可下达到下级组织）',
      params: IdParams,
      body: PlanItemSchema,
      response: { 201: z.object({ id: z.string() }) },
    },
    handler: async (req, reply) => reply.code(201).send(await addPlanItem(req.ctx, req.params.id, req.body)),
  });
  app.delete('/api/study/plan-items/:id', {
    config: { policy: can('study:write', { in: 'params', field: 'id', resource: 'studyPlanItem' }) },
    schema: { tags, summary: '删除计划事项', params: IdParams },
    handler: async (req, reply) => {
      await deletePlanItem(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  });
};
