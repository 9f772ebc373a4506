import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgs } from '../../platform/access/org.table.ts';
import { defaultRules } from '../../platform/rules/rules.service.ts';
import { buildTestApp, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildMembers, buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { cellStatus, periodsOf, requirementsFor } from './calendar.rules.ts';
import { planVia } from './meeting.fixtures.ts';
import { remindDueMeetings } from './meeting.jobs.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Cal = { rows: { key: string; periods: { key: string; status: string; held: number }[] }[]; months: string[] };
const cell = (c: Cal, key: string, period: string) => c.rows.find((r) => r.key === key)?.periods.find((p) => p.key === period)?.status;

describe('compliance calendar rules', () => {
  it('a branch needs 支委会 only when it has a committee; 党小组 needs 党小组会; 党总支 inherits the branch rules', () => {
    const r = defaultRules();
    const keys = (type: 'branch' | 'group' | 'general_branch' | 'committee', c: boolean) => requirementsFor(r, type, c).map((x) => x.key);
    expect(keys('branch', false)).not.toContain('branch_committee');
    expect(keys('branch', true)).toEqual(
      expect.arrayContaining(['branch_committee', 'members_assembly', 'party_lecture', 'theme_day', 'life_meeting']),
    );
    expect(keys('group', false)).toEqual(['group_meeting']);
    expect(keys('general_branch', true)).toEqual(keys('branch', true));
    expect(keys('committee', false)).toEqual(['party_lecture_by_secretary', 'benchmark_check']);
  });

  it.each([
    ['month', '2026-01-16T11:59:00+08:00', 0, 'grey'],
    ['month', '2026-01-16T12:00:00+08:00', 0, 'yellow'],
    ['month', '2026-02-01T00:00:00+08:00', 0, 'red'],
    ['month', '2026-01-31T23:59:00+08:00', 1, 'green'],
    ['quarter', '2026-02-14T23:59:00+08:00', 0, 'grey'],
    ['quarter', '2026-02-15T00:00:00+08:00', 0, 'yellow'],
    ['quarter', '2026-04-01T00:00:00+08:00', 0, 'red'],
    ['year', '2026-12-31T23:59:00+08:00', 0, 'yellow'],
    ['year', '2027-01-01T00:00:00+08:00', 0, 'red'],
    ['year', '2026-07-02T12:00:00+08:00', 0, 'yellow'],
    ['year', '2026-07-02T11:59:00+08:00', 0, 'grey'],
  ] as const)('%s period, at %s with %i held → %s', (per, now, held, status) => {
    expect(cellStatus(held, 1, periodsOf(per, 2026)[0], new Date(now))).toBe(status);
  });
});

describe('compliance calendar through the API', () => {
  it('turns cells green when held, yellow at half the period, red when a month, quarter or year closes short', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const branch = await buildOrg(t, { parentId: ent.id, type: 'branch', name: '阜康匝道收费站党支部' });
    const other = await buildOrg(t, { parentId: ent.id, type: 'branch', name: '昌吉东收费站党支部' });
    await buildMembers(t, branch.id, 3);
    // fresh accounts at each date: sessions and password age follow the fake clock
    const at = async (when: string) => {
      t.clock.set(when);
      return { sec: await loginAs(t, 'branch_secretary', branch.id), staff: await loginAs(t, 'enterprise_staff', ent.id) };
    };
    const cal = async (a: Awaited<ReturnType<typeof at>>['sec'], year = 2026) =>
      (await a.get(`/api/meeting-calendar?orgId=${branch.id}&year=${year}`)).json() as Cal;

    let s = await at('2026-01-10T09:00:00+08:00');
    let c = await cal(s.sec);
    expect(c.rows.map((r) => r.key)).not.toContain('branch_committee');
    expect(cell(c, 'theme_day', '2026-01')).toBe('grey');

    s = await at('2026-01-20T09:00:00+08:00');
    expect(cell(await cal(s.sec), 'theme_day', '2026-01')).toBe('yellow');
    const day = await planVia(s.sec, { orgId: branch.id, type: 'theme_day', startsAt: '2026-01-20T08:00:00+08:00' });
    expect(cell(await cal(s.sec), 'theme_day', '2026-01')).toBe('yellow');
    await s.sec.post(`/api/meetings/${day.id}/hold`);
    c = await cal(s.sec);
    expect(cell(c, 'theme_day', '2026-01')).toBe('green');

    // a week before February closes with no 主题党日 the secretary is reminded, once
    s = await at('2026-02-23T09:00:00+08:00');
    await remindDueMeetings(t.sys());
    await remindDueMeetings(t.sys());
    const inbox = (await s.sec.get('/api/notifications')).json() as { items: { title: string }[] };
    expect(inbox.items.filter((n) => n.title.includes('2月尚未召开主题党日'))).toHaveLength(1);

    s = await at('2026-03-02T09:00:00+08:00');
    c = await cal(s.sec);
    expect(cell(c, 'theme_day', '2026-01')).toBe('green');
    expect(cell(c, 'theme_day', '2026-02')).toBe('red');
    expect(cell(c, 'members_assembly', '2026-Q1')).toBe('yellow');
    expect(c.months[1]).toBe('red');

    const asm = await planVia(s.sec, { orgId: branch.id, type: 'members_assembly', startsAt: '2026-03-02T08:00:00+08:00' });
    await s.sec.post(`/api/meetings/${asm.id}/hold`);
    s = await at('2026-04-01T00:00:00+08:00');
    c = await cal(s.sec);
    expect(cell(c, 'members_assembly', '2026-Q1')).toBe('green');
    expect(cell(c, 'party_lecture', '2026-Q1')).toBe('red');
    expect(cell(c, 'members_assembly', '2026-Q2')).toBe('grey');

    // a 组织生活会 that also held 民主评议 counts for both
    s = await at('2026-12-20T09:00:00+08:00');
    const life = await planVia(s.sec, { orgId: branch.id, type: 'life_meeting', startsAt: '2026-12-20T08:00:00+08:00' });
    await s.sec.patch(`/api/meetings/${life.id}`, { countsAs: ['member_appraisal'] });
    await s.sec.post(`/api/meetings/${life.id}/hold`);
    s = await at('2027-01-01T00:00:00+08:00');
    c = await cal(s.sec);
    expect(cell(c, 'life_meeting', '2026')).toBe('green');
    expect(cell(c, 'member_appraisal', '2026')).toBe('green');
    expect(cell(c, 'heart_talk', '2026')).toBe('red');

    const heat = (await s.staff.get(`/api/meeting-calendar/heatmap?orgId=${ent.id}&year=2026`)).json();
    const row = (id: string) => heat.orgs.find((o: { orgId: string }) => o.orgId === id);
    expect(row(other.id).months.every((m: string) => m === 'red')).toBe(true);
    expect(row(branch.id).months[0]).toBe('red'); // January: the Q1 党课 was missed
    expect(heat.gaps.some((g: { orgId: string; label: string }) => g.orgId === other.id && g.label === '主题党日')).toBe(true);
    expect(heat.gaps.filter((g: { status: string }) => g.status === 'yellow')).toEqual([]);
    expect(heat.summary.withRed).toBeGreaterThanOrEqual(2);
    expect((await s.sec.get(`/api/meeting-calendar/heatmap?orgId=${ent.id}&year=2026`)).statusCode).toBe(404);
  });

  it('a branch flagged as having a committee must hold a 支委会 every month from its founding', async () => {
    const branch = await buildOrg(t, { type: 'branch' });
    await t.db
      .update(orgs)
      .set({ attributes: { hasCommittee: true }, foundedOn: '2026-03-10' })
      .where(eq(orgs.id, branch.id));
    const u = await buildUser(t, { roles: [{ role: 'branch_secretary', orgId: branch.id }] });
    t.clock.set('2026-05-20T09:00:00+08:00');
    const a = await login(t, u.username, TEST_PASSWORD);
    const c = (await a.get(`/api/meeting-calendar?orgId=${branch.id}&year=2026`)).json() as Cal;
    expect(cell(c, 'branch_committee', '2026-02')).toBe('grey'); // closed before the branch was founded
    expect(cell(c, 'branch_committee', '2026-03')).toBe('red');
    expect(cell(c, 'branch_committee', '2026-04')).toBe('red');
    expect(cell(c, 'branch_committee', '2026-05')).toBe('yellow');
    expect(cell(c, 'branch_committee', '2026-06')).toBe('grey');
  });
});
