import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-10T10:00:00+08:00');
});
afterAll(() => t.close());

describe('study plans', () => {
  it('a branch inherits items pushed from above and sees plan vs actual', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const br = await buildOrg(t, { parentId: ent.id });
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const plan = await staff.post('/api/study/plans', { orgId: ent.id, year: 2026, title: '2026年度理论学习计划' });
    expect(plan.statusCode).toBe(201);
    const item = (body: Record<string, unknown>) =>
      staff.post(`/api/study/plans/${plan.json().id}/items`, { theme: 'twentieth_congress', form: 'centralized_training', ...body });
    expect((await item({ month: 3, title: '学习二十大报告', pushed: true, responsible: '党委书记' })).statusCode).toBe(201);
    await item({ month: 4, title: '专题研讨：铸牢中华民族共同体意识', theme: 'ethnic_unity', pushed: true });
    await item({ month: 6, title: '党委内部专题学习' });
    expect((await staff.post('/api/study/plans', { orgId: ent.id, year: 2026, title: '重复' })).statusCode).toBe(409);

    const sec = await loginAs(t, 'branch_secretary', br.id);
    const q2 = await sec.post('/api/study/plans', { orgId: br.id, year: 2026, quarter: 2, title: '第二季度学习计划' });
    expect(
      (await sec.post(`/api/study/plans/${q2.json().id}/items`, { month: 1, theme: 'party_rules', form: 'self_study', title: '错季度' }))
        .statusCode,
    ).toBe(409);
    await sec.post(`/api/study/plans/${q2.json().id}/items`, {
      month: 5,
      theme: 'party_rules',
      form: 'team_micro_class',
      title: '班组课堂：党章',
    });
    await sec.post('/api/study/records', {
      orgId: br.id,
      form: 'centralized_training',
      title: '学习二十大报告',
      occurredOn: '2026-03-18',
      minutes: 120,
    });
    await sec.post('/api/study/records', {
      orgId: br.id,
      form: 'team_micro_class',
      title: '党章第一章',
      occurredOn: '2026-05-08',
      minutes: 10,
    });

    const view = (await sec.get(`/api/study/plans?orgId=${br.id}&year=2026`)).json();
    const byTitle = Object.fromEntries((view.items as { title: string; status: string; inherited: boolean }[]).map((i) => [i.title, i]));
    expect(byTitle.学习二十大报告).toMatchObject({ inherited: true, status: 'done', fromOrg: ent.name });
    expect(byTitle['专题研讨：铸牢中华民族共同体意识']).toMatchObject({ inherited: true, status: 'missed' });
    expect(byTitle['班组课堂：党章']).toMatchObject({ inherited: false, status: 'done' });
    expect(byTitle.党委内部专题学习).toBeUndefined();
    expect(view.summary).toEqual({ planned: 3, done: 2, missed: 1 });

    const top = (await staff.get(`/api/study/plans?orgId=${ent.id}&year=2026`)).json();
    expect(top.summary).toEqual({ planned: 3, done: 1, missed: 1 });
    expect(
      (await sec.post(`/api/study/plans/${plan.json().id}/items`, { month: 7, theme: 'party_rules', form: 'self_study', title: '越级' }))
        .statusCode,
    ).toBe(404);
  });
});
