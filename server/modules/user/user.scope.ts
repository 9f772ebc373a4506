import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { ADMIN_ROLES, type Permission, ROLE_LABELS, type Role } from '../../../common/access.ts';
import { type Actor, inScope, scopePaths } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { locateBy, type ResourceResolver } from '../../platform/access/resolve.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { type User, userRoles, users } from '../../platform/auth/user.table.ts';
import type { Ctx } from '../../platform/context.ts';
import { invalid, notFound } from '../../platform/errors.ts';

export type RoleAt = { role: Role; orgId: string };
export type RoleRow = RoleAt & { orgName: string; orgPath: string };

/** True when `permission` reaches the root org for this actor (a root path has a single segment). */
export function rootInScope(actor: Actor | null, permission: Permission): boolean {
  return scopePaths(actor, permission).some((p) => p.split('/').filter(Boolean).length === 1);
}

/**
 * The account scope: users holding a role at an org in the caller's subtree for `permission`, plus users
 * holding no role at all when that subtree is the whole tree. Correlated on "users"."id" explicitly.
 */
export function userScopeWhere(actor: Actor | null, permission: Permission): SQL {
  const held = sql`exists (select 1 from user_roles ur join orgs o on o.id = ur.org_id
    where ur.user_id = "users"."id" and ${scopeWhere(actor, permission, sql`o.path`)})`;
  if (!rootInScope(actor, permission)) return held;
  return sql`(${held} or not exists (select 1 from user_roles ur where ur.user_id = "users"."id"))`;
}

/** Loads an account in the caller's `permission` scope; out of scope answers exactly like missing (404). */
export async function loadUserInScope(ctx: Ctx, id: string, permission: Permission): Promise<User> {
  const [u] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.id, id), userScopeWhere(ctx.actor, permission)));
  if (!u) throw notFound('账号');
  return u;
}

/** Every role the given users hold, with org name and path. */
export async function rolesOf(ctx: Ctx, userIds: string[]): Promise<Map<string, RoleRow[]>> {
  const map = new Map<string, RoleRow[]>();
  if (userIds.length === 0) return map;
  const rows = await ctx.db
    .select({ userId: userRoles.userId, role: userRoles.role, orgId: userRoles.orgId, orgName: orgs.name, orgPath: orgs.path })
    .from(userRoles)
    .innerJoin(orgs, eq(orgs.id, userRoles.orgId))
    .where(inArray(userRoles.userId, userIds))
    .orderBy(orgs.depth, orgs.name, userRoles.role);
  for (const { userId, ...r } of rows) {
    const list = map.get(userId) ?? [];
    list.push({ ...r, role: r.role as Role });
    map.set(userId, list);
  }
  return map;
}

/** Deduplicates requested roles and checks each org exists, is active and lies in the caller's user:write scope. */
export async function checkRequestedRoles(ctx: Ctx, requested: RoleAt[]): Promise<RoleRow[]> {
  const unique = [...new Map(requested.map((r) => [`${r.role}@${r.orgId}`, r])).values()];
  const orgIds = [...new Set(unique.map((r) => r.orgId))];
  const found = orgIds.length ? await ctx.db.select().from(orgs).where(inArray(orgs.id, orgIds)) : [];
  const byId = new Map(found.map((o) => [o.id, o]));
  return unique.map((r) => {
    const o = byId.get(r.orgId);
    if (!o || !inScope(ctx.actor, 'user:write', o.path)) throw notFound('任职组织');
    if (o.status !== 'active') throw invalid(`"${o.name}"已撤销，不能在该组织任职`);
    if (ROOT_ONLY_ROLES.includes(r.role) && o.parentId)
      throw invalid(
        `"${ROLE_LABELS[r.role]}"的设置对全系统生效，只能在根组织（州国资委党委）任职；企业的党建工作人员请分配"企业党委工作人员"`,
      );
    return { ...r, orgName: o.name, orgPath: o.path };
  });
}

/** Roles whose settings are system-wide (安全策略, 五个好标准, 学时规则, 会议模板): held at the root org only. */
const ROOT_ONLY_ROLES: readonly Role[] = ['sec_admin', 'sasac_staff'];

/** 三员分立: an account holding 系统/安全/审计管理员 holds no other role. */
export function checkSeparation(roles: RoleAt[]): void {
  const names = new Set(roles.map((r) => r.role));
  const admin = [...names].find((r) => ADMIN_ROLES.includes(r));
  if (admin && names.size > 1)
    throw invalid(
      `三员分立：持有"${ROLE_LABELS[admin]}"的账号不能再担任其他角色（${[...names]
        .filter((r) => r !== admin)
        .map((r) => ROLE_LABELS[r])
        .join('、')}），请分别使用不同账号`,
    );
}

/** Holds one of the 三员 roles: 12-character passwords and the 10-minute idle timeout apply. */
export const hasAdminRole = (roles: RoleAt[]) => roles.some((r) => ADMIN_ROLES.includes(r.role));

/** An account lies in every org it holds a role at; one holding none lies at the root (only root scope reaches it). */
export const userResolvers: ResourceResolver[] = [
  {
    resource: 'user',
    label: '账号',
    locate: (db, id) =>
      locateBy(
        db,
        sql`select o.path from users u join user_roles r on r.user_id = u.id join orgs o on o.id = r.org_id where u.id = ${id}
          union all select o.path from users u join orgs o on o.parent_id is null
            where u.id = ${id} and not exists (select 1 from user_roles r where r.user_id = u.id)`,
      ),
  },
];
