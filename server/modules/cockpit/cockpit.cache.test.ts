import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CockpitOutT } from '../../../common/cockpit.ts';
import { type Agent, buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildMembers, buildOrg, loginAs } from '../../test/factories.ts';
import { planVia } from '../meeting/meeting.fixtures.ts';

// The cockpit keeps an org's rows between requests (cockpit-read.service.ts): every write must show in the very next read.

let t: TestApp;
let sasac: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  sasac = await loginAs(t, 'sasac_staff', t.rootId);
});
afterAll(() => t.close());

async function cockpit(query: string): Promise<CockpitOutT> {
  const res = await sasac.get(`/api/cockpit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('cockpit figures kept between requests', () => {
  it('show every write in the next read: members, meetings, renames, reorders, new and moved children', async () => {
    const E = await buildOrg(t, { type: 'committee', isEnterprise: true, name: '州交投集团党委' });
    const B1 = await buildOrg(t, { parentId: E.id, type: 'branch', name: '第1党支部' });
    const B2 = await buildOrg(t, { parentId: E.id, type: 'branch', name: '第2党支部' });
    const q = `?orgId=${E.id}&year=2026`;
    const names = async () => (await cockpit(q)).children.map((c) => c.org.name);
    expect(await names()).toEqual(['第1党支部', '第2党支部']);
    expect(await names()).toEqual(['第1党支部', '第2党支部']);

    await buildMembers(t, B2.id, 3);
    let f = await cockpit(q);
    expect(f.headline.members.total).toBe(3);
    expect(f.children[1]).toMatchObject({ org: { id: B2.id }, members: 3 });

    const m = await planVia(sasac, { orgId: B1.id, type: 'members_assembly', startsAt: '2026-01-10T09:00:00+08:00' });
    expect((await cockpit(q)).headline.meetings.members_assembly).toBe(0);
    expect((await sasac.post(`/api/meetings/${m.id}/hold`)).statusCode).toBe(200);
    f = await cockpit(q);
    expect(f.headline.meetings.members_assembly).toBe(1);
    expect(f.monthly[0].meetings).toBe(1);
    expect(f.children[0]).toMatchObject({ org: { id: B1.id }, meetings: 1 });

    expect((await sasac.patch(`/api/orgs/${B2.id}`, { name: '第3党支部', sortOrder: 0 })).statusCode).toBe(200);
    expect((await sasac.patch(`/api/orgs/${B1.id}`, { sortOrder: 5 })).statusCode).toBe(200);
    expect(await names()).toEqual(['第3党支部', '第1党支部']);

    const B3 = await buildOrg(t, { parentId: E.id, type: 'branch', name: '第4党支部' });
    expect(await names()).toEqual(['第3党支部', '第4党支部', '第1党支部']);
    expect((await sasac.patch(`/api/orgs/${B3.id}`, { parentId: t.rootId })).statusCode).toBe(200);
    expect(await names()).toEqual(['第3党支部', '第1党支部']);
    expect((await cockpit('?year=2026')).children.map((c) => c.org.name)).toContain('第4党支部');
  });

  it('show a write in the 组织设置预警 count of the next read (no time-to-live)', async () => {
    const E = await buildOrg(t, { type: 'committee', isEnterprise: true, name: '预警缓存测试党委' });
    const q = `?orgId=${E.id}&year=2026`;
    const before = (await cockpit(q)).headline.warnings.total;
    expect((await cockpit(q)).headline.warnings.total).toBe(before);
    const res = await sasac.post('/api/orgs', { parentId: E.id, name: '新设党支部', type: 'branch' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await cockpit(q)).headline.warnings.total).toBeGreaterThan(before);
  });
});
