import { eq } from 'drizzle-orm';
import type { OrgType, Role } from '../../common/access.ts';
import { orgs } from '../platform/access/org.table.ts';
import { normalizeUsername } from '../platform/auth/password.rules.ts';
import { hashPassword } from '../platform/auth/password.service.ts';
import { userRoles, users } from '../platform/auth/user.table.ts';
import { type Agent, login, TEST_PASSWORD, type TestApp } from './build-test-app.ts';

let seq = 0;
const next = () => ++seq;

/** An org under `parentId` (default: the root), written directly with a correct path. */
export async function buildOrg(t: TestApp, o: { parentId?: string; type?: OrgType; name?: string; isEnterprise?: boolean } = {}) {
  const parentId = o.parentId ?? t.rootId;
  const [parent] = await t.db.select().from(orgs).where(eq(orgs.id, parentId));
  const id = crypto.randomUUID();
  const [row] = await t.db
    .insert(orgs)
    .values({
      id,
      parentId,
      name: o.name ?? `测试组织${next()}`,
      type: o.type ?? 'branch',
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      isEnterprise: o.isEnterprise ?? false,
    })
    .returning();
  return row;
}

/** An account with the given roles and a password that needs no change; `password` defaults to TEST_PASSWORD. */
export async function buildUser(
  t: TestApp,
  o: { roles?: { role: Role; orgId: string }[]; username?: string; name?: string; mustChangePassword?: boolean; disabled?: boolean } = {},
) {
  const username = o.username ?? `user${next()}`;
  const [u] = await t.db
    .insert(users)
    .values({
      username,
      usernameNorm: normalizeUsername(username),
      name: o.name ?? `测试用户${seq}`,
      passwordHash: await cachedHash(),
      mustChangePassword: o.mustChangePassword ?? false,
      passwordChangedAt: t.clock(),
      disabled: o.disabled ?? false,
    })
    .returning();
  if (o.roles?.length) await t.db.insert(userRoles).values(o.roles.map((r) => ({ userId: u.id, ...r })));
  return u;
}

let hashOnce: Promise<string> | null = null;
const cachedHash = () => {
  hashOnce ??= hashPassword(TEST_PASSWORD);
  return hashOnce;
};

/** A user holding `role` at `orgId`, logged in. */
export async function loginAs(t: TestApp, role: Role, orgId: string): Promise<Agent> {
  const u = await buildUser(t, { roles: [{ role, orgId }] });
  return login(t, u.username, TEST_PASSWORD);
}
