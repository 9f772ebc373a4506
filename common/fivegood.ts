import { named } from './named.ts';
import { z } from './zod-locale.ts';

export * from './fivegood-domain.ts';

import {
  ASSESSMENT_STATUSES,
  CAMPAIGN_STATUSES,
  CampaignCreateSchema,
  DATA_SOURCES,
  EvidenceSchema,
  ReasonSchema,
  RectificationCreateSchema,
  ReviewSchema,
  RubricContentSchema,
  SelfAssessSchema,
  VetoEventSchema,
} from './fivegood-domain.ts';

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
