import { eq } from 'drizzle-orm';
import { ADMIN_ROLES, type Permission, ROLE_PERMISSIONS, type Role } from '../../../common/access.ts';
import type { Db } from '../../db/client.ts';
import { userRoles } from '../auth/user.table.ts';
import { orgs } from './org.table.ts';

export type HeldRole = { role: Role; orgId: string; orgPath: string; orgName: string };

/** The authenticated principal of a request; roles and scope are loaded per request, never cached in the token. */
export type Actor = {
  userId: string;
  username: string;
  name: string;
  memberId: string | null;
  roles: HeldRole[];
  permissions: Set<Permission>;
  mustChangePassword: boolean;
  /** holds one of the 三员 roles: shorter idle timeout and longer passwords */
  isAdmin: boolean;
};

export async function loadRoles(db: Db, userId: string): Promise<HeldRole[]> {
  const rows = await db
    .select({ role: userRoles.role, orgId: userRoles.orgId, orgPath: orgs.path, orgName: orgs.name })
    .from(userRoles)
    .innerJoin(orgs, eq(orgs.id, userRoles.orgId))
    .where(eq(userRoles.userId, userId));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export function permissionsOf(roles: HeldRole[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r.role] ?? []));
}

export const isAdminRoleSet = (roles: { role: Role }[]) => roles.some((r) => ADMIN_ROLES.includes(r.role));

/** Org paths whose subtrees `permission` reaches for this actor (empty = nowhere). */
export function scopePaths(actor: Actor | null, permission: Permission): string[] {
  if (!actor) return [];
  const paths = actor.roles.filter((r) => ROLE_PERMISSIONS[r.role]?.includes(permission)).map((r) => r.orgPath);
  // drop paths already covered by an ancestor path
  return paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

/** True when `orgPath` lies in a subtree where the actor holds `permission`. */
export function inScope(actor: Actor | null, permission: Permission, orgPath: string): boolean {
  return scopePaths(actor, permission).some((p) => orgPath.startsWith(p));
}
