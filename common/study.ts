import { named } from './named.ts';
import { z } from './zod-locale.ts';

export * from './study-domain.ts';
export * from './study-mobile.ts';
export * from './study-quiz.ts';

import { STUDY_FORMS, STUDY_THEMES } from './study-labels.ts';
import {
  MyStudyAttemptsSubmitBody,
  MyStudyCheckinBody,
  MyStudyCheckinOut,
  MyStudyClassesOut,
  MyStudyMaterialsItem,
  MyStudyMaterialsReadOut,
  MyStudyQuizzesItem,
  MyStudyQuizzesStartOut,
  MyStudyReadingBeatBody,
  MyStudyReadingBeatOut,
  MyStudyRecordsItem,
  MyStudySelfStudyOut,
  MyStudyTeamItem,
} from './study-mobile.ts';
import { QuestionOut, QuizOut, ReviewOut, StudyQuestionsBody, StudyQuizzesResultsOut } from './study-quiz.ts';

export * from './study-labels.ts';

import {
  MaterialCreateSchema,
  MaterialUpdateSchema,
  PlanCreateSchema,
  PlanItemSchema,
  QuestionSchema,
  QuizCreateSchema,
  RecordCreateSchema,
  SelfStudySchema,
  StudyRulesSchema,
  TeamClassSchema,
} from './study-domain.ts';

// ---- the API contract of /api/study and /api/m/study

export const IdParams = z.object({ id: z.string().uuid('编号格式不正确') });
export const Year = z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确');
const orgIdOpt = z.string().uuid('组织编号格式不正确').optional();

export const MaterialListQuery = z.strictObject({ orgId: orgIdOpt, theme: z.enum(STUDY_THEMES).optional() });
export const RecordListQuery = z.strictObject({ orgId: orgIdOpt, year: Year.optional(), form: z.enum(STUDY_FORMS).optional() });
export const HoursQuery = z.strictObject({
  orgId: z.string().uuid('组织编号格式不正确'),
  year: Year,
  /** judge the pace at the end of this month (default: the current month, December for past years) */
  month: z.coerce.number().int().min(1, '月份为 1—12').max(12, '月份为 1—12').optional(),
  behindOnly: z.enum(['0', '1']).optional(),
});
export const RollupQuery = z.strictObject({ orgId: z.string().uuid('组织编号格式不正确'), year: Year });
export const YearQuery = z.strictObject({ year: Year.optional() });

const FileOut = z.object({ id: z.string(), name: z.string(), size: z.number() });
const LinkOut = z.object({ title: z.string(), url: z.string() });
export const MaterialOut = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  theme: z.enum(STUDY_THEMES),
  bodyHtml: z.string(),
  links: z.array(LinkOut),
  maxCreditMinutes: z.number(),
  topicId: z.string().nullable(),
  status: z.enum(['published', 'withdrawn']),
  publishedAt: z.string(),
  files: z.array(FileOut),
});
export const MaterialListOut = z.array(MaterialOut.omit({ files: true }).extend({ summary: z.string() }));

export const RecordOut = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  form: z.enum(STUDY_FORMS),
  title: z.string(),
  theme: z.enum(STUDY_THEMES),
  lecturer: z.string().nullable(),
  teamName: z.string().nullable(),
  occurredOn: z.string(),
  minutes: z.number(),
  span: z.enum(['full_day', 'half_day']).nullable(),
  meetingId: z.string().nullable(),
  reflection: z.string().nullable(),
  attendees: z.number(),
});
export const RecordDetailOut = RecordOut.extend({
  people: z.array(z.object({ memberId: z.string(), name: z.string(), via: z.enum(['list', 'qr', 'self', 'meeting']) })),
});

const ByForm = z.object(Object.fromEntries(STUDY_FORMS.map((f) => [f, z.number()])) as Record<(typeof STUDY_FORMS)[number], z.ZodNumber>);
export const HoursRowOut = z.object({
  memberId: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  leader: z.boolean(),
  requiredHours: z.number(),
  hours: z.number(),
  minutes: z.number(),
  byForm: ByForm,
  monthly: z.array(z.number()),
  met: z.boolean(),
  missingCentralized: z.boolean(),
  behind: z.boolean(),
});
export const OrgHoursOut = z.object({
  year: z.number(),
  asOfMonth: z.number(),
  total: z.number(),
  metCount: z.number(),
  behindCount: z.number(),
  rows: z.array(HoursRowOut),
});
export const MyHoursOut = HoursRowOut.extend({ year: z.number(), paceHours: z.number() });
export const RollupRow = z.object({
  orgId: z.string(),
  name: z.string(),
  members: z.number(),
  minutes: z.number(),
  hours: z.number(),
  /** 人均学时 (null without members): the fact study.credited_hours_per_member */
  perMember: z.number().nullable(),
  metCount: z.number(),
  behindCount: z.number(),
});
export const RollupOut = z.object({ year: z.number(), org: RollupRow, direct: RollupRow, children: z.array(RollupRow) });

const FormRuleOut = z.object({
  name: z.string(),
  counts: z.boolean(),
  rate: z.number(),
  capHours: z.number().nullable(),
  minMinutes: z.number(),
});
export const StudyRulesOut = z.object({
  memberHours: z.number(),
  leaderHours: z.number(),
  leaderMinCentralized: z.number(),
  forms: z.record(z.string(), FormRuleOut),
});

export const StudyMaterialsFromTopicBody = z.strictObject({ topicId: z.string().uuid('议题编号格式不正确') });

export const PlanOut = z.object({ id: z.string(), title: z.string(), quarter: z.number().nullable() });

export const StudyPlansQuery = z.strictObject({ orgId: z.string().uuid('组织编号格式不正确'), year: Year });

export const StudyPlansOut = z.object({
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
});

export const StudyPlansItemsOut = z.object({ id: z.string() });

named('study', {
  MaterialCreate: MaterialCreateSchema,
  MaterialListOut,
  MaterialOut,
  MaterialUpdate: MaterialUpdateSchema,
  MyHoursOut,
  MyStudyAttemptsSubmitBody,
  MyStudyCheckinBody,
  MyStudyCheckinOut,
  MyStudyClassesOut,
  MyStudyMaterialsItem,
  MyStudyMaterialsReadOut,
  MyStudyQuizzesItem,
  MyStudyQuizzesStartOut,
  MyStudyReadingBeatBody,
  MyStudyReadingBeatOut,
  MyStudyRecordsItem,
  MyStudySelfStudyOut,
  MyStudyTeamItem,
  OrgHoursOut,
  PlanCreate: PlanCreateSchema,
  PlanItem: PlanItemSchema,
  PlanOut,
  QuestionOut,
  Question: QuestionSchema,
  QuizCreate: QuizCreateSchema,
  QuizOut,
  RecordCreate: RecordCreateSchema,
  RecordDetailOut,
  RecordOut,
  QuizReviewOut: ReviewOut,
  RollupOut,
  SelfStudy: SelfStudySchema,
  StudyMaterialsFromTopicBody,
  StudyPlansItemsOut,
  StudyPlansOut,
  StudyQuestionsBody,
  StudyQuizzesResultsOut,
  StudyRulesOut,
  StudyRules: StudyRulesSchema,
  TeamClass: TeamClassSchema,
});

// the types the web reads (z.infer of the shared schemas)
export type HoursRow = z.infer<typeof HoursRowOut>;
export type OrgHours = z.infer<typeof OrgHoursOut>;
export type RollupRowT = z.infer<typeof RollupRow>;
export type Rollup = z.infer<typeof RollupOut>;
export type MaterialListRow = z.infer<typeof MaterialListOut>[number];
export type PlanView = z.infer<typeof StudyPlansOut>;
export type Question = z.infer<typeof QuestionOut>;
export type Quiz = z.infer<typeof QuizOut>;
export type QuizResults = z.infer<typeof StudyQuizzesResultsOut>;
export type StudyRecord = z.infer<typeof RecordOut>;
export type StudyRules = z.infer<typeof StudyRulesOut>;
export type MyHours = z.infer<typeof MyHoursOut>;
export type MyMaterial = z.infer<typeof MyStudyMaterialsItem>;
export type MyQuiz = z.infer<typeof MyStudyQuizzesItem>;
export type StartedQuiz = z.infer<typeof MyStudyQuizzesStartOut>;
export type MyQuestion = StartedQuiz['questions'][number];
export type QuizReview = z.infer<typeof ReviewOut>;
export type OpenedMaterial = z.infer<typeof MyStudyMaterialsReadOut>;
export type ReadingBeat = z.infer<typeof MyStudyReadingBeatOut>;
export type RecordedClass = z.infer<typeof MyStudyClassesOut>;

export type SelfStudyResult = z.infer<typeof MyStudySelfStudyOut>;
export type CheckinResult = z.infer<typeof MyStudyCheckinOut>;
