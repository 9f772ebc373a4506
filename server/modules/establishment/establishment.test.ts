import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { buildMember } from '../member/member.factory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type W = { orgId: string; orgName: string; level: string; code: string; message: string };

async function staffMembers(orgId: string, n: number, category: 'full' | 'probationary' = 'full') {
  const out = [];
  for (let i = 0; i < n; i++)
    out.push(await buildMember(t, orgId, category === 'full' ? {} : { category, fullMemberOn: null, joinedOn: '2025-10-01' }));
  return out;
}

describe('组织设置预警', () => {
  it('flags a branch with 2 full members, and clears it once it is marked a joint branch', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const br = await buildOrg(t, { parentId: ent.id, type: 'branch', name: '小站党支部' });
    await staffMembers(br.id, 2);
    await staffMembers(br.id, 1, 'probationary');
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const list = (await staff.get(`/api/orgs/warnings?orgId=${ent.id}`)).json() as W[];
    const w = list.find((x) => x.orgId === br.id);
    expect(w).toMatchObject({ orgName: '小站党支部', level: 'warning', code: 'FEW_FULL_MEMBERS' });
    expect(w?.message).toContain('应与邻近单位成立联合党支部');

    const patched = await staff.patch(`/api/orgs/${br.id}`, { joint: true, unitName: '甲站、乙站、丙站' });
    expect(patched.statusCode).toBe(200);
    expect((await staff.get(`/api/orgs/${br.id}/warnings`)).json()).toEqual([]);
    await staff.patch(`/api/orgs/${br.id}`, { unitName: '甲站、乙站、丙站、丁站、戊站、己站' });
    expect((await staff.get(`/api/orgs/${br.id}/warnings`)).json()).toMatchObject([{ level: 'error', code: 'JOINT_TOO_MANY_UNITS' }]);
  });

  it('counts a branch with its groups: 7 full members without a committee is an error, a committee of 3 clears it', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const br = await buildOrg(t, { parentId: ent.id, type: 'branch' });
    const grp = await buildOrg(t, { parentId: br.id, type: 'group' });
    const ms = [...(await staffMembers(br.id, 4)), ...(await staffMembers(grp.id, 3))];
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const before = (await staff.get(`/api/orgs/${br.id}/warnings`)).json() as W[];
    expect(before.map((w) => w.code)).toEqual(['COMMITTEE_REQUIRED']);
    expect(before[0].message).toContain('正式党员 7 人');

    const res = await staff.post(`/api/orgs/${br.id}/committees`, {
      electedOn: '2025-06-01',
      members: [
        { memberId: ms[0].id, duty: 'secretary' },
        { memberId: ms[1].id, duty: 'organization_officer' },
        { memberId: ms[4].id, duty: 'publicity_officer' },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect((await staff.get(`/api/orgs/${br.id}/warnings`)).json()).toEqual([]);
  });

  it('a branch over 50 members and a group of 2 show in the list, most severe first', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const big = await buildOrg(t, { parentId: ent.id, type: 'branch', name: '大支部' });
    const grp = await buildOrg(t, { parentId: big.id, type: 'group', name: '二人小组' });
    await staffMembers(big.id, 49, 'probationary');
    await staffMembers(grp.id, 2);
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const list = (await staff.get(`/api/orgs/warnings?orgId=${ent.id}`)).json() as W[];
    const codes = list.map((w) => `${w.orgName}:${w.code}`);
    expect(codes).toContain('大支部:TOO_MANY_MEMBERS');
    expect(codes).toContain('二人小组:GROUP_TOO_SMALL');
    expect(codes).toContain('大支部:FEW_FULL_MEMBERS');
    const levels = list.map((w) => ['error', 'warning', 'notice'].indexOf(w.level));
    expect(levels).toEqual([...levels].sort());
    const onlyErrors = (await staff.get(`/api/orgs/warnings?orgId=${ent.id}&level=error`)).json() as W[];
    expect(onlyErrors.every((w) => w.level === 'error')).toBe(true);
  });

  it('a committee member transferred to another branch is flagged for a by-election', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const br = await buildOrg(t, { parentId: ent.id, type: 'branch' });
    const other = await buildOrg(t, { parentId: ent.id, type: 'branch' });
    const ms = await staffMembers(br.id, 8);
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const seats = ms.slice(0, 3).map((m, i) => ({ memberId: m.id, duty: ['secretary', 'organization_officer', 'publicity_officer'][i] }));
    expect((await staff.post(`/api/orgs/${br.id}/committees`, { electedOn: '2025-06-01', members: seats })).statusCode).toBe(201);
    const tr = (await staff.post('/api/transfers', { memberId: ms[2].id, toOrgId: other.id, reason: '岗位调整' })).json();
    expect((await staff.post(`/api/transfers/${tr.id}/confirm`, {})).statusCode).toBe(200);
    const codes = ((await staff.get(`/api/orgs/${br.id}/warnings`)).json() as W[]).map((w) => w.code);
    expect(codes).toEqual(['COMMITTEE_REQUIRED', 'COMMITTEE_MEMBER_LEFT']);
  });

  it('shows only the caller’s scope; another enterprise’s org answers 404', async () => {
    const a = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const b = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const bBranch = await buildOrg(t, { parentId: b.id, type: 'branch' });
    const staffA = await loginAs(t, 'enterprise_staff', a.id);
    const list = (await staffA.get('/api/orgs/warnings')).json() as W[];
    expect(list.some((w) => w.orgId === bBranch.id)).toBe(false);
    expect((await staffA.get(`/api/orgs/${bBranch.id}/warnings`)).statusCode).toBe(404);
    expect((await staffA.get(`/api/orgs/warnings?orgId=${b.id}`)).statusCode).toBe(404);
    const secretary = await loginAs(t, 'branch_secretary', bBranch.id);
    expect((await secretary.get(`/api/orgs/${bBranch.id}/warnings`)).statusCode).toBe(200);
  });
});
