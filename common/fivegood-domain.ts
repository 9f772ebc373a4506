import { z } from './zod-locale.ts';

/** Data sources an indicator may declare: the system proposes its score from the assessed year's records. */
export const DATA_SOURCES = ['first_topic', 'meeting_compliance', 'committee_term', 'org_setup', 'study_hours'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];
export const DATA_SOURCE_LABELS: Record<DataSource, string> = {
  first_topic: '第一议题学习覆盖率',
  meeting_compliance: '三会一课等组织生活合规',
  committee_term: '支委会按期换届',
  org_setup: '组织设置符合规定',
  study_hours: '党员学时达标率',
};

export const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, '标识只能用小写字母、数字和下划线，以字母开头');

export const IndicatorSchema = z.object({
  key,
  text: z.string().trim().min(2, '请填写指标内容').max(300),
  points: z.number().min(0, '分值不能为负').max(100),
  guidance: z.string().trim().max(1000).default(''),
  evidence: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  source: z.enum(DATA_SOURCES).nullable().default(null),
  /** meeting_compliance: which calendar requirements count (e.g. members_assembly) */
  sourceKeys: z.array(z.string().trim().max(60)).max(10).default([]),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const DimensionSchema = z.object({
  key,
  name: z.string().trim().min(2, '请填写维度名称').max(30),
  /** null = the rubric's default pass ratio */
  passRatio: z.number().min(0).max(1).nullable().default(null),
  indicators: z.array(IndicatorSchema).min(1, '每个维度至少一项指标').max(30),
});
export type Dimension = z.infer<typeof DimensionSchema>;

export const VetoSchema = z.object({
  key,
  text: z.string().trim().min(2).max(200),
  /** a veto that applies by itself when the satisfaction ratio is below `lt` */
  metric: z.enum(['satisfaction_ratio']).nullable().default(null),
  lt: z.number().min(0).max(1).nullable().default(null),
});

export const BonusItemSchema = z.object({
  key,
  text: z.string().trim().min(2).max(200),
  levels: z
    .array(z.object({ key, label: z.string().trim().min(1).max(30), points: z.number().min(0).max(20) }))
    .min(1)
    .max(10),
});

/** A rubric version's content: every name, point, ratio, label, veto and bonus is editable. */
export const RubricContentSchema = z
  .object({
    name: z.string().trim().min(2, '请填写评分细则名称').max(100),
    passRatio: z.number().min(0.01, '达标比例须大于0').max(1, '达标比例不能超过1'),
    labels: z.array(z.string().trim().min(1).max(20)).length(6, '须为0至5个好各设一个等次名称'),
    eligibility: z.object({
      minBranchAgeMonths: z.number().int().min(0).max(120),
      excludeFlags: z.array(z.object({ key, label: z.string().trim().min(1).max(30) })).max(10),
    }),
    dimensions: z.array(DimensionSchema).min(1, '至少一个维度').max(10),
    veto: z.object({ capGradeAt: z.number().int().min(0).max(5), conditions: z.array(VetoSchema).max(20) }),
    bonus: z.object({ maxTotal: z.number().min(0).max(50), items: z.array(BonusItemSchema).max(20) }),
    publicityWorkingDays: z.number().int().min(1).max(30).nullable().default(null),
  })
  .superRefine((r, c) => {
    const dims = new Set<string>();
    for (const d of r.dimensions) {
      if (dims.has(d.key)) c.addIssue({ code: 'custom', message: `维度标识"${d.key}"重复`, path: ['dimensions'] });
      dims.add(d.key);
    }
    const inds = r.dimensions.flatMap((d) => d.indicators.map((i) => i.key));
    const dup = inds.find((k, i) => inds.indexOf(k) !== i);
    if (dup) c.addIssue({ code: 'custom', message: `指标标识"${dup}"重复`, path: ['dimensions'] });
  });
export type RubricContent = z.infer<typeof RubricContentSchema>;

export const ASSESSMENT_STATUSES = ['ineligible', 'draft', 'submitted', 'returned', 'forwarded', 'confirmed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  ineligible: '不参评',
  draft: '支部自评中',
  submitted: '待企业党委考评',
  returned: '退回修改',
  forwarded: '待国资委审定',
  confirmed: '已审定',
};

export const CAMPAIGN_STATUSES = ['open', 'publicizing', 'named'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { open: '创建进行中', publicizing: '公示中', named: '已命名' };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const CampaignCreateSchema = z.object({
  orgId: z.string().uuid('编号格式不正确'),
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(2, '请填写活动名称').max(100),
  rubricId: z.string().uuid('请选择评分细则版本'),
  deadlines: z.object({ selfAssess: isoDate, enterpriseReview: isoDate, sasacReview: isoDate, rectify: isoDate }),
  /** branches to leave out of the campaign entirely */
  excludeOrgIds: z.array(z.string().uuid()).max(2000).default([]),
});
export type CampaignCreate = z.infer<typeof CampaignCreateSchema>;

export const EvidenceSchema = z.object({
  kind: z.enum(['file', 'record', 'link']),
  /** file id, or the record's id (meeting…), or a URL path inside the system */
  ref: z.string().trim().min(1).max(300),
  title: z.string().trim().min(1).max(200),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ScoreInputSchema = z.object({
  key: z.string().max(40),
  score: z.number().min(0).max(100),
  note: z.string().trim().max(500).default(''),
  evidence: z.array(EvidenceSchema).max(30).default([]),
});

export const SelfAssessSchema = z.object({
  scores: z.array(ScoreInputSchema).max(200),
  report: z.string().trim().max(20000).default(''),
  bonus: z
    .array(z.object({ key: z.string().max(40), level: z.string().max(40) }))
    .max(20)
    .default([]),
});
export type SelfAssess = z.infer<typeof SelfAssessSchema>;

export const ReviewSchema = z.object({
  adjustments: z
    .array(
      z.object({
        key: z.string().max(40),
        score: z.number().min(0).max(100),
        reason: z.string().trim().min(2, '调整分数须写明理由').max(500),
      }),
    )
    .max(200),
  siteVisit: z.string().trim().max(2000).default(''),
  talks: z.string().trim().max(2000).default(''),
  satisfaction: z.number().min(0, '满意度在0到1之间').max(1, '满意度在0到1之间').nullable().default(null),
  vetoes: z.array(z.string().max(40)).max(20).default([]),
  comment: z.string().trim().max(2000).default(''),
});
export type Review = z.infer<typeof ReviewSchema>;

export const ReasonSchema = z.object({ reason: z.string().trim().min(2, '请写明理由').max(1000) });

export const RectificationCreateSchema = z.object({
  orgId: z.string().uuid(),
  item: z.string().trim().min(2, '请填写整改事项').max(500),
  owner: z.string().trim().min(1, '请填写责任人').max(60),
  deadline: isoDate,
});

export const VetoEventSchema = z.object({
  orgId: z.string().uuid(),
  conditionKey: z.string().max(40),
  occurredOn: isoDate,
  reason: z.string().trim().min(2, '请写明否决事项的事实').max(1000),
});
