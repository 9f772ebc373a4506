import { and, eq, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import { audit } from '../audit/audit.service.ts';
import { cstDate, days } from '../clock.ts';
import { type Ctx, withTx } from '../context.ts';
import type { Job } from '../jobs/job.ts';
import { notify } from '../notify/notify.service.ts';
import { passwordExpiresAt, securityPolicy } from './password.service.ts';
import { destroyUserSessions } from './session.service.ts';
import { users } from './user.table.ts';

/**
 * 口令到期提醒: from day (expiryDays − expiryWarnDays) of a password's life, one 站内提醒 per password
 * (the dedupe key names when it was set), so a daily rerun adds nothing and a new password starts afresh.
 */
export async function warnPasswordExpiry(ctx: Ctx): Promise<string> {
  const policy = await securityPolicy(ctx.db);
  const warnFrom = new Date(ctx.now.getTime() - days(policy.expiryDays - policy.expiryWarnDays));
  const rows = await ctx.db
    .select({ id: users.id, changedAt: users.passwordChangedAt })
    .from(users)
    .where(and(eq(users.disabled, false), eq(users.mustChangePassword, false), lte(users.passwordChangedAt, warnFrom)));
  let sent = 0;
  for (const u of rows) {
    const expires = passwordExpiresAt(u.changedAt, policy);
    const daysLeft = Math.ceil((expires.getTime() - ctx.now.getTime()) / days(1));
    if (daysLeft <= 0) continue;
    sent += await notify(ctx, {
      userIds: [u.id],
      kind: 'password_expiry',
      level: daysLeft <= 3 ? 'urgent' : 'warning',
      title: `您的登录口令将于 ${cstDate(expires)} 过期`,
      body: `还有 ${daysLeft} 天到期，请及时修改口令；过期后须先修改口令才能继续使用平台。`,
      link: '/password',
      dedupeKey: `password-expiry:${u.changedAt.toISOString()}`,
    });
  }
  return `sent ${sent}`;
}

/**
 * 长期未登录账号停用 (等保 访问控制 c): accounts without a login for policy.inactiveDisableDays, counted from the
 * later of the last login, the creation and the last re-enabling, are disabled with the reason recorded,
 * their sessions ended and one audit record each. The bootstrap `admin` only once it has logged in.
 */
export async function disableInactiveAccounts(ctx: Ctx): Promise<string> {
  const policy = await securityPolicy(ctx.db);
  const cutoff = new Date(ctx.now.getTime() - days(policy.inactiveDisableDays));
  const lastActive = sql`greatest(${users.lastLoginAt}, ${users.createdAt}, ${users.enabledAt})`;
  const idle = await ctx.db
    .select({ id: users.id, username: users.username, lastLoginAt: users.lastLoginAt })
    .from(users)
    .where(
      and(eq(users.disabled, false), sql`${lastActive} < ${cutoff}`, or(ne(users.usernameNorm, 'admin'), isNotNull(users.lastLoginAt))),
    );
  const reason = `连续 ${policy.inactiveDisableDays} 天未登录，系统于 ${cstDate(ctx.now)} 自动停用`;
  for (const u of idle) {
    await withTx(ctx, async (tx) => {
      await tx.db
        .update(users)
        .set({ disabled: true, disabledReason: reason, updatedAt: ctx.now })
        .where(and(eq(users.id, u.id), eq(users.disabled, false)));
      await destroyUserSessions(tx.db, u.id);
      await audit(tx, {
        action: 'user.auto_disable',
        objectType: 'user',
        objectId: u.id,
        detail: { username: u.username, lastLoginAt: u.lastLoginAt?.toISOString() ?? null, reason },
      });
    });
  }
  return `disabled ${idle.length}`;
}

/** Daily jobs registered in server/jobs.ts. */
export const passwordExpiryJob: Job = { name: 'auth.password_expiry_warning', run: warnPasswordExpiry };
export const inactiveAccountsJob: Job = { name: 'auth.inactive_accounts', run: disableInactiveAccounts };
