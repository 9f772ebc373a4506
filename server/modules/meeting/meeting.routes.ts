import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NoContent } from '../../../common/errors.ts';
import {
  AgendaInput,
  AttendanceInput,
  IdParams,
  ListQuery,
  MeetingCancelQuery,
  MeetingCreate,
  MeetingOut,
  MeetingPage,
  MeetingReviewBody,
  MeetingTemplate,
  MeetingTemplates,
  MeetingTypeParams,
  MeetingUpdate,
} from '../../../common/meeting.ts';
import { can } from '../../platform/access/policy.ts';
import { setAgenda, setAttendance } from './agenda.service.ts';
import { meetingDetail } from './meeting.detail.ts';
import { cancelMeeting, holdMeeting, listMeetings, planMeeting, updateMeeting } from './meeting.service.ts';
import { loadMeeting } from './meeting-access.service.ts';
import { reviewMeeting, submitMeeting } from './review.service.ts';
import { getTemplates, updateTemplate } from './template.service.ts';

const byId = { in: 'params', field: 'id', resource: 'meeting' } as const;

export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/meetings', {
    config: { policy: can('meeting:read', { in: 'query', field: 'orgId', resource: 'org', optional: true }) },
    schema: {
      summary: '会议列表',
      querystring: ListQuery,
      response: { 200: MeetingPage },
    },
    handler: (req) => listMeetings(req.ctx, req.query),
  });
  app.post('/api/meetings', {
    config: { policy: can('meeting:write', { in: 'body', field: 'orgId', resource: 'org' }) },
    schema: {
      summary: '计划会议（应到人员取自党员名册；党委会、支委会为本届委员）',
      body: MeetingCreate,
      response: { 201: MeetingOut },
    },
    handler: async (req, reply) => reply.code(201).send(await planMeeting(req.ctx, req.body)),
  });
  app.get('/api/meetings/:id', {
    config: { policy: can('meeting:read', byId) },
    schema: { summary: '会议记录详情（含完整性检查）', params: IdParams, response: { 200: MeetingOut } },
    handler: async (req) => meetingDetail(req.ctx, await loadMeeting(req.ctx, req.params.id)),
  });
  app.patch('/api/meetings/:id', {
    config: { policy: can('meeting:write', byId) },
    schema: {
      summary: '修改会议计划或记录（栏目、纪要、表决）',
      params: IdParams,
      body: MeetingUpdate,
      response: { 200: MeetingOut },
    },
    handler: (req) => updateMeeting(req.ctx, req.params.id, req.body),
  });
  app.delete('/api/meetings/:id', {
    config: { policy: can('meeting:write', byId) },
    schema: {
      summary: '取消尚未召开的会议',
      params: IdParams,
      querystring: MeetingCancelQuery,
      response: { 204: NoContent },
    },
    handler: async (req, reply) => {
      await cancelMeeting(req.ctx, req.params.id, req.query.reason);
      return reply.code(204).send();
    },
  });
  app.put('/api/meetings/:id/agenda', {
    config: { policy: can('meeting:write', byId) },
    schema: { summary: '设置议程（按顺序）', params: IdParams, body: AgendaInput, response: { 200: MeetingOut } },
    handler: (req) => setAgenda(req.ctx, req.params.id, req.body),
  });
  app.put('/api/meetings/:id/attendance', {
    config: { policy: can('meeting:write', byId) },
    schema: { summary: '登记出席、缺席、请假', params: IdParams, body: AttendanceInput, response: { 200: MeetingOut } },
    handler: (req) => setAttendance(req.ctx, req.params.id, req.body),
  });
  app.post('/api/meetings/:id/hold', {
    config: { policy: can('meeting:write', byId) },
    schema: { summary: '标记会议已召开', params: IdParams, response: { 200: MeetingOut } },
    handler: (req) => holdMeeting(req.ctx, req.params.id),
  });
  app.post('/api/meetings/:id/submit', {
    config: { policy: can('meeting:write', byId) },
    schema: { summary: '提交记录待上级审核', params: IdParams, response: { 200: MeetingOut } },
    handler: (req) => submitMeeting(req.ctx, req.params.id),
  });
  app.post('/api/meetings/:id/review', {
    config: { policy: can('meeting:review', byId) },
    schema: {
      summary: '上级审核：退回补充或通过',
      params: IdParams,
      body: MeetingReviewBody,
      response: { 200: MeetingOut },
    },
    handler: (req) => reviewMeeting(req.ctx, req.params.id, req.body),
  });
  app.get('/api/meeting-templates', {
    config: { policy: can('meeting:read') },
    schema: { summary: '各类会议的记录模板', response: { 200: MeetingTemplates } },
    handler: (req) => getTemplates(req.ctx),
  });
  app.put('/api/meeting-templates/:type', {
    config: { policy: can('meeting:config') },
    schema: {
      summary: '修改会议记录模板（必填栏目）',
      params: MeetingTypeParams,
      body: MeetingTemplate,
      response: { 200: MeetingTemplate },
    },
    handler: (req) => updateTemplate(req.ctx, req.params.type, req.body),
  });
};
