// Accounts (账号): the API contract of /api/users, shared by the server routes and the web admin pages.
import { ROLES } from './access.ts';
import { named } from './named.ts';
import { z } from './zod-locale.ts';

// ---- the API contract of /api/users

const RoleAt = z.strictObject({
  role: z.enum(ROLES, { message: '角色不正确' }),
  orgId: z.string().uuid('请选择任职组织'),
});

const username = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(64, '用户名不能超过 64 个字符')
  .refine((s) => /^[\p{L}\p{N}._@-]+$/u.test(s.normalize('NFKC')), '用户名只能包含文字、字母、数字和 . _ @ -');
const name = z.string().trim().min(1, '请填写姓名').max(50, '姓名不能超过 50 个字');
const password = z.string().min(1, '请填写初始口令').max(1024, '口令过长');

export const UserCreateSchema = z.strictObject({
  username,
  name,
  password,
  roles: z.array(RoleAt).max(50),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z.strictObject({
  name: name.optional(),
  /** replaces the roles the caller manages (at orgs in the caller's scope); roles elsewhere are kept */
  roles: z.array(RoleAt).max(50).optional(),
  disabled: z.boolean().optional(),
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

export const ResetPasswordSchema = z.strictObject({ password });

export const UserListQuery = z.strictObject({
  q: z.string().trim().max(60).optional(),
  orgId: z.string().uuid('组织编号格式不正确').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const UserIdParams = z.strictObject({ id: z.string().uuid('编号格式不正确') });

export const UserOut = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  disabled: z.boolean(),
  disabledReason: z.string().nullable(),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  roles: z.array(z.object({ role: z.enum(ROLES), roleLabel: z.string(), orgId: z.string(), orgName: z.string() })),
});
export type UserOutT = z.infer<typeof UserOut>;

export const UserPage = z.object({ items: z.array(UserOut), total: z.number() });

named('user', {
  UserResetPassword: ResetPasswordSchema,
  UserCreate: UserCreateSchema,
  UserOut,
  UserPage,
  UserUpdate: UserUpdateSchema,
});

export type UserRow = z.infer<typeof UserOut>;
export type UserPageT = z.infer<typeof UserPage>;
export type RoleAtT = z.infer<typeof RoleAt>;

export type UserQuery = z.infer<typeof UserListQuery>;
