import { eq } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.service.ts';
import { normalizeUsername } from '../../platform/auth/password.rules.ts';
import { setPassword } from '../../platform/auth/password.service.ts';
import { destroyUserSessions } from '../../platform/auth/session.service.ts';
import { userRoles, users } from '../../platform/auth/user.table.ts';
import { randomInitialPassword } from '../../platform/bootstrap.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { members } from './member.table.ts';
import { isUniqueViolation, loadMemberInScope } from './member-store.service.ts';

export type MemberAccountT = { userId: string; username: string; disabled: boolean; lastLoginAt: string | null };
export type OneTimePasswordT = { userId: string; username: string; initialPassword: string };

const taken = (username: string) => conflict(`用户名"${username}"已被使用（不区分大小写和全角半角），请换一个`);

async function accountOf(ctx: Ctx, memberId: string) {
  const [u] = await ctx.db.select().from(users).where(eq(users.memberId, memberId)).limit(1);
  return u ?? null;
}

/** The phone-app account linked to a member in the caller's member:read scope, or null. */
export async function getMemberAccount(ctx: Ctx, memberId: string): Promise<MemberAccountT | null> {
  await loadMemberInScope(ctx, memberId);
  const u = await accountOf(ctx, memberId);
  return u && { userId: u.id, username: u.username, disabled: u.disabled, lastLoginAt: u.lastLoginAt?.toISOString() ?? null };
}

/**
 * 开通账号: a `member` account held at the member's org and linked to the record, with a random one-time
 * password that must be changed at first login. The password is returned once and never stored or audited.
 */
export async function createMemberAccount(ctx: Ctx, memberId: string, input: { username: string }): Promise<OneTimePasswordT> {
  const { m, orgPath } = await loadMemberInScope(ctx, memberId);
  const username = input.username.normalize('NFKC');
  const usernameNorm = normalizeUsername(username);
  const password = randomInitialPassword();
  try {
    const userId = await withTx(ctx, async (tx) => {
      // serialises concurrent requests for the same member: one member, at most one account
      await tx.db.select({ id: members.id }).from(members).where(eq(members.id, m.id)).for('update');
      const [existing] = await tx.db.select({ id: users.id }).from(users).where(eq(users.memberId, m.id)).limit(1);
      if (existing) throw conflict('该党员已开通账号，如忘记口令请使用"重置口令"');
      const [dup] = await tx.db.select({ id: users.id }).from(users).where(eq(users.usernameNorm, usernameNorm));
      if (dup) throw taken(username);
      const [u] = await tx.db
        .insert(users)
        .values({
          username,
          usernameNorm,
          name: m.name,
          passwordHash: '!',
          mustChangePassword: true,
          passwordChangedAt: ctx.now,
          memberId: m.id,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: users.id });
      await tx.db.insert(userRoles).values({ userId: u.id, role: 'member', orgId: m.orgId });
      await setPassword(tx.db, { userId: u.id, username, isAdmin: false, pw: password, now: ctx.now, mustChange: true });
      await audit(tx, {
        action: 'member.account.create',
        objectType: 'member',
        objectId: m.id,
        orgId: m.orgId,
        orgPath,
        detail: { userId: u.id, username, name: m.name },
      });
      return u.id;
    });
    return { userId, username, initialPassword: password };
  } catch (e) {
    if (isUniqueViolation(e)) throw taken(username);
    throw e;
  }
}

/** 重置口令: a new one-time password for the member's account; ends all of its sessions. */
export async function resetMemberAccount(ctx: Ctx, memberId: string): Promise<OneTimePasswordT> {
  const { m, orgPath } = await loadMemberInScope(ctx, memberId);
  const u = await accountOf(ctx, m.id);
  if (!u) throw notFound('党员账号');
  const password = randomInitialPassword();
  await withTx(ctx, async (tx) => {
    await setPassword(tx.db, { userId: u.id, username: u.username, isAdmin: false, pw: password, now: ctx.now, mustChange: true });
    await destroyUserSessions(tx.db, u.id);
    await audit(tx, {
      action: 'member.account.reset',
      objectType: 'member',
      objectId: m.id,
      orgId: m.orgId,
      orgPath,
      detail: { userId: u.id, username: u.username },
    });
  });
  return { userId: u.id, username: u.username, initialPassword: password };
}
