// 认证 /api/auth: the API contract shared by the server routes and the web client.
import { named } from './named.ts';
import { z } from './zod-locale.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入口令').max(1024),
});

export const LoginOut = z.object({
  user: z.object({ id: z.string(), username: z.string(), name: z.string() }),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
});

export const PasswordBody = z.object({
  oldPassword: z.string().min(1, '请输入原口令').max(1024),
  newPassword: z.string().min(1, '请输入新口令').max(1024),
});

export const MeOut = z.object({
  user: z.object({ id: z.string(), username: z.string(), name: z.string(), memberId: z.string().nullable() }),
  roles: z.array(z.object({ role: z.string(), roleLabel: z.string(), orgId: z.string(), orgName: z.string() })),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
  isAdmin: z.boolean(),
  passwordExpiresAt: z.string(),
  passwordExpiryWarning: z.string().nullable(),
});

named('auth', {
  Login: LoginBody,
  LoginResult: LoginOut,
  PasswordChange: PasswordBody,
  Me: MeOut,
});

export type Me = z.infer<typeof MeOut>;
export type RoleGrant = Me['roles'][number];
export type LoginResult = z.infer<typeof LoginOut>;
