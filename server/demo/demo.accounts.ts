import { ROLE_LABELS, type Role } from '../../common/access.ts';
import { normalizeUsername } from '../platform/auth/password.rules.ts';
import { hashPassword } from '../platform/auth/password.service.ts';
import { userRoles, users } from '../platform/auth/user.table.ts';
import { randomInitialPassword } from '../platform/bootstrap.ts';
import { type Demo, type DemoMember, demoOrg } from '../platform/seed.ts';
import { FUKANG_BRANCH, JIAOTOU_CHANGJI } from './demo.orgs.data.ts';

type AccountSpec = { username: string; role: Role; org: (d: Demo) => string; person: (d: Demo) => { name: string; memberId?: string } };

const inBranch = (d: Demo, branchName: string, pick: (m: DemoMember) => boolean, parentId?: string): DemoMember => {
  const branch = demoOrg(d, branchName, parentId);
  const m = d.members.find((x) => x.branchId === branch.id && pick(x));
  if (!m) throw new Error(`no demo member in ${branchName}`);
  return m;
};
const jiaotou = (d: Demo) => demoOrg(d, `${JIAOTOU_CHANGJI}党委`, d.rootId).id;
const fukang = (d: Demo) => demoOrg(d, FUKANG_BRANCH, jiaotou(d)).id;
const fukangSecretary = (d: Demo) => inBranch(d, FUKANG_BRANCH, (m) => m.position === '书记', jiaotou(d));

/** The demo accounts of the brief: business staff named after demo members, the 三员 by their function. */
const ACCOUNTS: AccountSpec[] = [
  {
    username: 'sasac',
    role: 'sasac_staff',
    org: (d) => d.rootId,
    person: (d) => inBranch(d, '州国资委机关党支部', (m) => m.position === '党员'),
  },
  {
    username: 'jiaotou',
    role: 'enterprise_staff',
    org: jiaotou,
    person: (d) => inBranch(d, '综合办公室党支部', (m) => m.position === '委员', jiaotou(d)),
  },
  { username: 'fukang', role: 'branch_secretary', org: fukang, person: fukangSecretary },
  {
    username: 'dangyuan',
    role: 'member',
    org: fukang,
    person: (d) => {
      const m = inBranch(d, FUKANG_BRANCH, (x) => x.position === '党员' && x.category === 'full', jiaotou(d));
      return { name: m.name, memberId: m.id };
    },
  },
  { username: 'secadmin', role: 'sec_admin', org: (d) => d.rootId, person: () => ({ name: ROLE_LABELS.sec_admin }) },
  { username: 'auditor', role: 'audit_admin', org: (d) => d.rootId, person: () => ({ name: ROLE_LABELS.audit_admin }) },
];

/** Random one-time passwords (12+ characters, four classes) and their hashes, each hashed once; start early, await later. */
export function demoCredentials(): Promise<{ password: string; hash: string }[]> {
  return Promise.all(
    ACCOUNTS.map(async () => {
      const password = randomInitialPassword();
      return { password, hash: await hashPassword(password) };
    }),
  );
}

/** Creates the demo accounts; every one must change its password at first login. */
export async function seedAccounts(demo: Demo, credentials: Promise<{ password: string; hash: string }[]>): Promise<void> {
  const creds = await credentials;
  const now = demo.ctx.now;
  const rows = ACCOUNTS.map((a, i) => {
    const p = a.person(demo);
    return {
      id: crypto.randomUUID(),
      username: a.username,
      usernameNorm: normalizeUsername(a.username),
      name: p.name,
      passwordHash: creds[i].hash,
      mustChangePassword: true,
      passwordChangedAt: now,
      memberId: 'memberId' in p ? (p.memberId ?? null) : null,
      createdAt: now,
      updatedAt: now,
    };
  });
  await demo.ctx.db.insert(users).values(rows);
  await demo.ctx.db.insert(userRoles).values(ACCOUNTS.map((a, i) => ({ userId: rows[i].id, role: a.role, orgId: a.org(demo) })));
  ACCOUNTS.forEach((a, i) => {
    const orgId = a.org(demo);
    const orgName = demo.orgs.find((o) => o.id === orgId)?.name ?? '';
    demo.accounts.push({
      username: a.username,
      password: creds[i].password,
      role: a.role,
      orgId,
      label: `${ROLE_LABELS[a.role]}（${orgName}）`,
    });
  });
}
