import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { XlsxFile } from '../../../common/errors.ts';
import {
  AssessmentListQuery,
  AssessmentRow,
  BoardOut,
  BoardQuery,
  CampaignCreateSchema,
  CampaignOut,
  IdParams,
  PublicizeBody,
} from '../../../common/fivegood.ts';
import { z } from '../../../common/zod-locale.ts';
import { can } from '../../platform/access/policy.ts';
import { sendXlsx } from '../../platform/export/export.reply.ts';
import { listAssessments } from './assessment.service.ts';
import { board, boardExportRows } from './board.service.ts';
import { getCampaign, launchCampaign, listCampaigns } from './campaign.service.ts';
import { nameCampaign, publicize } from './publicity.service.ts';

const campaign = { in: 'params', field: 'id', resource: 'fivegood_campaign' } as const;

const BOARD_COLUMNS = [
  { header: '企业', key: 'enterprise', width: 24 },
  { header: '党支部', key: 'orgName', width: 28 },
  { header: '当前环节', key: 'status', width: 16 },
  { header: '本环节截止', key: 'deadline', width: 12 },
  { header: '逾期', key: 'overdue', width: 6 },
  { header: '企业党委建议等次', key: 'proposed', width: 14 },
  { header: '审定等次', key: 'grade', width: 12 },
  { header: '总分', key: 'total', width: 8 },
  { header: '上年等次', key: 'previous', width: 12 },
  { header: '升降', key: 'change', width: 8 },
];

export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/fivegood/campaigns', {
    config: { policy: can('fivegood:read') },
    schema: { summary: '创建活动列表', response: { 200: z.array(CampaignOut) } },
    handler: (req) => listCampaigns(req.ctx),
  });
  app.post('/api/fivegood/campaigns', {
    config: { policy: can('fivegood:manage', { in: 'body', field: 'orgId', resource: 'org' }) },
    schema: { summary: '部署年度创建活动', body: CampaignCreateSchema, response: { 201: CampaignOut } },
    handler: async (req, reply) => reply.code(201).send(await launchCampaign(req.ctx, req.body)),
  });
  app.get('/api/fivegood/campaigns/:id', {
    config: { policy: can('fivegood:read', campaign) },
    schema: { summary: '创建活动详情', params: IdParams, response: { 200: CampaignOut } },
    handler: (req) => getCampaign(req.ctx, req.params.id),
  });
  app.get('/api/fivegood/campaigns/:id/assessments', {
    config: { policy: can('fivegood:read', campaign) },
    schema: {
      summary: '参评支部及所处环节',
      params: IdParams,
      querystring: AssessmentListQuery,
      response: { 200: z.array(AssessmentRow) },
    },
    handler: (req) => listAssessments(req.ctx, req.params.id, req.query),
  });
  app.post('/api/fivegood/campaigns/:id/publicize', {
    config: { policy: can('fivegood:manage', campaign) },
    schema: { summary: '发布公示（记录公示开始日期）', params: IdParams, body: PublicizeBody, response: { 200: CampaignOut } },
    handler: (req) => publicize(req.ctx, req.params.id, req.body.from),
  });
  app.post('/api/fivegood/campaigns/:id/name', {
    config: { policy: can('fivegood:manage', campaign) },
    schema: { summary: '公示期满后命名', params: IdParams, response: { 200: CampaignOut } },
    handler: (req) => nameCampaign(req.ctx, req.params.id),
  });
  app.get('/api/fivegood/campaigns/:id/board', {
    config: { policy: can('fivegood:read', campaign) },
    schema: { summary: '进度看板（可逐级下钻）', params: IdParams, querystring: BoardQuery, response: { 200: BoardOut } },
    handler: (req) => board(req.ctx, req.params.id, req.query.orgId),
  });
  app.get('/api/fivegood/campaigns/:id/board/export', {
    config: { policy: can('fivegood:read', campaign) },
    schema: { summary: '导出进度看板', params: IdParams, querystring: BoardQuery, response: { 200: XlsxFile } },
    handler: async (req, reply) => {
      const { c, at, rows } = await boardExportRows(req.ctx, req.params.id, req.query.orgId);
      return sendXlsx(
        reply,
        req.ctx,
        `${c.year}年度五个好创建进度-${at.name}.xlsx`,
        { sheetName: '创建进度', title: `${c.name}（${at.name}）`, columns: BOARD_COLUMNS, rows },
        { kind: 'fivegood_board', orgId: at.id, orgPath: at.path },
      );
    },
  });
};
