import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AnyFile } from '../../../common/errors.ts';
import {
  IdParams,
  MyHoursOut,
  MyStudyCheckinBody,
  MyStudyCheckinOut,
  MyStudyClassesOut,
  MyStudyMaterialsItem,
  MyStudyMaterialsReadOut,
  MyStudyReadingBeatBody,
  MyStudyReadingBeatOut,
  MyStudyRecordsItem,
  MyStudySelfStudyOut,
  MyStudyTeamItem,
  SelfStudySchema,
  TeamClassSchema,
  YearQuery,
} from '../../../common/study.ts';
import { z } from '../../../common/zod-locale.ts';
import { anyUser } from '../../platform/access/policy.ts';
import { cstDate } from '../../platform/clock.ts';
import { sendFile } from '../../platform/files/files.reply.ts';
import { checkIn, logSelfStudy, myRecords, myTeamMembers, recordTeamClass } from './class.service.ts';
import { myHours } from './hours.service.ts';
import { myMaterialFile, myMaterials, readingBeat, startReading } from './reading.service.ts';

const me = anyUser();

/** 指尖课堂: the member's own study routes (/m); each acts only on the caller's own member record. */
export const mobileStudyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/m/study/materials', {
    config: { policy: me },
    schema: {
      summary: '面向我的学习资料',
      response: {
        200: z.array(MyStudyMaterialsItem),
      },
    },
    handler: (req) => myMaterials(req.ctx),
  });
  app.post('/api/m/study/materials/:id/read', {
    config: { policy: me },
    schema: {
      summary: '打开学习资料并开始计时',
      params: IdParams,
      response: {
        200: MyStudyMaterialsReadOut,
      },
    },
    handler: (req) => startReading(req.ctx, req.params.id),
  });
  app.get('/api/m/study/materials/:id/files/:fileId', {
    config: { policy: me },
    schema: {
      summary: '下载学习资料的附件',
      params: IdParams.extend({ fileId: z.string().uuid('编号格式不正确') }),
      response: { 200: AnyFile },
    },
    handler: async (req, reply) => sendFile(reply, await myMaterialFile(req.ctx, req.params.id, req.params.fileId)),
  });
  app.post('/api/m/study/reading/:id/beat', {
    config: { policy: me },
    schema: {
      summary: '阅读计时心跳（页面可见且有操作时计时）',
      params: IdParams,
      body: MyStudyReadingBeatBody,
      response: {
        200: MyStudyReadingBeatOut,
      },
    },
    handler: (req) => readingBeat(req.ctx, req.params.id, req.body),
  });
  app.post('/api/m/study/self-study', {
    config: { policy: me },
    schema: {
      summary: '登记自学（附学习心得）',
      body: SelfStudySchema,
      response: { 201: MyStudySelfStudyOut },
    },
    handler: async (req, reply) => reply.code(201).send(await logSelfStudy(req.ctx, req.body)),
  });
  app.get('/api/m/study/team', {
    config: { policy: me },
    schema: {
      summary: '本支部党员（班组课堂勾选参加人员）',
      response: { 200: z.array(MyStudyTeamItem) },
    },
    handler: (req) => myTeamMembers(req.ctx),
  });
  app.post('/api/m/study/classes', {
    config: { policy: me },
    schema: {
      summary: '记录班组10分钟课堂',
      body: TeamClassSchema,
      response: {
        201: MyStudyClassesOut,
      },
    },
    handler: async (req, reply) => reply.code(201).send(await recordTeamClass(req.ctx, req.body)),
  });
  app.post('/api/m/study/checkin', {
    config: { policy: me },
    schema: {
      summary: '扫码参加班组课堂',
      body: MyStudyCheckinBody,
      response: { 200: MyStudyCheckinOut },
    },
    handler: (req) => checkIn(req.ctx, req.body.token),
  });
  app.get('/api/m/study/hours', {
    config: { policy: me },
    schema: { summary: '我的学时', querystring: YearQuery, response: { 200: MyHoursOut } },
    handler: (req) => myHours(req.ctx, req.query.year ?? Number(cstDate(req.ctx.now).slice(0, 4))),
  });
  app.get('/api/m/study/records', {
    config: { policy: me },
    schema: {
      summary: '我的学习记录',
      querystring: YearQuery,
      response: {
        200: z.array(MyStudyRecordsItem),
      },
    },
    handler: (req) => myRecords(req.ctx, req.query.year ?? Number(cstDate(req.ctx.now).slice(0, 4))),
  });
};
