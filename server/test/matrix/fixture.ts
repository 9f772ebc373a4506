import { eq } from 'drizzle-orm';
import { ORG_CHILD_TYPES, type OrgType, ROLES, type Role } from '../../../common/access.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { createSession } from '../../platform/auth/session.service.ts';
import { users } from '../../platform/auth/user.table.ts';
import { type Agent, agentFor, type TestApp } from '../build-test-app.ts';
import { buildOrg, buildUser } from '../factories.ts';

/** Where a case's target lies relative to E1, the org every principal's role is held at. */
export const POSITIONS = ['own', 'descendant', 'ancestor', 'sibling', 'otherEnterprise', 'nonexistent'] as const;
export type Position = (typeof POSITIONS)[number] | 'none';

export const PRINCIPALS = [...ROLES, 'anonymous', 'disabled', 'pendingPassword'] as const;
export type PrincipalKind = (typeof PRINCIPALS)[number];

/** What a case row builds: the request for one target org (method comes from the row's key). */
export type MatrixRequest = { url: string; payload?: unknown; headers?: Record<string, string> };

/** Helpers a case row uses to build a valid request whose object lies in a given org. */
export type Fx = {
  t: TestApp;
  /** fixture tree: root → E1 (enterprise committee) → B1 (branch) → G1 (group); E1 → B2; root → E2 (enterprise) → B3 */
  org: { root: string; E1: string; B1: string; G1: string; B2: string; E2: string; B3: string };
  /** the non-existent org of the `nonexistent` position */
  ghost: string;
  isGhost(orgId: string): boolean;
  /** a name no other case uses, e.g. for org names and usernames */
  unique(prefix: string): string;
  /** an org type that may be created under `orgId` */
  childType(orgId: string): Promise<OrgType>;
  /** a fresh, empty child org of `orgId` (safe to rename, move or dissolve); a random id for the ghost */
  leafOrg(orgId: string): Promise<string>;
  /** a fresh account holding `role` at `orgId` (a random id for the ghost) */
  user(orgId: string, role?: Role): Promise<{ id: string; username: string }>;
  /** `create(orgId)` for a real org, a random id for the ghost: wrap your own resource factory with it */
  inOrg(orgId: string, create: (orgId: string) => Promise<string>): Promise<string>;
  /** a logged-in agent holding `role` at the root, to set objects up through the API */
  as(role: Role): Promise<Agent>;
};

let n = 0;

/** Builds the fixture tree and the helper object the case rows receive. */
export async function buildFixture(t: TestApp): Promise<Fx> {
  const E1 = await buildOrg(t, { type: 'committee', isEnterprise: true, name: '矩阵甲企业党委' });
  const B1 = await buildOrg(t, { parentId: E1.id, type: 'branch', name: '矩阵甲一支部' });
  const G1 = await buildOrg(t, { parentId: B1.id, type: 'group', name: '矩阵甲一小组' });
  const B2 = await buildOrg(t, { parentId: E1.id, type: 'branch', name: '矩阵甲二支部' });
  const E2 = await buildOrg(t, { type: 'committee', isEnterprise: true, name: '矩阵乙企业党委' });
  const B3 = await buildOrg(t, { parentId: E2.id, type: 'branch', name: '矩阵乙一支部' });
  const ghost = crypto.randomUUID();
  const agents = new Map<Role, Agent>();
  const fx: Fx = {
    t,
    org: { root: t.rootId, E1: E1.id, B1: B1.id, G1: G1.id, B2: B2.id, E2: E2.id, B3: B3.id },
    ghost,
    isGhost: (orgId) => orgId === ghost,
    unique: (prefix) => `${prefix}${++n}`,
    async childType(orgId) {
      if (orgId === ghost) return 'branch';
      const [o] = await t.db.select({ type: orgs.type }).from(orgs).where(eq(orgs.id, orgId));
      const allowed = ORG_CHILD_TYPES[o.type];
      return allowed.includes('branch') ? 'branch' : (allowed[0] ?? 'branch');
    },
    async leafOrg(orgId) {
      if (orgId === ghost) return crypto.randomUUID();
      return (await buildOrg(t, { parentId: orgId, type: await fx.childType(orgId), name: fx.unique('矩阵临时组织') })).id;
    },
    async user(orgId, role = 'member') {
      if (orgId === ghost) return { id: crypto.randomUUID(), username: fx.unique('ghost') };
      const u = await buildUser(t, { username: fx.unique('mxu'), roles: [{ role, orgId }] });
      return { id: u.id, username: u.username };
    },
    inOrg: (orgId, create) => (orgId === ghost ? Promise.resolve(crypto.randomUUID()) : create(orgId)),
    async as(role) {
      let a = agents.get(role);
      if (!a) {
        a = await sessionAgent(t, (await buildUser(t, { username: fx.unique('mxsetup'), roles: [{ role, orgId: t.rootId }] })).id);
        agents.set(role, a);
      }
      return a;
    },
  };
  return fx;
}

/** An agent on a session created directly (the matrix tests authorization, not login). */
export async function sessionAgent(t: TestApp, userId: string): Promise<Agent> {
  const s = await createSession(t.db, { userId, now: t.clock(), ip: '127.0.0.1' });
  return agentFor(t, `lq_sid=${s.token}`, s.csrfToken);
}

/** The caller of a case: `agent` and `userId` are null for the anonymous caller. */
export type Principal = { kind: PrincipalKind; agent: Agent | null; userId: string | null };

/** A principal of the given kind; its role is held at E1. */
export async function buildPrincipal(fx: Fx, kind: PrincipalKind): Promise<Principal> {
  if (kind === 'anonymous') return { kind, agent: null, userId: null };
  const role: Role = kind === 'disabled' || kind === 'pendingPassword' ? 'enterprise_staff' : kind;
  const u = await buildUser(fx.t, {
    username: fx.unique(`mx_${kind.toLowerCase()}_`),
    roles: [{ role, orgId: fx.org.E1 }],
    mustChangePassword: kind === 'pendingPassword',
  });
  const agent = await sessionAgent(fx.t, u.id);
  if (kind === 'disabled') await fx.t.db.update(users).set({ disabled: true }).where(eq(users.id, u.id));
  return { kind, agent, userId: u.id };
}

/** The org id a position stands for (`none` = E1: routes without a target get the caller's own org). */
export function positionOrg(fx: Fx, p: Position): string {
  const map: Record<Position, string> = {
    none: fx.org.E1,
    own: fx.org.E1,
    descendant: fx.org.B1,
    ancestor: fx.org.root,
    sibling: fx.org.E2,
    otherEnterprise: fx.org.B3,
    nonexistent: fx.ghost,
  };
  return map[p];
}
