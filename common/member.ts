// Members (党员): enums with their Chinese labels and the Zod schemas shared by the server routes and the web forms.
import { idNumberFacts, idNumberProblem, isMobilePhone } from './idcard.ts';
import {
  EDUCATIONS,
  ETHNICITIES,
  GENDER_LABELS,
  GENDERS,
  type Gender,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  type MemberCategory,
} from './member-labels.ts';
import { named } from './named.ts';
import { z } from './zod-locale.ts';

export * from './member-labels.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const memberName = z
  .string()
  .trim()
  .min(2, '姓名至少 2 个字')
  .max(30, '姓名不能超过 30 个字')
  .regex(/^[\p{Script=Han}A-Za-z·.\s]+$/u, '姓名只能包含汉字、字母和间隔号');
const phone = z
  .string()
  .trim()
  .refine((p) => isMobilePhone(p), '手机号码应为 11 位大陆手机号');
const idNumber = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .superRefine((s, c) => {
    const p = idNumberProblem(s);
    if (p) c.addIssue({ code: 'custom', message: p });
  });

const fields = {
  orgId: z.string().uuid('请选择所在党支部'),
  name: memberName,
  gender: z.enum(GENDERS, { message: '请选择性别' }),
  ethnicity: z.enum(ETHNICITIES, { message: '请选择民族' }),
  birthDate: date,
  education: z.enum(EDUCATIONS, { message: '请选择学历' }).nullish(),
  idNumber,
  phone: phone.nullish(),
  category: z.enum(MEMBER_CATEGORIES, { message: '请选择人员类别' }),
  joinedOn: date,
  fullMemberOn: date.nullish(),
  position: z.string().trim().max(30, '党内职务不能超过 30 个字').nullish(),
};

type Facts = {
  idNumber?: string;
  birthDate?: string;
  gender?: Gender;
  category?: MemberCategory;
  joinedOn?: string;
  fullMemberOn?: string | null;
};

/** Cross-field rules (Chinese messages naming the field to fix); shared by forms, the API and the import. */
export function memberFactProblems(m: Facts): { field: keyof Facts; message: string }[] {
  const out: { field: keyof Facts; message: string }[] = [];
  if (m.idNumber && !idNumberProblem(m.idNumber)) {
    const f = idNumberFacts(m.idNumber);
    if (m.birthDate && m.birthDate !== f.birthDate)
      out.push({ field: 'birthDate', message: `出生日期与公民身份号码不一致（号码中为 ${f.birthDate}）` });
    if (m.gender && m.gender !== f.gender)
      out.push({ field: 'gender', message: `性别与公民身份号码不一致（号码中为${GENDER_LABELS[f.gender]}）` });
  }
  if (m.birthDate && m.joinedOn && m.joinedOn < addYears(m.birthDate, 18))
    out.push({ field: 'joinedOn', message: '入党时应年满 18 岁，请核对入党日期' });
  if (m.category === 'full' && !m.fullMemberOn) out.push({ field: 'fullMemberOn', message: '正式党员请填写转为正式党员日期' });
  if (m.category === 'probationary' && m.fullMemberOn) out.push({ field: 'fullMemberOn', message: '预备党员不应填写转为正式党员日期' });
  if (m.joinedOn && m.fullMemberOn && m.fullMemberOn < m.joinedOn)
    out.push({ field: 'fullMemberOn', message: '转为正式党员日期不能早于入党日期' });
  return out;
}

/** YYYY-MM-DD plus whole years (29 Feb → 28 Feb). */
export function addYears(d: string, years: number): string {
  return addMonths(d, years * 12);
}

/** YYYY-MM-DD plus whole months, clamped to the month's last day. */
export function addMonths(d: string, months: number): string {
  const [y, m, day] = d.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** Each field's own rule (no cross-field rules): the import checks every cell with these. */
export const MemberFieldsSchema = z.strictObject(fields);

/** Dates of a member record that may not lie after `today` (YYYY-MM-DD); shared by the API and the import. */
export function futureDateProblems(m: Pick<Facts, 'birthDate' | 'joinedOn' | 'fullMemberOn'>, today: string) {
  const labels = { birthDate: '出生日期', joinedOn: '入党日期', fullMemberOn: '转为正式党员日期' } as const;
  return (['birthDate', 'joinedOn', 'fullMemberOn'] as const).flatMap((field) => {
    const v = m[field];
    return v && v > today ? [{ field, message: `${labels[field]}不能晚于今天` }] : [];
  });
}

/** Form and API body for registering a member. */
export const MemberCreateSchema = MemberFieldsSchema.superRefine((m, c) => {
  for (const p of memberFactProblems(m)) c.addIssue({ code: 'custom', path: [p.field], message: p.message });
});
export type MemberCreate = z.infer<typeof MemberCreateSchema>;

/** Editing a member; moving to another org is a transfer (组织关系转接), not an edit. */
export const MemberUpdateSchema = z.strictObject(fields).omit({ orgId: true }).extend({ version: z.number().int() }).partial();
export type MemberUpdate = z.infer<typeof MemberUpdateSchema>;

/** What a member may correct in their own profile (approved by the branch secretary). */
export const SelfCorrectionSchema = z
  .strictObject({
    name: memberName.optional(),
    ethnicity: fields.ethnicity.optional(),
    education: z.enum(EDUCATIONS, { message: '请选择学历' }).optional(),
    phone: phone.optional(),
    position: fields.position.unwrap().unwrap().optional(),
    reason: z.string().trim().min(2, '请说明更正原因').max(200, '更正原因不能超过 200 个字'),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'reason'), '请至少填写一项需要更正的内容');
export type SelfCorrection = z.infer<typeof SelfCorrectionSchema>;

/** Looks like an ID or phone number: such values never travel in URLs, the list's `q` refuses them. */
export const looksLikePii = (q: string) => /\d{6,}/.test(q.replace(/\s/g, ''));

// ---- the API contract of /api/members, /api/me/member (server routes and the web client both use these)

/** A member as every response shows it: `idNumber` and `phone` always masked. */
export const MemberOut = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS),
  ethnicity: z.string(),
  birthDate: z.string(),
  education: z.string().nullable(),
  idNumber: z.string(),
  phone: z.string().nullable(),
  category: z.enum(MEMBER_CATEGORIES),
  joinedOn: z.string(),
  fullMemberOn: z.string().nullable(),
  /** probationary members: the date their one-year probation ends (入党日期 + 预备期 from the rule table) */
  probationDueOn: z.string().nullable(),
  position: z.string().nullable(),
  status: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});
export type MemberOutT = z.infer<typeof MemberOut>;
export type Member = MemberOutT;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const MemberListQuery = z.strictObject({
  orgId: z.string().uuid('组织编号格式不正确').optional(),
  q: z.string().trim().max(30, '搜索内容不能超过 30 个字').optional(),
  category: z.enum(MEMBER_CATEGORIES).optional(),
  gender: z.enum(GENDERS).optional(),
  ethnicity: z.enum(ETHNICITIES).optional(),
  education: z.enum(EDUCATIONS).optional(),
  ageMin: int(0, 150).optional(),
  ageMax: int(0, 150).optional(),
  standingMin: int(0, 120).optional(),
  standingMax: int(0, 120).optional(),
  status: z.enum([...MEMBER_STATUSES, 'all']).optional(),
  sort: z.enum(['name', 'birthDate', 'joinedOn', 'fullMemberOn', 'updatedAt']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  page: int(1, 100_000).optional(),
  pageSize: int(1, 200).optional(),
});
export type MemberListQueryT = z.infer<typeof MemberListQuery>;

export const MemberPage = z.object({ items: z.array(MemberOut), total: z.number() });
export type MemberPage = z.infer<typeof MemberPage>;
export const IdParams = z.strictObject({ id: z.string().uuid('编号格式不正确') });
export const LookupBody = z.strictObject({ idNumber: z.string().trim().min(1, '请输入公民身份号码').max(18, '公民身份号码为 18 位') });
export const UnmaskOut = z.object({ idNumber: z.string(), phone: z.string().nullable() });
export type MemberUnmasked = z.infer<typeof UnmaskOut>;

export const HistoryOut = z.array(
  z.object({
    at: z.string(),
    action: z.string(),
    actionLabel: z.string(),
    by: z.string().nullable(),
    changes: z.array(z.object({ field: z.string(), label: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  }),
);

export const ChangeOut = z.object({ field: z.string(), label: z.string(), from: z.string().nullable(), to: z.string().nullable() });
export type Change = z.infer<typeof ChangeOut>;
export type HistoryEntry = z.infer<typeof HistoryOut>[number];

/** A member's correction request (更正申请) and its review. */
export const CorrectionOut = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  changes: z.array(ChangeOut),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type Correction = z.infer<typeof CorrectionOut>;
export const MyProfileOut = z.object({ member: MemberOut, requests: z.array(CorrectionOut) });
export type MyProfile = z.infer<typeof MyProfileOut>;
export const CorrectionListQuery = z.strictObject({
  orgId: z.string().uuid('组织编号格式不正确').optional(),
  status: z.enum(['pending', 'approved', 'rejected']).optional(),
});
export const CorrectionDecisionBody = z.strictObject({ note: z.string().trim().max(200, '审核意见不能超过 200 个字').optional() });
export const CorrectionRejectBody = z.strictObject({
  note: z.string().trim().min(2, '请填写不通过的原因').max(200, '审核意见不能超过 200 个字'),
});

/** 开通账号 of a member's phone-app account. */
export const MemberAccountBody = z.strictObject({
  username: z
    .string()
    .trim()
    .min(2, '用户名至少 2 个字符')
    .max(64, '用户名不能超过 64 个字符')
    .refine((s) => /^[\p{L}\p{N}._@-]+$/u.test(s.normalize('NFKC')), '用户名只能包含文字、字母、数字和 . _ @ -'),
});
export const MemberAccountOut = z
  .object({ userId: z.string(), username: z.string(), disabled: z.boolean(), lastLoginAt: z.string().nullable() })
  .nullable();
export type MemberAccount = NonNullable<z.infer<typeof MemberAccountOut>>;
export const OneTimePasswordOut = z.object({ userId: z.string(), username: z.string(), initialPassword: z.string() });
export type OneTimePassword = z.infer<typeof OneTimePasswordOut>;

export const MemberExportQuery = MemberListQuery.omit({ page: true, pageSize: true, sort: true, order: true }).extend({
  unmask: z.enum(['0', '1']).optional(),
});
export const ImportResultOut = z.object({ imported: z.number(), created: z.number(), updated: z.number() });
export type ImportResult = z.infer<typeof ImportResultOut>;
export type ImportError = { row: number; column: string; message: string };

named('member', {
  MemberCreate: MemberCreateSchema,
  MemberUpdate: MemberUpdateSchema,
  SelfCorrection: SelfCorrectionSchema,
  Member: MemberOut,
  MemberPage,
  MemberLookup: LookupBody,
  MemberUnmasked: UnmaskOut,
  MemberHistory: HistoryOut,
  Correction: CorrectionOut,
  MyProfile: MyProfileOut,
  CorrectionDecision: CorrectionDecisionBody,
  CorrectionReject: CorrectionRejectBody,
  MemberAccountCreate: MemberAccountBody,
  MemberAccount: MemberAccountOut,
  OneTimePassword: OneTimePasswordOut,
  ImportResult: ImportResultOut,
});
