import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { orgs } from './access/org.table.ts';
import { normalizeUsername } from './auth/password.rules.ts';
import { hashPassword } from './auth/password.service.ts';
import { userRoles, users } from './auth/user.table.ts';

/** A random initial password that meets the 12-character admin policy (upper, lower, digit, symbol). */
export function randomInitialPassword(): string {
  const core = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
  return `Lq${core}#7`;
}

/**
 * On an empty database: the root org and the bootstrap account `admin` (sys_admin at the root), whose
 * password must be changed at first login. Returns the one-time password when it generated one.
 */
export async function bootstrap(db: Db, opts: { rootOrgName: string; adminPassword?: string; now: Date }) {
  const [{ n }] = await db.select({ n: count() }).from(orgs);
  if (n > 0) {
    const [root] = await db.select().from(orgs).where(eq(orgs.depth, 0)).limit(1);
    return { created: false as const, rootId: root.id };
  }
  const rootId = crypto.randomUUID();
  const password = opts.adminPassword ?? randomInitialPassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.insert(orgs).values({
      id: rootId,
      name: opts.rootOrgName,
      type: 'committee',
      path: `/${rootId}/`,
      depth: 0,
      isEnterprise: false,
      createdAt: opts.now,
      updatedAt: opts.now,
    });
    const [u] = await tx
      .insert(users)
      .values({
        username: 'admin',
        usernameNorm: normalizeUsername('admin'),
        name: '系统管理员',
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: opts.now,
        createdAt: opts.now,
      })
      .returning();
    await tx.insert(userRoles).values({ userId: u.id, role: 'sys_admin', orgId: rootId });
  });
  return { created: true as const, rootId, adminPassword: opts.adminPassword ? undefined : password };
}
