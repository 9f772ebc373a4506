import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AnyFile } from '../../../common/errors.ts';
import { SelfStudySchema, STUDY_FORMS, STUDY_THEMES, TeamClassSchema } from '../../../common/study.ts';
import { z } from '../../../common/zod-locale.ts';
import { anyUser } from '../../platform/access/policy.ts';
import { cstDate } from '../../platform/clock.ts';
import { sendFile } from '../../platform/files/files.reply.ts';
import { checkIn, logSelfStudy, myRecords, myTeamMembers, recordTeamClass } from './class.service.ts';
import { myHours } from './hours.service.ts';
import { myMaterialFile, myMaterials, readingBeat, startReading } from './reading.service.ts';
import { IdParams, MyHoursOut, YearQuery } from './study.schema.ts';

const tags = ['党员手机端'];
const me = anyUser();

/** 指尖课堂: the member's own study routes (/m); each acts only on the caller's own member record. */
export const mobileStudyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/m/study/materials', {
    config: { policy: me },
    schema: {
      tags,
      summary: '面向我的学习资料',
      response: {
        200: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            theme: z.enum(STUDY_THEMES),
            orgName: z.string(),
            publishedAt: z.string(),
            readMinutes: z.number(),
            maxCreditMinutes: z.number(),
          }),
        ),
      },
    },
    handler: (req) => myMaterials(req.ctx),
  });
  app.post('/api/m/study/materials/:id/read', {
    config: { policy: me },
    schema: {
      tags,
      summary: '打开学习资料并开始计时',
      params: IdParams,
      response: {
        200: z.object({
          sessionId: z.string(),
          beatSeconds: z.number(),
          readSeconds: z.number(),
          material: z.object({
            id: z.string(),
            title: z.string(),
            theme: z.enum(STUDY_THEMES),
            orgName: z.string(),
            bodyHtml: z.string(),
            links: z.array(z.object({ title: z.string(), url: z.string() })),
            files: z.array(z.object({ id: z.string(), name: z.string(), size: z.number() })),
            publishedAt: z.string(),
            maxCreditMinutes: z.number(),
          }),
        }),
      },
    },
    handler: (req) => startReading(req.ctx, req.params.id),
  });
  app.get('/api/m/study/materials/:id/files/:fileId', {
    config: { policy: me },
    schema: {
      tags,
      summary: '下载学习资料的附件',
      params: IdParams.extend({ fileId: z.string().uuid('编号格式不正确') }),
      response: { 200: AnyFile },
    },
    handler: async (req, reply) => sendFile(reply, await myMaterialFile(req.ctx, req.params.id, req.params.fileId)),
  });
  app.post('/api/m/study/reading/:id/beat', {
    config: { policy: me },
    schema: {
      tags,
      summary: '阅读计时心跳（页面可见且有操作时计时）',
      params: IdParams,
      body: z.strictObject({ visible: z.boolean(), active: z.boolean() }),
      response: {
        200: z.object({ credited: z.number(), sessionSeconds: z.number(), materialSeconds: z.number(), capReached: z.boolean() }),
      },
    },
    handler: (req) => readingBeat(req.ctx, req.params.id, req.body),
  });
  app.post('/api/m/study/self-study', {
    config: { policy: me },
    schema: {
      tags,
      summary: '登记自学（附学习心得）',
      body: SelfStudySchema,
      response: { 201: z.object({ id: z.string(), title: z.string(), occurredOn: z.string(), minutes: z.number() }) },
    },
    handler: async (req, reply) => reply.code(201).send(await logSelfStudy(req.ctx, req.body)),
  });
  app.get('/api/m/study/team', {
    config: { policy: me },
    schema: {
      tags,
      summary: '本支部党员（班组课堂勾选参加人员）',
      response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) },
    },
    handler: (req) => myTeamMembers(req.ctx),
  });
  app.post('/api/m/study/classes', {
    config: { policy: me },
    schema: {
      tags,
      summary: '记录班组10分钟课堂',
      body: TeamClassSchema,
      response: {
        201: z.object({
          id: z.string(),
          title: z.string(),
          attendees: z.number(),
          token: z.string(),
          url: z.string(),
          checkinUntil: z.string(),
        }),
      },
    },
    handler: async (req, reply) => reply.code(201).send(await recordTeamClass(req.ctx, req.body)),
  });
  app.post('/api/m/study/checkin', {
    config: { policy: me },
    schema: {
      tags,
      summary: '扫码参加班组课堂',
      body: z.strictObject({ token: z.string().min(10, '签到码无效').max(300) }),
      response: { 200: z.object({ recordId: z.string(), title: z.string(), minutes: z.number() }) },
    },
    handler: (req) => checkIn(req.ctx, req.body.token),
  });
  app.get('/api/m/study/hours', {
    config: { policy: me },
    schema: { tags, summary: '我的学时', querystring: YearQuery, response: { 200: MyHoursOut } },
    handler: (req) => myHours(req.ctx, req.query.year ?? Number(cstDate(req.ctx.now).slice(0, 4))),
  });
  app.get('/api/m/study/records', {
    config: { policy: me },
    schema: {
      tags,
      summary: '我的学习记录',
      querystring: YearQuery,
      response: {
        200: z.array(
          z.object({ id: z.string(), form: z.enum(STUDY_FORMS), title: z.string(), occurredOn: z.string(), minutes: z.number() }),
        ),
      },
    },
    handler: (req) => myRecords(req.ctx, req.query.year ?? Number(cstDate(req.ctx.now).slice(0, 4))),
  });
};
