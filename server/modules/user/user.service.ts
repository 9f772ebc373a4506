import { and, asc, count, eq, gt, ilike, inArray, or, sql } from 'drizzle-orm';
import { ROLE_LABELS } from '../../../common/access.ts';
import { inScope } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { escapeLike } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { loginFailures } from '../../platform/auth/auth.table.ts';
import { normalizeUsername } from '../../platform/auth/password.rules.ts';
import { setPassword } from '../../platform/auth/password.service.ts';
import { type User, userRoles, users } from '../../platform/auth/user.table.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { UserCreate, UserOutT } from './user.schema.ts';
import { checkRequestedRoles, checkSeparation, hasAdminRole, type RoleRow, rolesOf, rootInScope, userScopeWhere } from './user.scope.ts';

/** The API shape of an account; only roles at orgs the caller may see are listed. */
export async function present(ctx: Ctx, list: User[]): Promise<UserOutT[]> {
  const roles = await rolesOf(
    ctx,
    list.map((u) => u.id),
  );
  const norms = list.map((u) => u.usernameNorm);
  const locked = norms.length
    ? await ctx.db
        .select({ n: loginFailures.usernameNorm })
        .from(loginFailures)
        .where(and(inArray(loginFailures.usernameNorm, norms), gt(loginFailures.lockedUntil, ctx.now)))
    : [];
  const lockedSet = new Set(locked.map((l) => l.n));
  return list.map((u) => ({
    id: u.id,
    username: u.username,
    name: u.name,
    disabled: u.disabled,
    disabledReason: u.disabledReason,
    mustChangePassword: u.mustChangePassword,
    locked: lockedSet.has(u.usernameNorm),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    roles: (roles.get(u.id) ?? [])
      .filter((r) => inScope(ctx.actor, 'user:read', r.orgPath))
      .map((r) => ({ role: r.role, roleLabel: ROLE_LABELS[r.role], orgId: r.orgId, orgName: r.orgName })),
  }));
}

/** Accounts in the caller's scope; `q` matches username or name, `orgId` keeps holders of a role in that subtree. */
export async function listUsers(ctx: Ctx, q: { q?: string; orgId?: string; page: number; pageSize: number }) {
  let orgFilter: ReturnType<typeof sql> | undefined;
  if (q.orgId) {
    const [o] = await ctx.db.select().from(orgs).where(eq(orgs.id, q.orgId));
    if (!o || !inScope(ctx.actor, 'user:read', o.path)) throw notFound('组织');
    orgFilter = sql`exists (select 1 from user_roles ur join orgs o on o.id = ur.org_id
      where ur.user_id = "users"."id" and o.path like ${`${escapeLike(o.path)}%`})`;
  }
  const text = q.q ? `%${escapeLike(q.q)}%` : null;
  const where = and(
    userScopeWhere(ctx.actor, 'user:read'),
    text ? or(ilike(users.username, text), ilike(users.name, text)) : undefined,
    orgFilter,
  );
  const [{ total }] = await ctx.db.select({ total: count() }).from(users).where(where);
  const rows = await ctx.db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.usernameNorm))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await present(ctx, rows), total };
}

/** One account in the caller's user:read scope; out of scope answers exactly like missing (404). */
export async function getUser(ctx: Ctx, id: string): Promise<UserOutT> {
  const [u] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.id, id), userScopeWhere(ctx.actor, 'user:read')));
  if (!u) throw notFound('账号');
  return (await present(ctx, [u]))[0];
}

const isUniqueViolation = (e: unknown): boolean => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
};

const taken = (username: string) => conflict(`用户名"${username}"已被使用（不区分大小写和全角半角），请换一个`);

/** The first role's org anchors the audit record, so audit admins of that subtree see it. */
export const auditOrg = (roles: RoleRow[]) => (roles[0] ? { orgId: roles[0].orgId, orgPath: roles[0].orgPath } : {});

/** Creates an account that must change its admin-set password at first login (等保: no default credentials). */
export async function createUser(ctx: Ctx, input: UserCreate): Promise<UserOutT> {
  const username = input.username.normalize('NFKC');
  const usernameNorm = normalizeUsername(username);
  const roles = await checkRequestedRoles(ctx, input.roles);
  checkSeparation(roles);
  if (roles.length === 0 && !rootInScope(ctx.actor, 'user:write')) throw invalid('请至少为账号分配一个角色');
  const [dup] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.usernameNorm, usernameNorm));
  if (dup) throw taken(username);
  try {
    const id = await withTx(ctx, async (tx) => {
      const [u] = await tx.db
        .insert(users)
        .values({
          username,
          usernameNorm,
          name: input.name,
          passwordHash: '!',
          mustChangePassword: true,
          passwordChangedAt: ctx.now,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning();
      if (roles.length) await tx.db.insert(userRoles).values(roles.map((r) => ({ userId: u.id, role: r.role, orgId: r.orgId })));
      await setPassword(tx.db, {
        userId: u.id,
        username,
        isAdmin: hasAdminRole(roles),
        pw: input.password,
        now: ctx.now,
        mustChange: true,
      });
      await audit(tx, {
        action: 'user.create',
        objectType: 'user',
        objectId: u.id,
        ...auditOrg(roles),
        detail: { username, name: input.name, roles: roles.map((r) => ({ role: r.role, orgId: r.orgId })) },
      });
      return u.id;
    });
    return getUser(ctx, id);
  } catch (e) {
    if (isUniqueViolation(e)) throw taken(username);
    throw e;
  }
}
