import { eq } from 'drizzle-orm';
import { ROLE_LABELS } from '../../../common/access.ts';
import { isAdminRoleSet, loadRoles } from '../access/actor.ts';
import { audit, auditAlone } from '../audit/audit.service.ts';
import { days, minutes } from '../clock.ts';
import { type Ctx, withTx } from '../context.ts';
import { AppError } from '../errors.ts';
import { loginFailures } from './auth.table.ts';
import type { IpThrottle } from './ip-throttle.ts';
import { normalizeUsername } from './password.rules.ts';
import { dummyPasswordHash, passwordExpiresAt, securityPolicy, setPassword, verifyPassword } from './password.service.ts';
import { createSession, destroyUserSessions, type ResolvedSession } from './session.service.ts';
import { users } from './user.table.ts';

const INVALID = () => new AppError('INVALID_CREDENTIALS', '用户名或口令错误');

/**
 * 等保 身份鉴别 b: unknown user and wrong password answer alike (a hash is verified either way); consecutive
 * failures per normalised name lock it for the policy's minutes; the per-IP throttle counts failures.
 */
export async function login(ctx: Ctx, input: { username: string; password: string; userAgent?: string }, throttle: IpThrottle) {
  const ip = ctx.ip ?? 'unknown';
  throttle.check(ip, ctx.now);
  const norm = normalizeUsername(input.username);
  const policy = await securityPolicy(ctx.db);
  const [fail] = await ctx.db.select().from(loginFailures).where(eq(loginFailures.usernameNorm, norm));
  if (fail?.lockedUntil && fail.lockedUntil > ctx.now) {
    await auditAlone(ctx, { action: 'auth.login', result: 'failure', username: input.username, detail: { reason: 'locked' } });
    const mins = Math.ceil((fail.lockedUntil.getTime() - ctx.now.getTime()) / 60_000);
    throw new AppError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请 ${mins} 分钟后再试或联系管理员解锁`);
  }
  const [user] = await ctx.db.select().from(users).where(eq(users.usernameNorm, norm));
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await dummyPasswordHash(), input.password);
  if (!ok || !user) {
    throttle.fail(ip, ctx.now);
    const count = fail && ctx.now.getTime() - fail.lastFailedAt.getTime() < days(1) ? fail.count + 1 : 1;
    const lockedUntil = count >= policy.lockoutThreshold ? new Date(ctx.now.getTime() + minutes(policy.lockoutMinutes)) : null;
    await withTx(ctx, async (tx) => {
      await tx.db
        .insert(loginFailures)
        .values({ usernameNorm: norm, count, lastFailedAt: ctx.now, lockedUntil })
        .onConflictDoUpdate({ target: loginFailures.usernameNorm, set: { count, lastFailedAt: ctx.now, lockedUntil } });
      await audit(tx, {
        action: 'auth.login',
        result: 'failure',
        username: input.username,
        objectType: 'user',
        objectId: user?.id ?? null,
        detail: { reason: 'bad_credentials', consecutive: count, locked: Boolean(lockedUntil) },
      });
    });
    throw INVALID();
  }
  if (user.disabled) {
    await auditAlone(ctx, {
      action: 'auth.login',
      result: 'failure',
      username: input.username,
      objectType: 'user',
      objectId: user.id,
      detail: { reason: 'disabled' },
    });
    throw new AppError('ACCOUNT_DISABLED', '账号已停用，请联系系统管理员');
  }
  const expired = passwordExpiresAt(user.passwordChangedAt, policy) <= ctx.now;
  return withTx(ctx, async (tx) => {
    if (fail) await tx.db.delete(loginFailures).where(eq(loginFailures.usernameNorm, norm));
    await tx.db.update(users).set({ lastLoginAt: ctx.now }).where(eq(users.id, user.id));
    const s = await createSession(tx.db, { userId: user.id, now: ctx.now, ip: ctx.ip, userAgent: input.userAgent });
    await audit(tx, { action: 'auth.login', username: user.username, objectType: 'user', objectId: user.id });
    return {
      token: s.token,
      body: {
        user: { id: user.id, username: user.username, name: user.name },
        mustChangePassword: user.mustChangePassword || expired,
        csrfToken: s.csrfToken,
      },
    };
  });
}

/** Changes the caller's own password; ends the caller's other sessions. */
export async function changeOwnPassword(ctx: Ctx, session: ResolvedSession, input: { oldPassword: string; newPassword: string }) {
  if (!(await verifyPassword(session.user.passwordHash, input.oldPassword))) {
    await auditAlone(ctx, {
      action: 'auth.password_change',
      result: 'failure',
      objectType: 'user',
      objectId: session.user.id,
      detail: { reason: 'wrong_old_password' },
    });
    throw new AppError('VALIDATION', '原口令不正确');
  }
  if (input.oldPassword === input.newPassword) throw new AppError('WEAK_PASSWORD', '新口令不能与原口令相同');
  await withTx(ctx, async (tx) => {
    await setPassword(tx.db, {
      userId: session.user.id,
      username: session.user.username,
      isAdmin: session.actor.isAdmin,
      pw: input.newPassword,
      now: ctx.now,
      mustChange: false,
    });
    await destroyUserSessions(tx.db, session.user.id, session.idHash);
    await audit(tx, { action: 'auth.password_change', objectType: 'user', objectId: session.user.id });
  });
}

/** What the web needs about the caller: roles, permissions (menus and buttons), CSRF token, password expiry. */
export async function me(ctx: Ctx, session: ResolvedSession) {
  const policy = await securityPolicy(ctx.db);
  const roles = await loadRoles(ctx.db, session.user.id);
  const daysLeft = Math.floor((session.passwordExpiresAt.getTime() - ctx.now.getTime()) / days(1));
  return {
    user: { id: session.user.id, username: session.user.username, name: session.user.name, memberId: session.user.memberId },
    roles: roles.map((r) => ({ role: r.role, roleLabel: ROLE_LABELS[r.role], orgId: r.orgId, orgName: r.orgName })),
    permissions: [...session.actor.permissions].sort(),
    csrfToken: session.csrfToken,
    isAdmin: isAdminRoleSet(roles),
    passwordExpiresAt: session.passwordExpiresAt.toISOString(),
    passwordExpiryWarning: daysLeft <= policy.expiryWarnDays ? `您的口令将在 ${Math.max(daysLeft, 0)} 天后过期，请及时修改` : null,
  };
}
