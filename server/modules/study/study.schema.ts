import { QUESTION_KINDS, STUDY_FORMS, STUDY_THEMES } from '../../../common/study.ts';
import { z } from '../../../common/zod-locale.ts';

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
const RollupRow = z.object({
  orgId: z.string(),
  name: z.string(),
  members: z.number(),
  minutes: z.number(),
  hours: z.number(),
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
