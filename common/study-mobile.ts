// The members' mobile study contract (/api/m/study): quizzes, reading, self-study, team classes, records (re-exported by common/study.ts).

import { QUESTION_KINDS, STUDY_FORMS, STUDY_THEMES } from './study-labels.ts';
import { z } from './zod-locale.ts';

export const MyStudyQuizzesItem = z.object({
  id: z.string(),
  title: z.string(),
  orgName: z.string(),
  timeLimitMinutes: z.number(),
  questionCount: z.number(),
  closesAt: z.string(),
  open: z.boolean(),
  attemptId: z.string().nullable(),
  score: z.number().nullable(),
  submitted: z.boolean(),
});

export const MyStudyQuizzesStartOut = z.object({
  attemptId: z.string(),
  title: z.string(),
  deadline: z.string(),
  questions: z.array(z.object({ id: z.string(), kind: z.enum(QUESTION_KINDS), stem: z.string(), options: z.array(z.string()) })),
});

export const MyStudyAttemptsSubmitBody = z.strictObject({
  answers: z.record(z.string().uuid(), z.array(z.number().int().min(0).max(7)).max(8)),
});

export const MyStudyMaterialsItem = z.object({
  id: z.string(),
  title: z.string(),
  theme: z.enum(STUDY_THEMES),
  orgName: z.string(),
  publishedAt: z.string(),
  readMinutes: z.number(),
  maxCreditMinutes: z.number(),
});

export const MyStudyMaterialsReadOut = z.object({
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
});

export const MyStudyReadingBeatBody = z.strictObject({ visible: z.boolean(), active: z.boolean() });

export const MyStudyReadingBeatOut = z.object({
  credited: z.number(),
  sessionSeconds: z.number(),
  materialSeconds: z.number(),
  capReached: z.boolean(),
});

export const MyStudySelfStudyOut = z.object({ id: z.string(), title: z.string(), occurredOn: z.string(), minutes: z.number() });

export const MyStudyTeamItem = z.object({ id: z.string(), name: z.string() });

export const MyStudyClassesOut = z.object({
  id: z.string(),
  title: z.string(),
  attendees: z.number(),
  token: z.string(),
  url: z.string(),
  checkinUntil: z.string(),
});

export const MyStudyCheckinBody = z.strictObject({ token: z.string().min(10, '签到码无效').max(300) });

export const MyStudyCheckinOut = z.object({ recordId: z.string(), title: z.string(), minutes: z.number() });

export const MyStudyRecordsItem = z.object({
  id: z.string(),
  form: z.enum(STUDY_FORMS),
  title: z.string(),
  occurredOn: z.string(),
  minutes: z.number(),
});
