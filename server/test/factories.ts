import { eq } from 'drizzle-orm';
import type { OrgType, Role } from '../../common/access.ts';
import { members } from '../modules/member/member.table.ts';
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

/** An enterprise party committee (企业党委) under the root; override any org field. */
export async function buildEnterprise(t: TestApp, o: { parentId?: string; name?: string } = {}) {
  return buildOrg(t, { type: 'committee', isEnterprise: true, ...o });
}

/**
 * A 党支部 in a fresh enterprise (or under `parentId`, returned as `ent`), with `members` active members and, when `login` names a
 * role, an agent holding that role at the branch (`branch_secretary`) or its enterprise (`enterprise_staff`).
 */
export async function buildBranch<L extends 'branch_secretary' | 'enterprise_staff' | undefined = undefined>(
  t: TestApp,
  o: { parentId?: string; name?: string; members?: number; login?: L } = {},
) {
  const ent = o.parentId ? (await t.db.select().from(orgs).where(eq(orgs.id, o.parentId)))[0] : await buildEnterprise(t);
  const branch = await buildOrg(t, { parentId: ent.id, type: 'branch', name: o.name });
  const people = await buildMembers(t, branch.id, o.members ?? 0);
  const agent = o.login ? await loginAs(t, o.login, o.login === 'enterprise_staff' ? ent.id : branch.id) : null;
  return { ent, branch, people, agent: agent as L extends string ? Agent : null };
}

let memberSeq = 0;

/**
 * `count` active members in `orgId`, written directly in one insert; their personal data fields hold opaque test
 * values (use `buildMember` from member.factory.ts for a member whose 身份证号 and phone can be read back).
 */
export async function buildMembers(
  t: TestApp,
  orgId: string,
  count: number,
  o: Partial<Pick<typeof members.$inferInsert, 'category' | 'gender' | 'birthDate' | 'joinedOn' | 'status'>> = {},
) {
  if (count === 0) return [];
  const rows = Array.from({ length: count }, () => {
    const n = ++memberSeq;
    const tag = `${process.pid}-${n}-${Math.random().toString(36).slice(2, 8)}`;
    return {
      orgId,
      name: `测试党员${n}`,
      gender: 'male' as const,
      ethnicity: '汉族',
      birthDate: '1985-06-15',
      idNumberEnc: `enc-${tag}`,
      idNumberBidx: `bidx-${tag}`,
      idNumberMasked: '6523**********0011',
      category: 'full' as const,
      joinedOn: '2010-07-01',
      status: 'active' as const,
      ...o,
    };
  });
  return t.db.insert(members).values(rows).returning({ id: members.id, name: members.name });
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
