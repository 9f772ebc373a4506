// Members (党员): enums with their Chinese labels and the Zod schemas shared by the server routes and the web forms.
import { idNumberFacts, idNumberProblem, isMobilePhone } from './idcard.ts';
import { EDUCATIONS, ETHNICITIES, GENDER_LABELS, GENDERS, type Gender, MEMBER_CATEGORIES, type MemberCategory } from './member-labels.ts';
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
