import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NoContent, XlsxFile } from '../../../common/errors.ts';
import {
  HoursQuery,
  IdParams,
  OrgHoursOut,
  RecordCreateSchema,
  RecordDetailOut,
  RecordListQuery,
  RecordOut,
  RollupOut,
  RollupQuery,
  StudyRulesOut,
  StudyRulesSchema,
} from '../../../common/study.ts';
import { can } from '../../platform/access/policy.ts';
import { sendXlsx } from '../../platform/export/export.reply.ts';
import { orgHours, rollup } from './hours.service.ts';
import { hoursSheet } from './hours.xlsx.ts';
import { getStudyRules, updateStudyRules } from './hours-settings.service.ts';
import { createRecord, deleteRecord, getRecord, listRecords } from './record.service.ts';

const byId = { in: 'params', field: 'id', resource: 'studyRecord' } as const;
const orgQuery = { in: 'query', field: 'orgId', resource: 'org' } as const;

/** Study records (集中学习, 中心组, 班组课堂), hours per member, roll-ups, export and the study-hour rules. */
export const recordRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/study/records', {
    config: { policy: can('study:read', { ...orgQuery, optional: true }) },
    schema: { summary: '学习记录列表', querystring: RecordListQuery, response: { 200: RecordOut.array() } },
    handler: (req) => listRecords(req.ctx, req.query),
  });
  app.post('/api/study/records', {
    config: { policy: can('study:write', { in: 'body', field: 'orgId', resource: 'org' }) },
    schema: { summary: '登记集中学习、中心组学习或班组课堂', body: RecordCreateSchema, response: { 201: RecordDetailOut } },
    handler: async (req, reply) => reply.code(201).send(await createRecord(req.ctx, req.body)),
  });
  app.get('/api/study/records/:id', {
    config: { policy: can('study:read', byId) },
    schema: { summary: '学习记录详情（含参加人员）', params: IdParams, response: { 200: RecordDetailOut } },
    handler: (req) => getRecord(req.ctx, req.params.id),
  });
  app.delete('/api/study/records/:id', {
    config: { policy: can('study:write', byId) },
    schema: { summary: '删除误登记的学习记录', params: IdParams, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await deleteRecord(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  });
  app.get('/api/study/hours', {
    config: { policy: can('study:read', orgQuery) },
    schema: { summary: '党员学时统计（按形式、对照要求、进度落后）', querystring: HoursQuery, response: { 200: OrgHoursOut } },
    handler: (req) => orgHours(req.ctx, { ...req.query, behindOnly: req.query.behindOnly === '1' }),
  });
  app.get('/api/study/hours/export', {
    config: { policy: can('study:read', orgQuery) },
    schema: { summary: '导出学时统计（Excel）', querystring: HoursQuery, response: { 200: XlsxFile } },
    handler: async (req, reply) => {
      const h = await orgHours(req.ctx, { ...req.query, behindOnly: req.query.behindOnly === '1' });
      return sendXlsx(reply, req.ctx, `学时统计${req.query.year}.xlsx`, hoursSheet(h), {
        kind: 'study_hours',
        orgId: req.query.orgId,
        detail: { year: req.query.year },
      });
    },
  });
  app.get('/api/study/rollup', {
    config: { policy: can('study:read', orgQuery) },
    schema: { summary: '学时汇总（本级 = 各下级之和 + 直属党员）', querystring: RollupQuery, response: { 200: RollupOut } },
    handler: (req) => rollup(req.ctx, req.query),
  });
  app.get('/api/study/rules', {
    config: { policy: can('study:read') },
    schema: { summary: '学时规则', response: { 200: StudyRulesOut } },
    handler: (req) => getStudyRules(req.ctx),
  });
  app.put('/api/study/rules', {
    config: { policy: can('study:manage') },
    schema: {
      summary: '修改学时规则（要求、各形式是否计入、折算、上限、最短时长）',
      body: StudyRulesSchema,
      response: { 200: StudyRulesOut },
    },
    handler: (req) => updateStudyRules(req.ctx, req.body),
  });
};
