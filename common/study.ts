// Theory study: the Zod schemas of the admin forms and the API, shared by server and web (not by /m: see study-labels.ts).

import { named } from './named.ts';
import { QUESTION_KINDS, RECORDED_FORMS, STUDY_FORMS, STUDY_THEMES } from './study-labels.ts';
import { z } from './zod-locale.ts';

export * from './study-labels.ts';

const id = (what: string) => z.string().uuid(`${what}编号格式不正确`);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const theme = z.enum(STUDY_THEMES, { error: '请选择学习专题' });

export const MaterialLinkSchema = z.strictObject({
  title: z.string().trim().min(1, '请填写链接标题').max(100),
  url: z
    .string()
    .trim()
    .url('链接地址格式不正确')
    .regex(/^https?:\/\//, '链接只能是 http 或 https 地址')
    .max(500),
});

export const MaterialCreateSchema = z.strictObject({
  orgId: id('组织'),
  title: z.string().trim().min(2, '请填写资料标题').max(120, '标题不能超过 120 个字'),
  theme,
  bodyHtml: z.string().max(200_000, '正文过长，请分篇发布').default(''),
  links: z.array(MaterialLinkSchema).max(20, '链接最多 20 个').default([]),
  fileIds: z.array(id('附件')).max(10, '附件最多 10 个').default([]),
  maxCreditMinutes: z.number().int().min(1, '学时上限至少 1 分钟').max(600, '学时上限不能超过 600 分钟').default(30),
});
export type MaterialCreate = z.infer<typeof MaterialCreateSchema>;
export const MaterialUpdateSchema = MaterialCreateSchema.omit({ orgId: true, fileIds: true }).partial();
export type MaterialUpdate = z.infer<typeof MaterialUpdateSchema>;

export const RecordCreateSchema = z.strictObject({
  orgId: id('组织'),
  form: z.enum(RECORDED_FORMS, { error: '请选择学习形式' }),
  title: z.string().trim().min(2, '请填写学习主题').max(120),
  theme: theme.default('other'),
  lecturer: z.string().trim().max(40).optional(),
  teamName: z.string().trim().max(60).optional(),
  occurredOn: day,
  minutes: z
    .number()
    .int()
    .min(1, '学习时长至少 1 分钟')
    .max(24 * 60, '学习时长不能超过一天'),
  span: z.enum(['full_day', 'half_day']).optional(),
  meetingId: id('会议').optional(),
  attendeeIds: z.array(id('党员')).max(2000).default([]),
});
export type RecordCreate = z.infer<typeof RecordCreateSchema>;

export const SelfStudySchema = z.strictObject({
  title: z.string().trim().min(2, '请填写学习内容').max(120),
  theme: theme.default('other'),
  materialId: id('资料').optional(),
  occurredOn: day,
  minutes: z
    .number()
    .int()
    .min(1, '学习时长至少 1 分钟')
    .max(8 * 60, '一次自学不超过 8 小时'),
  reflection: z.string().trim().min(10, '请写至少 10 个字的学习心得').max(2000, '心得不超过 2000 字'),
});
export type SelfStudy = z.infer<typeof SelfStudySchema>;

export const TeamClassSchema = z.strictObject({
  title: z.string().trim().min(2, '请填写课堂主题').max(120),
  lecturer: z.string().trim().min(1, '请填写讲课人').max(40),
  teamName: z.string().trim().min(1, '请填写班组').max(60),
  theme: theme.default('other'),
  minutes: z.number().int().min(1).max(120).default(10),
  attendeeIds: z.array(id('党员')).max(500).default([]),
});
export type TeamClass = z.infer<typeof TeamClassSchema>;

export const QuestionSchema = z
  .strictObject({
    orgId: id('组织'),
    kind: z.enum(QUESTION_KINDS, { error: '请选择题型' }),
    stem: z.string().trim().min(4, '请填写题干').max(500),
    options: z.array(z.string().trim().min(1, '选项不能为空').max(200)).min(2, '至少两个选项').max(8, '最多八个选项'),
    answer: z.array(z.number().int().min(0)).min(1, '请选择正确答案'),
    tags: z.array(theme).max(5).default([]),
    explanation: z.string().trim().max(500).optional(),
  })
  .superRefine((q, c) => {
    if (q.answer.some((a) => a >= q.options.length)) c.addIssue({ code: 'custom', path: ['answer'], message: '正确答案不在选项中' });
    if (q.kind !== 'multiple' && q.answer.length !== 1)
      c.addIssue({ code: 'custom', path: ['answer'], message: '单选题和判断题只有一个正确答案' });
    if (q.kind === 'judge' && q.options.length !== 2)
      c.addIssue({ code: 'custom', path: ['options'], message: '判断题只有"正确""错误"两个选项' });
  });
export type QuestionInput = z.infer<typeof QuestionSchema>;

export const QuizCreateSchema = z
  .strictObject({
    orgId: id('组织'),
    title: z.string().trim().min(2, '请填写测试名称').max(120),
    timeLimitMinutes: z.number().int().min(1, '答题时限至少 1 分钟').max(180, '答题时限不超过 180 分钟'),
    passScore: z.number().int().min(0).max(100).default(60),
    questionIds: z.array(id('题目')).min(1, '请至少选择一道题').max(100, '一次测试最多 100 道题'),
    opensAt: z.string().datetime({ offset: true, message: '开始时间格式不正确' }),
    closesAt: z.string().datetime({ offset: true, message: '结束时间格式不正确' }),
  })
  .refine((q) => new Date(q.closesAt) > new Date(q.opensAt), { path: ['closesAt'], message: '结束时间应晚于开始时间' });
export type QuizCreate = z.infer<typeof QuizCreateSchema>;

export const PlanCreateSchema = z.strictObject({
  orgId: id('组织'),
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4).nullable().default(null),
  title: z.string().trim().min(2, '请填写计划名称').max(120),
});
export type PlanCreate = z.infer<typeof PlanCreateSchema>;

export const PlanItemSchema = z.strictObject({
  month: z.number().int().min(1, '月份为 1—12').max(12, '月份为 1—12'),
  theme,
  form: z.enum(STUDY_FORMS, { error: '请选择学习形式' }),
  title: z.string().trim().min(2, '请填写学习内容').max(120),
  responsible: z.string().trim().max(40).optional(),
  pushed: z.boolean().default(false),
});
export type PlanItemInput = z.infer<typeof PlanItemSchema>;

export const FormRuleSchema = z.strictObject({
  counts: z.boolean(),
  rate: z.number().min(0, '折算比例不能为负').max(5, '折算比例不超过 5'),
  capHours: z.number().min(0).max(200).nullable(),
  minMinutes: z.number().int().min(0).max(600),
});
export const StudyRulesSchema = z.strictObject({
  memberHours: z.number().min(0).max(500),
  leaderHours: z.number().min(0).max(500),
  forms: z.strictObject(
    Object.fromEntries(STUDY_FORMS.map((f) => [f, FormRuleSchema])) as Record<(typeof STUDY_FORMS)[number], typeof FormRuleSchema>,
  ),
});
export type StudyRulesInput = z.infer<typeof StudyRulesSchema>;

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

export const QuestionOut = z.object({
  id: z.string(),
  orgId: z.string(),
  kind: z.enum(QUESTION_KINDS),
  stem: z.string(),
  options: z.array(z.string()),
  answer: z.array(z.number()),
  tags: z.array(z.string()),
  explanation: z.string().nullable(),
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

export const QuizOut = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  timeLimitMinutes: z.number(),
  passScore: z.number(),
  questionCount: z.number(),
  opensAt: z.string(),
  closesAt: z.string(),
  attempts: z.number(),
});

export const ReviewOut = z.object({
  attemptId: z.string(),
  title: z.string(),
  score: z.number(),
  correct: z.number(),
  total: z.number(),
  passed: z.boolean(),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(QUESTION_KINDS),
      stem: z.string(),
      options: z.array(z.string()),
      given: z.array(z.number()),
      answer: z.array(z.number()),
      right: z.boolean(),
      explanation: z.string().nullable(),
    }),
  ),
});

export const StudyQuestionsQuery = z.strictObject({
  orgId: z.string().uuid('组织编号格式不正确').optional(),
  tag: z.enum(STUDY_THEMES).optional(),
});

export const StudyQuestionsBody = z.strictObject({ active: z.boolean() });

export const StudyQuizzesQuery = z.strictObject({ orgId: z.string().uuid('组织编号格式不正确').optional() });

export const StudyQuizzesResultsOut = z.object({
  quiz: QuizOut,
  members: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      orgName: z.string(),
      score: z.number(),
      correct: z.number(),
      total: z.number(),
      submittedAt: z.string(),
    }),
  ),
  orgs: z.array(z.object({ orgId: z.string(), name: z.string(), handedIn: z.number(), passed: z.number(), average: z.number() })),
  questions: z.array(z.object({ id: z.string(), stem: z.string(), wrongRate: z.number() })),
});

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
