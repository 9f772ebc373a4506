import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { XlsxFile } from '../../../common/errors.ts';
import {
  FollowUpCreate,
  FollowUpListQuery,
  FollowUpOut,
  FollowUpUpdate,
  IdParams,
  LedgerOut,
  LedgerQuery,
} from '../../../common/meeting.ts';
import { z } from '../../../common/zod-locale.ts';
import { can } from '../../platform/access/policy.ts';
import { sendXlsx } from '../../platform/export/export.reply.ts';
import { createFollowUp, listFollowUps, updateFollowUp } from './follow-up.service.ts';
import { ledger } from './ledger.service.ts';

export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/follow-ups', {
    config: { policy: can('meeting:read', { in: 'query', field: 'orgId', resource: 'org', optional: true }) },
    schema: { summary: '落实措施（督办）列表', querystring: FollowUpListQuery, response: { 200: z.array(FollowUpOut) } },
    handler: (req) => listFollowUps(req.ctx, { ...req.query, overdue: req.query.overdue === '1' }),
  });
  app.post('/api/meetings/:id/follow-ups', {
    config: { policy: can('meeting:write', { in: 'params', field: 'id', resource: 'meeting' }) },
    schema: { summary: '为第一议题制定落实措施', params: IdParams, body: FollowUpCreate, response: { 201: FollowUpOut } },
    handler: async (req, reply) => reply.code(201).send(await createFollowUp(req.ctx, req.params.id, req.body)),
  });
  app.patch('/api/follow-ups/:id', {
    config: { policy: can('meeting:write', { in: 'params', field: 'id', resource: 'follow_up' }) },
    schema: { summary: '更新落实进度或结果', params: IdParams, body: FollowUpUpdate, response: { 200: FollowUpOut } },
    handler: (req) => updateFollowUp(req.ctx, req.params.id, req.body),
  });
  app.get('/api/first-topic-ledger', {
    config: { policy: can('meeting:read', { in: 'query', field: 'orgId', resource: 'org' }) },
    schema: { summary: '第一议题台账（逐级汇总）', querystring: LedgerQuery, response: { 200: LedgerOut } },
    handler: (req) => ledger(req.ctx, req.query.orgId, req.query.year),
  });
  app.get('/api/first-topic-ledger/export', {
    config: { policy: can('meeting:read', { in: 'query', field: 'orgId', resource: 'org' }) },
    schema: { summary: '导出第一议题台账（Excel）', querystring: LedgerQuery, response: { 200: XlsxFile } },
    handler: async (req, reply) => {
      const l = await ledger(req.ctx, req.query.orgId, req.query.year);
      const rows = l.rows.map((r) => ({
        ...r,
        timely: r.timely ? '是' : '否',
        flag: r.flag ?? '',
        followUpState: r.followUps ? `${r.followUpsDone}/${r.followUps}` : '',
      }));
      return sendXlsx(
        reply,
        req.ctx,
        `${l.org.name}${l.year}年第一议题台账.xlsx`,
        {
          sheetName: '第一议题台账',
          title: `${l.org.name}${l.year}年第一议题台账（学习 ${l.total.studies} 次，议题 ${l.total.topics} 个）`,
          columns: [
            { header: '议题', key: 'topicTitle', width: 40 },
            { header: '类别', key: 'source', width: 14 },
            { header: '发表日期', key: 'publishedOn', width: 12 },
            { header: '党组织', key: 'orgName', width: 28 },
            { header: '会议类型', key: 'meetingTypeLabel', width: 14 },
            { header: '会议名称', key: 'meetingTitle', width: 28 },
            { header: '学习日期', key: 'heldOn', width: 12 },
            { header: '间隔天数', key: 'lagDays', width: 10 },
            { header: '第一时间', key: 'timely', width: 10 },
            { header: '提示', key: 'flag', width: 16 },
            { header: '落实措施（完成/总数）', key: 'followUpState', width: 18 },
          ],
          rows,
        },
        { kind: 'first_topic_ledger', orgId: l.org.id, detail: { year: l.year } },
      );
    },
  });
};
