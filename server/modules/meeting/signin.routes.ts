import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DocxFile } from '../../../common/errors.ts';
import { IdParams, MeetingTypeParams, MyMeetingOut, SigninBody, SigninCodeOut, SigninOut } from '../../../common/meeting.ts';
import { z } from '../../../common/zod-locale.ts';
import { anyUser, can } from '../../platform/access/policy.ts';
import { sendDocx } from '../../platform/export/export.reply.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { meetingDetail } from './meeting.detail.ts';
import { blankTemplateDocx, meetingRecordDocx } from './meeting.docx.ts';
import { meetingRules } from './meeting.rules.ts';
import { loadMeeting } from './meeting-access.service.ts';
import { myMeetings, signIn, signinCode } from './signin.service.ts';
import { getTemplates } from './template.service.ts';

const byId = { in: 'params', field: 'id', resource: 'meeting' } as const;

/** Word export, the QR sign-in code, and the member-facing phone routes (/m). */
export const signinRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/meetings/:id/docx', {
    config: { policy: can('meeting:read', byId) },
    schema: { summary: '导出会议记录（Word）', params: IdParams, response: { 200: DocxFile } },
    handler: async (req, reply) => {
      const l = await loadMeeting(req.ctx, req.params.id);
      const m = await meetingDetail(req.ctx, l);
      const buf = await meetingRecordDocx(m, (await getTemplates(req.ctx))[m.type]);
      return sendDocx(reply, req.ctx, `${m.orgName}${m.title}${m.startsAt.slice(0, 10)}.docx`, buf, {
        kind: 'meeting_record',
        orgId: m.orgId,
        orgPath: l.orgPath,
      });
    },
  });
  app.get('/api/meeting-templates/:type/docx', {
    config: { policy: can('meeting:read') },
    schema: {
      summary: '下载空白会议记录模板（Word）',
      params: MeetingTypeParams,
      response: { 200: DocxFile },
    },
    handler: async (req, reply) => {
      const tpl = (await getTemplates(req.ctx))[req.params.type];
      const required = meetingRules(await rules(req.ctx)).firstItemRequiredFor.includes(req.params.type);
      const buf = await blankTemplateDocx(req.params.type, tpl, required);
      return sendDocx(reply, req.ctx, `${req.params.type}-记录模板.docx`, buf, {
        kind: 'meeting_template',
        detail: { type: req.params.type },
      });
    },
  });
  app.get('/api/meetings/:id/signin-code', {
    config: { policy: can('meeting:write', byId) },
    schema: {
      summary: '会场签到二维码内容',
      params: IdParams,
      response: { 200: SigninCodeOut },
    },
    handler: (req) => signinCode(req.ctx, req.params.id),
  });
  app.get('/api/m/meetings', {
    config: { policy: anyUser() },
    schema: {
      summary: '我的近期会议',
      response: {
        200: z.array(MyMeetingOut),
      },
    },
    handler: (req) => myMeetings(req.ctx),
  });
  app.post('/api/m/signin', {
    config: { policy: anyUser() },
    schema: {
      summary: '扫码签到',
      body: SigninBody,
      response: { 200: SigninOut },
    },
    handler: (req) => signIn(req.ctx, req.body.token),
  });
};
