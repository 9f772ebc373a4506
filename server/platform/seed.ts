import type { OrgType, Role } from '../../common/access.ts';
import type { Ctx } from './context.ts';

// The shape of the demo seed that each module's step (`<module>.seed.ts`) receives. The orchestration (orgs,
// members, committees, accounts, then each module's step in list order, in one transaction) is server/demo/seed.ts.

/** A seeded pseudo-random generator (mulberry32): the demo is the same on every start. */
export type Rng = {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [min, max] */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** picks by weight: `[[value, weight], …]` */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
};

/**
 * One org of the demo tree. `members` is the size of a branch; `groups` splits it into that many 党小组
 * (members then belong to the groups).
 */
export type OrgSpec = {
  name: string;
  type: OrgType;
  unitName?: string;
  isEnterprise?: boolean;
  temporary?: boolean;
  foundedOn?: string;
  members?: number;
  groups?: number;
  children?: OrgSpec[];
};

/** An org the seed created. */
export type DemoOrg = {
  id: string;
  parentId: string | null;
  name: string;
  type: OrgType;
  path: string;
  depth: number;
  spec: OrgSpec | null;
};

/** A member the seed created (no personal data: that is only in the database, encrypted). */
export type DemoMember = {
  id: string;
  orgId: string;
  /** the branch the member belongs to (the org itself, or the parent of the member's 党小组) */
  branchId: string;
  name: string;
  gender: 'male' | 'female';
  category: 'full' | 'probationary';
  joinedOn: string;
  fullMemberOn: string | null;
  position: string;
};

/** A demo account with its one-time password, printed at start. */
export type DemoAccount = { username: string; password: string; role: Role; orgId: string; label: string };

/**
 * What the seed steps share: the transaction context, the seeded generator and everything created so far.
 * Later modules add "a year of activity" as further steps that read `orgs` and `members`.
 */
export type Demo = {
  ctx: Ctx;
  rng: Rng;
  rootId: string;
  /** calendar date (CST) of the seed; the demo's year of activity ends here */
  today: string;
  orgs: DemoOrg[];
  members: DemoMember[];
  accounts: DemoAccount[];
};

/** One step of the seed (orgs, members, accounts, …), run in order inside one transaction. */
export type SeedStep = (demo: Demo) => Promise<void>;

/** The org with this name under the parent (or anywhere when no parent is given); throws when absent. */
export function demoOrg(demo: Demo, name: string, parentId?: string): DemoOrg {
  const o = demo.orgs.find((x) => x.name === name && (parentId === undefined || x.parentId === parentId));
  if (!o) throw new Error(`demo org not found: ${name}`);
  return o;
}

/** Inserts rows in chunks so one statement never exceeds the parameter limit. */
export async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}
