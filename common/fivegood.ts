import { named } from './named.ts';
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

const key = z
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

// ---- the API contract of /api/fivegood

export const IdParams = z.object({ id: z.string().uuid('编号格式不正确') });

export const Deadlines = z.object({ selfAssess: z.string(), enterpriseReview: z.string(), sasacReview: z.string(), rectify: z.string() });

export const RubricOut = z.object({
  id: z.string(),
  version: z.number(),
  note: z.string(),
  createdAt: z.string(),
  content: RubricContentSchema,
  usedBy: z.array(z.object({ id: z.string(), name: z.string(), year: z.number() })),
});
export const RubricCreateBody = z.object({ content: RubricContentSchema, note: z.string().trim().min(2, '请说明本次修改').max(500) });
export const RubricImportBody = z.object({
  format: z.enum(['yaml', 'xlsx']),
  /** YAML text, or the xlsx file as base64 */
  data: z.string().min(10, '请选择要导入的文件').max(4_000_000, '文件过大'),
  /** xlsx carries only dimensions and indicators: the rest is taken from this version */
  baseId: z.string().uuid().optional(),
  note: z.string().trim().min(2, '请说明本次导入').max(500),
});
export const RubricExportQuery = z.object({ format: z.enum(['yaml', 'xlsx']) });

export const CampaignOut = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  name: z.string(),
  rubricId: z.string(),
  rubricVersion: z.number(),
  deadlines: Deadlines,
  status: z.enum(CAMPAIGN_STATUSES),
  publicityFrom: z.string().nullable(),
  publicityTo: z.string().nullable(),
  namedOn: z.string().nullable(),
  byStatus: z.record(z.string(), z.number()),
});

export const AssessmentListQuery = z.object({ status: z.enum(ASSESSMENT_STATUSES).optional(), orgId: z.string().uuid().optional() });
export const AssessmentRow = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  parentName: z.string().nullable(),
  status: z.enum(ASSESSMENT_STATUSES),
  statusLabel: z.string(),
  ineligibleReason: z.string().nullable(),
  proposedGrade: z.number().nullable(),
  grade: z.number().nullable(),
  total: z.number().nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
});

export const ScoreEntryOut = z.object({
  self: z.number().nullable(),
  enterprise: z.number().nullable(),
  reason: z.string(),
  note: z.string(),
  evidence: z.array(EvidenceSchema),
});
export const GradeOut = z.object({
  dimensions: z.array(
    z.object({ key: z.string(), name: z.string(), points: z.number(), score: z.number(), passRatio: z.number(), good: z.boolean() }),
  ),
  goodCount: z.number(),
  vetoes: z.array(z.object({ key: z.string(), text: z.string() })),
  grade: z.number(),
  label: z.string(),
  baseTotal: z.number(),
  bonus: z.number(),
  total: z.number(),
  reasons: z.array(z.string()),
});
export const AssessmentOut = z.object({
  id: z.string(),
  campaign: z.object({ id: z.string(), name: z.string(), year: z.number(), status: z.enum(CAMPAIGN_STATUSES), deadlines: Deadlines }),
  orgId: z.string(),
  orgName: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  statusLabel: z.string(),
  ineligibleReason: z.string().nullable(),
  rubricVersion: z.number(),
  rubric: RubricContentSchema,
  scores: z.record(z.string(), ScoreEntryOut),
  bonus: z.array(z.object({ key: z.string(), level: z.string() })),
  report: z.string(),
  siteVisit: z.string(),
  talks: z.string(),
  satisfaction: z.number().nullable(),
  vetoes: z.array(z.string()),
  reviewComment: z.string(),
  proposedGrade: z.number().nullable(),
  grade: z.number().nullable(),
  total: z.number().nullable(),
  result: GradeOut,
  history: z.array(z.object({ at: z.string(), by: z.string(), action: z.string(), from: z.string(), to: z.string(), reason: z.string() })),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  objections: z.array(
    z.object({
      id: z.string(),
      content: z.string(),
      receivedOn: z.string(),
      resolution: z.string().nullable(),
      upheld: z.boolean().nullable(),
      resolvedAt: z.string().nullable(),
    }),
  ),
});

export const ProposalOut = z.array(
  z.object({
    key: z.string(),
    source: z.enum(DATA_SOURCES),
    sourceLabel: z.string(),
    points: z.number(),
    score: z.number(),
    ratio: z.number(),
    measure: z.string(),
    evidence: z.array(z.object({ title: z.string(), link: z.string().nullable(), ok: z.boolean() })),
  }),
);

export const ConfirmBody = z.object({
  reason: z.string().trim().min(2, '请填写审定意见').max(1000),
  vetoes: z.array(z.string().max(40)).max(20).default([]),
});
export const PublicizeBody = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .optional(),
});
export const ObjectionBody = z.object({ content: z.string().trim().min(2, '请填写异议内容').max(2000) });
export const ResolveBody = z.object({ upheld: z.boolean(), resolution: z.string().trim().min(2, '请填写处理意见').max(2000) });

export const RatingQuery = z.object({
  orgId: z.string().uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  plaques: z.enum(['0', '1']).optional(),
});
export const RatingOut = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  campaignId: z.string().nullable(),
  kind: z.enum(['named', 'veto']),
  grade: z.number(),
  label: z.string(),
  previousGrade: z.number().nullable(),
  change: z.enum(['new', 'up', 'down', 'same']),
  reason: z.string(),
  plaqueNo: z.string().nullable(),
  plaqueStatus: z.enum(['active', 'revoked']).nullable(),
  revokedOn: z.string().nullable(),
  revokedReason: z.string().nullable(),
  createdAt: z.string(),
});
export const VetoOut = z.object({ id: z.string(), demoted: z.boolean(), grade: z.number().nullable() });
export const RectQuery = z.object({ orgId: z.string().uuid().optional(), status: z.enum(['open', 'closed']).optional() });
export const RectOut = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  item: z.string(),
  owner: z.string(),
  deadline: z.string(),
  status: z.enum(['open', 'closed']),
  overdue: z.boolean(),
  closeNote: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export const CloseBody = z.object({ note: z.string().trim().min(2, '请填写整改完成情况').max(2000) });

export const BoardQuery = z.object({ orgId: z.string().uuid().optional() });
export const Summary = z.object({
  branches: z.number(),
  eligible: z.number(),
  byStatus: z.record(z.string(), z.number()),
  byGrade: z.array(z.object({ grade: z.number(), label: z.string(), count: z.number() })),
  graded: z.number(),
  fiveGood: z.number(),
  fiveGoodShare: z.number().nullable(),
  overdue: z.number(),
  promotion: z.object({ base: z.number(), promoted: z.number(), ratio: z.number().nullable() }),
});
export const BoardOut = z.object({
  campaign: z.object({
    id: z.string(),
    name: z.string(),
    year: z.number(),
    status: z.enum(CAMPAIGN_STATUSES),
    deadlines: Deadlines,
    publicityTo: z.string().nullable(),
  }),
  org: z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable() }),
  totals: Summary,
  children: z.array(Summary.extend({ orgId: z.string(), name: z.string(), type: z.string() })),
  branches: z.array(
    z.object({
      id: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      enterprise: z.string().nullable(),
      status: z.enum(ASSESSMENT_STATUSES),
      statusLabel: z.string(),
      grade: z.number().nullable(),
      gradeLabel: z.string().nullable(),
      proposedGrade: z.number().nullable(),
      total: z.number().nullable(),
      deadline: z.string().nullable(),
      overdue: z.boolean(),
      previousGrade: z.number().nullable(),
    }),
  ),
});

named('fivegood', {
  AssessmentRow,
  RatingOut,
  AssessmentOut,
  BoardOut,
  CampaignCreate: CampaignCreateSchema,
  CampaignOut,
  CloseBody,
  ConfirmBody,
  ObjectionBody,
  ProposalOut,
  PublicizeBody,
  FivegoodReason: ReasonSchema,
  RectOut,
  RectificationCreate: RectificationCreateSchema,
  ResolveBody,
  AssessmentReview: ReviewSchema,
  RubricCreateBody,
  RubricImportBody,
  RubricOut,
  SelfAssess: SelfAssessSchema,
  VetoEvent: VetoEventSchema,
  VetoOut,
});

// the types the web reads (z.infer of the shared schemas)
export type RubricVersion = z.infer<typeof RubricOut>;
export type DeadlinesT = z.infer<typeof Deadlines>;
export type Campaign = z.infer<typeof CampaignOut>;
export type AssessmentRowT = z.infer<typeof AssessmentRow>;
export type ScoreEntry = z.infer<typeof ScoreEntryOut>;
export type GradeResult = z.infer<typeof GradeOut>;
export type Assessment = z.infer<typeof AssessmentOut>;
export type Proposal = z.infer<typeof ProposalOut>[number];
export type Rating = z.infer<typeof RatingOut>;
export type Rectification = z.infer<typeof RectOut>;
export type BoardSummary = z.infer<typeof Summary>;
export type Board = z.infer<typeof BoardOut>;
