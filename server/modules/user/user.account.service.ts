import { and, eq } from 'drizzle-orm';
import { inScope } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { loginFailures, sessions } from '../../platform/auth/auth.table.ts';
import { setPassword } from '../../platform/auth/password.service.ts';
import { destroyUserSessions } from '../../platform/auth/session.service.ts';
import { type User, userRoles, users } from '../../platform/auth/user.table.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { forbidden, invalid } from '../../platform/errors.ts';
import type { UserOutT, UserUpdate } from './user.schema.ts';
import { checkRequestedRoles, checkSeparation, hasAdminRole, loadUserInScope, type RoleRow, rolesOf, rootInScope } from './user.scope.ts';
import { auditOrg, getUser } from './user.service.ts';

const key = (r: { role: string; orgId: string }) => `${r.role}@${r.orgId}`;

/** Loads an account the caller may see (404 otherwise) and may change (403 otherwise), with all its roles. */
async function loadForWrite(ctx: Ctx, id: string): Promise<{ u: User; roles: RoleRow[] }> {
  const u = await loadUserInScope(ctx, id, 'user:read');
  const roles = (await rolesOf(ctx, [u.id])).get(u.id) ?? [];
  const writable = roles.length ? roles.some((r) => inScope(ctx.actor, 'user:write', r.orgPath)) : rootInScope(ctx.actor, 'user:write');
  if (!writable) throw forbidden('您没有管理该账号的权限');
  return { u, roles };
}

/**
 * Renames, re-roles or disables an account. `roles` replaces the roles at orgs in the caller's scope (others
 * are kept); a role change or disabling ends the account's sessions at once; gaining a 三员 role forces a new
 * (12-character) password. Nobody disables themselves or drops their own 系统管理员 role.
 */
export async function updateUser(ctx: Ctx, id: string, patch: UserUpdate): Promise<UserOutT> {
  const { u, roles: current } = await loadForWrite(ctx, id);
  const self = ctx.actor?.userId === u.id;
  if (self && patch.disabled === true) throw invalid('不能停用自己的账号');
  const managed = current.filter((r) => inScope(ctx.actor, 'user:write', r.orgPath));
  const kept = current.filter((r) => !inScope(ctx.actor, 'user:write', r.orgPath));
  let next = current;
  let added: RoleRow[] = [];
  let removed: RoleRow[] = [];
  if (patch.roles) {
    const wanted = await checkRequestedRoles(ctx, patch.roles);
    next = [...kept, ...wanted];
    checkSeparation(next);
    added = wanted.filter((w) => !managed.some((m) => key(m) === key(w)));
    removed = managed.filter((m) => !wanted.some((w) => key(w) === key(m)));
    if (self && current.some((r) => r.role === 'sys_admin') && !next.some((r) => r.role === 'sys_admin'))
      throw invalid('不能取消自己的系统管理员角色，请由其他系统管理员操作');
  }
  const changes: Record<string, unknown> = {};
  if (patch.name !== undefined && patch.name !== u.name) changes.name = { from: u.name, to: patch.name };
  if (added.length || removed.length) changes.roles = { added: added.map(brief), removed: removed.map(brief) };
  if (patch.disabled !== undefined && patch.disabled !== u.disabled) changes.disabled = patch.disabled;
  if (Object.keys(changes).length === 0) return getUser(ctx, id);
  const becameAdmin = !hasAdminRole(current) && hasAdminRole(next);
  await withTx(ctx, async (tx) => {
    await tx.db
      .update(users)
      .set({
        updatedAt: ctx.now,
        ...(changes.name ? { name: patch.name } : {}),
        ...(changes.disabled === true ? { disabled: true, disabledReason: '由系统管理员停用' } : {}),
        ...(changes.disabled === false ? { disabled: false, disabledReason: null, enabledAt: ctx.now } : {}),
        ...(becameAdmin ? { mustChangePassword: true } : {}),
      })
      .where(eq(users.id, u.id));
    for (const r of removed)
      await tx.db.delete(userRoles).where(and(eq(userRoles.userId, u.id), eq(userRoles.role, r.role), eq(userRoles.orgId, r.orgId)));
    if (added.length) await tx.db.insert(userRoles).values(added.map((r) => ({ userId: u.id, role: r.role, orgId: r.orgId })));
    if (changes.roles || changes.disabled === true) await destroyUserSessions(tx.db, u.id);
    const action = changes.disabled === true ? 'user.disable' : changes.disabled === false ? 'user.enable' : 'user.update';
    await audit(tx, { action, objectType: 'user', objectId: u.id, ...auditOrg(next.length ? next : current), detail: changes });
  });
  return getUser(ctx, id);
}

const brief = (r: RoleRow) => ({ role: r.role, orgId: r.orgId, orgName: r.orgName });

/** Sets an administrator-chosen password the user must replace at the next login; ends the user's sessions. */
export async function resetPassword(ctx: Ctx, id: string, password: string): Promise<void> {
  const { u, roles } = await loadForWrite(ctx, id);
  await withTx(ctx, async (tx) => {
    await setPassword(tx.db, {
      userId: u.id,
      username: u.username,
      isAdmin: hasAdminRole(roles),
      pw: password,
      now: ctx.now,
      mustChange: true,
    });
    await destroyUserSessions(tx.db, u.id);
    await audit(tx, { action: 'user.reset_password', objectType: 'user', objectId: u.id, ...auditOrg(roles) });
  });
}

/** Clears the login lockout of the account's username before the 30 minutes run out. */
export async function unlockUser(ctx: Ctx, id: string): Promise<void> {
  const { u, roles } = await loadForWrite(ctx, id);
  await withTx(ctx, async (tx) => {
    const cleared = await tx.db.delete(loginFailures).where(eq(loginFailures.usernameNorm, u.usernameNorm)).returning();
    const wasLocked = cleared.some((c) => c.lockedUntil && c.lockedUntil > ctx.now);
    await audit(tx, { action: 'user.unlock', objectType: 'user', objectId: u.id, ...auditOrg(roles), detail: { wasLocked } });
  });
}

/** Ends every session of an account in the caller's session:manage scope (ASVS V7.4.5). */
export async function revokeSessions(ctx: Ctx, id: string): Promise<void> {
  const u = await loadUserInScope(ctx, id, 'session:manage');
  const roles = (await rolesOf(ctx, [u.id])).get(u.id) ?? [];
  await withTx(ctx, async (tx) => {
    const ended = await tx.db.delete(sessions).where(eq(sessions.userId, u.id)).returning({ id: sessions.idHash });
    await audit(tx, {
      action: 'user.revoke_sessions',
      objectType: 'user',
      objectId: u.id,
      ...auditOrg(roles),
      detail: { ended: ended.length },
    });
  });
}
