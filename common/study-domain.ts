// Theory study: the Zod schemas of the admin forms and the API, shared by server and web (not by /m: see study-labels.ts).
import { QUESTION_KINDS, RECORDED_FORMS, STUDY_FORMS, STUDY_THEMES } from './study-labels.ts';
import { z } from './zod-locale.ts';

export const id = (what: string) => z.string().uuid(`${what}编号格式不正确`);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const theme = z.enum(STUDY_THEMES, { error: '请选择学习专题' });

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
