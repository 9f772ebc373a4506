import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CockpitOutT } from '../../../common/cockpit.ts';
import { type Agent, buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { deadlinesOf, rubricId } from '../fivegood/fivegood.factory.ts';
import { fivegoodAssessments, fivegoodCampaigns } from '../fivegood/fivegood.table.ts';
import { fivegoodRatings } from '../fivegood/rating.table.ts';

let t: TestApp;
let sasac: Agent;

beforeAll(async () => {
  t = await buildTestApp();
  sasac = await loginAs(t, 'sasac_staff', t.rootId);
});
afterAll(() => t.close());

async function cockpit(query: string): Promise<CockpitOutT['headline']['fivegood']> {
  const res = await sasac.get(`/api/cockpit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as CockpitOutT).headline.fivegood;
}

async function campaign(orgId: string, name: string, year = 2026) {
  const [c] = await t.db
    .insert(fivegoodCampaigns)
    .values({ orgId, year, name, rubricId: await rubricId(t), deadlines: deadlinesOf(year), createdAt: t.clock() })
    .returning();
  return c.id;
}

const assess = (campaignId: string, orgId: string, status: 'draft' | 'submitted' | 'confirmed') =>
  t.db.insert(fivegoodAssessments).values({ campaignId, orgId, status, history: [], updatedAt: t.clock() });

const rate = (orgId: string, year: number, kind: 'named' | 'veto') =>
  t.db.insert(fivegoodRatings).values({ orgId, year, kind, grade: 5, label: '五个好', createdAt: t.clock() });

describe('cockpit 五个好 figures', () => {
  it('take the nearest campaign above the org, and count assessments and named branches of its subtree only', async () => {
    const E1 = await buildOrg(t, { type: 'committee', isEnterprise: true, name: '州交投集团党委' });
    const B1 = await buildOrg(t, { parentId: E1.id, type: 'branch' });
    const B2 = await buildOrg(t, { parentId: E1.id, type: 'branch' });
    const E2 = await buildOrg(t, { type: 'committee', isEnterprise: true, name: '州园林宾馆党委' });
    const B3 = await buildOrg(t, { parentId: E2.id, type: 'branch' });
    const atRoot = await campaign(t.rootId, '全州“五个好”创建');
    const atE1 = await campaign(E1.id, '交投“五个好”创建');
    await campaign(E2.id, '上一年的创建', 2025);
    await assess(atE1, B1.id, 'submitted');
    await assess(atE1, B2.id, 'confirmed');
    await assess(atRoot, B3.id, 'draft');
    await rate(B1.id, 2026, 'named');
    await rate(B1.id, 2026, 'named');
    await rate(B2.id, 2026, 'veto');
    await rate(B3.id, 2025, 'named');

    expect(await cockpit('?year=2026')).toEqual({
      campaign: { name: '全州“五个好”创建', status: 'open' },
      byStatus: { submitted: 1, confirmed: 1, draft: 1 },
      named: 1,
    });
    expect(await cockpit(`?orgId=${E1.id}&year=2026`)).toEqual({
      campaign: { name: '交投“五个好”创建', status: 'open' },
      byStatus: { submitted: 1, confirmed: 1 },
      named: 1,
    });
    expect(await cockpit(`?orgId=${B3.id}&year=2026`)).toEqual({
      campaign: { name: '全州“五个好”创建', status: 'open' },
      byStatus: { draft: 1 },
      named: 0,
    });
    expect(await cockpit(`?orgId=${E2.id}&year=2025`)).toEqual({
      campaign: { name: '上一年的创建', status: 'open' },
      byStatus: {},
      named: 1,
    });
    expect(await cockpit('?year=2024')).toEqual({ campaign: null, byStatus: {}, named: 0 });
  });

  it('已命名 counts only the latest rating of the year at the top grade, not vetoed, not revoked', async () => {
    const E = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const b = await Promise.all([0, 1, 2, 3, 4].map(() => buildOrg(t, { parentId: E.id, type: 'branch' })));
    const c = await campaign(E.id, '命名口径测试', 2027);
    const at = (minutes: number) => new Date(t.clock().getTime() + minutes * 60_000);
    const row = (orgId: string, kind: 'named' | 'veto', grade: number, label: string, minutes: number, plaque?: 'active' | 'revoked') =>
      t.db.insert(fivegoodRatings).values({
        orgId,
        year: 2027,
        campaignId: c,
        kind,
        grade,
        label,
        plaqueStatus: plaque ?? null,
        createdAt: at(minutes),
      });
    await row(b[0].id, 'named', 5, '五个好', 0, 'active'); // counted
    await row(b[1].id, 'named', 4, '四个好', 0); // a lower grade
    await row(b[2].id, 'named', 5, '五个好', 0, 'revoked'); // then vetoed: demoted and the plaque revoked
    await row(b[2].id, 'veto', 3, '三个好', 10);
    await row(b[3].id, 'named', 5, '五个好', 0, 'revoked'); // title revoked
    await row(b[4].id, 'named', 3, '三个好', 0); // named twice: the latest counts
    await row(b[4].id, 'named', 5, '五个好', 10, 'active');
    expect((await cockpit(`?orgId=${E.id}&year=2027`)).named).toBe(2);
  });
});
