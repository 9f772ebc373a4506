import { createHash, randomBytes } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { SecurityPolicy } from '../../../common/security-policy.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, type HeldRole, isAdminRoleSet, permissionsOf } from '../access/actor.ts';
import { orgs } from '../access/org.table.ts';
import { hours, minutes } from '../clock.ts';
import { sessions } from './auth.table.ts';
import { passwordExpiresAt } from './password.service.ts';
import { type User, userRoles, users } from './user.table.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session: a 256-bit token (only its hash is stored) and a CSRF token. */
export async function createSession(db: Db, opts: { userId: string; now: Date; ip: string | null; userAgent?: string }) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    idHash: hashToken(token),
    userId: opts.userId,
    csrfToken,
    createdAt: opts.now,
    lastSeenAt: opts.now,
    ip: opts.ip,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

export type ResolvedSession = { idHash: string; csrfToken: string; user: User; actor: Actor; passwordExpiresAt: Date };

// the session, its user and the user's roles in one statement, prepared once per database handle: this runs on
// every authenticated request, so it costs one round trip and no planning
const heldRoles = sql<HeldRole[]>`coalesce((select json_agg(json_build_object('role', r.role, 'orgId', r.org_id,
  'orgPath', o.path, 'orgName', o.name) order by o.path, r.role) from ${userRoles} r inner join ${orgs} o on o.id = r.org_id
  where r.user_id = ${users.id}), '[]'::json)`;
const sessionQueries = new WeakMap<Db, ReturnType<typeof prepareSessionQuery>>();
const prepareSessionQuery = (db: Db) =>
  db
    .select({ s: sessions, u: users, roles: heldRoles })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, sql.placeholder('idHash')))
    .prepare('session_resolve');

function sessionQuery(db: Db) {
  let q = sessionQueries.get(db);
  if (!q) {
    q = prepareSessionQuery(db);
    sessionQueries.set(db, q);
  }
  return q;
}

/**
 * Loads the session behind `token`, enforcing idle and absolute timeouts and account state on every request;
 * roles are read fresh so a role change takes effect on the next request. Expired sessions are deleted.
 */
export async function resolveSession(db: Db, token: string, now: Date, policy: SecurityPolicy): Promise<ResolvedSession | null> {
  const idHash = hashToken(token);
  const [row] = await sessionQuery(db).execute({ idHash });
  if (!row) return null;
  const { s, u, roles } = row;
  const isAdmin = isAdminRoleSet(roles);
  const idle = minutes(isAdmin ? policy.adminIdleMinutes : policy.idleMinutes);
  const expired =
    u.disabled || now.getTime() - s.lastSeenAt.getTime() > idle || now.getTime() - s.createdAt.getTime() > hours(policy.absoluteHours);
  if (expired) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  // write the activity stamp at most every 30 s: enough resolution for a 10-minute idle timeout
  if (now.getTime() - s.lastSeenAt.getTime() > 30_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  const expiresAt = passwordExpiresAt(u.passwordChangedAt, policy);
  const actor: Actor = {
    userId: u.id,
    username: u.username,
    name: u.name,
    memberId: u.memberId,
    roles,
    permissions: permissionsOf(roles),
    mustChangePassword: u.mustChangePassword || expiresAt.getTime() <= now.getTime(),
    isAdmin,
  };
  return { idHash, csrfToken: s.csrfToken, user: u, actor, passwordExpiresAt: expiresAt };
}

export async function destroySession(db: Db, idHash: string) {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Ends every session of a user (all, or all but `keepIdHash`). */
export async function destroyUserSessions(db: Db, userId: string, keepIdHash?: string) {
  await db
    .delete(sessions)
    .where(keepIdHash ? and(eq(sessions.userId, userId), ne(sessions.idHash, keepIdHash)) : eq(sessions.userId, userId));
}
