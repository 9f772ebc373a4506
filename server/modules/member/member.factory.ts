import { eq } from 'drizzle-orm';
import { idCheckChar } from '../../../common/idcard.ts';
import type { MemberCreate } from '../../../common/member.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { users } from '../../platform/auth/user.table.ts';
import type { TestApp } from '../../test/build-test-app.ts';
import { buildOrg, buildUser } from '../../test/factories.ts';
import { memberChangeRequests, members } from './member.table.ts';
import { sealIdNumber, sealPhone } from './member-store.service.ts';

let seq = 0;

/** A valid 公民身份号码 (GB 11643) for a birth date and gender; `n` picks the sequence number. */
export function makeIdNumber(birthDate = '1985-03-12', gender: 'male' | 'female' = 'male', n = ++seq): string {
  const s = (n % 500) * 2 + (gender === 'male' ? 1 : 0);
  const region = String(652301 + Math.floor(n / 500));
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(s % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** A distinct mobile number per call. */
export const makePhone = (n = ++seq) => `139${String(10_000_000 + (n % 90_000_000)).slice(-8)}`;

/** A valid create body for a branch; override any field. */
export function memberInput(orgId: string, o: Partial<MemberCreate> = {}): MemberCreate {
  const birthDate = o.birthDate ?? '1985-03-12';
  const gender = o.gender ?? 'male';
  return {
    orgId,
    name: '张建国',
    gender,
    ethnicity: '汉族',
    birthDate,
    education: '大学本科',
    idNumber: makeIdNumber(birthDate, gender),
    phone: makePhone(),
    category: 'full',
    joinedOn: '2010-07-01',
    fullMemberOn: '2011-07-01',
    position: null,
    ...o,
  };
}

/** A member written directly (for tests of other modules); returns the row and its plaintext numbers. */
export async function buildMember(t: TestApp, orgId: string, o: Partial<MemberCreate> = {}) {
  const input = memberInput(orgId, o);
  const [org] = await t.db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw new Error('no such org');
  const ctx = t.sys();
  const { idNumber, phone, ...rest } = input;
  const [row] = await t.db
    .insert(members)
    .values({
      ...rest,
      education: rest.education ?? null,
      fullMemberOn: rest.fullMemberOn ?? null,
      position: rest.position ?? null,
      ...sealIdNumber(ctx, idNumber),
      ...sealPhone(ctx, phone),
    })
    .returning();
  return { ...row, idNumber, phone: phone ?? null };
}

/** A branch inside `orgId` (the org itself when it is a branch): where a member of that org's subtree is registered. */
export async function branchIn(t: TestApp, orgId: string): Promise<string> {
  const [o] = await t.db.select().from(orgs).where(eq(orgs.id, orgId));
  if (o.type === 'branch') return o.id;
  return (await buildOrg(t, { parentId: orgId, type: 'branch' })).id;
}

/** The id of a fresh member registered inside `orgId`'s subtree (for the authorization matrix). */
export async function memberIn(t: TestApp, orgId: string): Promise<string> {
  return (await buildMember(t, await branchIn(t, orgId))).id;
}

/** Links account `userId` to a fresh member inside `orgId` (the members' own view); no-op without a caller. */
export async function linkSelf(t: TestApp, userId: string | null, orgId: string): Promise<void> {
  if (!userId) return;
  const id = await memberIn(t, orgId);
  await t.db.update(users).set({ memberId: id }).where(eq(users.id, userId));
}

/** A pending correction request of a fresh member inside `orgId`. */
export async function correctionIn(t: TestApp, orgId: string): Promise<string> {
  const memberId = await memberIn(t, orgId);
  const [r] = await t.db
    .insert(memberChangeRequests)
    .values({ memberId, changes: { position: '宣传委员' }, reason: '职务调整', submittedBy: crypto.randomUUID(), createdAt: t.clock() })
    .returning();
  return r.id;
}

/** The id of a fresh member inside `orgId`'s subtree who already has a linked `member` account. */
export async function memberWithAccountIn(t: TestApp, orgId: string): Promise<string> {
  const branch = await branchIn(t, orgId);
  const m = await buildMember(t, branch);
  const u = await buildUser(t, { roles: [{ role: 'member', orgId: branch }] });
  await t.db.update(users).set({ memberId: m.id }).where(eq(users.id, u.id));
  return m.id;
}
