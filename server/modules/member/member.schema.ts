import { EDUCATIONS, ETHNICITIES, GENDERS, MEMBER_CATEGORIES, MEMBER_STATUSES } from '../../../common/member.ts';
import { z } from '../../../common/zod-locale.ts';

export { MemberCreateSchema, MemberUpdateSchema, SelfCorrectionSchema } from '../../../common/member.ts';

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
export const IdParams = z.strictObject({ id: z.string().uuid('编号格式不正确') });
export const LookupBody = z.strictObject({ idNumber: z.string().trim().min(1, '请输入公民身份号码').max(18, '公民身份号码为 18 位') });
export const UnmaskOut = z.object({ idNumber: z.string(), phone: z.string().nullable() });

export const HistoryOut = z.array(
  z.object({
    at: z.string(),
    action: z.string(),
    actionLabel: z.string(),
    by: z.string().nullable(),
    changes: z.array(z.object({ field: z.string(), label: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  }),
);
