import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../jobs.ts';
import { days } from '../../platform/clock.ts';
import { runDueJobs } from '../../platform/jobs/runner.ts';
import { notifications } from '../../platform/notify/notify.table.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildBranch, buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { buildMember } from '../member/member.factory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function branchWithMembers(n: number) {
  const { ent, branch: br } = await buildBranch(t);
  const ms = [];
  for (let i = 0; i < n; i++) ms.push(await buildMember(t, br.id));
  return { ent, br, ms };
}

const seats = (ids: string[]) =>
  ids.map((memberId, i) => ({
    memberId,
    duty: ['secretary', 'organization_officer', 'publicity_officer', 'discipline_officer', 'member'][i],
  }));

describe('委员会与换届', () => {
  it('records an election with a 3-year term from the rule table, and the next election ends the previous term', async () => {
    const { ent, br, ms } = await branchWithMembers(8);
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const first = await staff.post(`/api/orgs/${br.id}/committees`, {
      electedOn: '2022-04-15',
      members: seats(ms.slice(0, 3).map((m) => m.id)),
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      termYears: 3,
      termEndsOn: '2025-04-15',
      endsOn: '2025-04-15',
      status: 'current',
      termState: 'overdue',
    });
    expect(first.json().members.map((m: { duty: string }) => m.duty)).toEqual(['secretary', 'organization_officer', 'publicity_officer']);

    const second = await staff.post(`/api/orgs/${br.id}/committees`, {
      electedOn: '2025-05-20',
      members: seats(ms.slice(3, 8).map((m) => m.id)),
    });
    expect(second.json()).toMatchObject({ termEndsOn: '2028-05-20', termState: 'ok' });
    const history = (await staff.get(`/api/orgs/${br.id}/committees`)).json();
    expect(history.map((c: { status: string; endedOn: string | null }) => [c.status, c.endedOn])).toEqual([
      ['current', null],
      ['ended', '2025-05-20'],
    ]);
    const older = await staff.post(`/api/orgs/${br.id}/committees`, { electedOn: '2024-01-01', members: seats([ms[0].id]) });
    expect(older.statusCode).toBe(409);
  });

  it('refuses two secretaries, a probationary member, someone from another branch and an election without a 4/5 quorum, in Chinese', async () => {
    const { ent, br, ms } = await branchWithMembers(3);
    const prob = await buildMember(t, br.id, { category: 'probationary', fullMemberOn: null, joinedOn: '2025-10-01', name: '王预备' });
    const other = await buildOrg(t, { parentId: ent.id, type: 'branch' });
    const outsider = await buildMember(t, other.id);
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const two = await staff.post(`/api/orgs/${br.id}/committees`, {
      electedOn: '2025-01-01',
      members: ms.slice(0, 2).map((m) => ({ memberId: m.id, duty: 'secretary' })),
    });
    expect(two.statusCode).toBe(400);
    expect(two.json().message).toContain('应有且只有 1 名书记');
    const p = await staff.post(`/api/orgs/${br.id}/committees`, { electedOn: '2025-01-01', members: seats([ms[0].id, prob.id]) });
    expect(p.json().message).toBe('王预备是预备党员，没有被选举权，不能担任委员');
    const o = await staff.post(`/api/orgs/${br.id}/committees`, { electedOn: '2025-01-01', members: seats([ms[0].id, outsider.id]) });
    expect(o.statusCode).toBe(400);
    const noQuorum = await staff.post(`/api/orgs/${br.id}/committees`, {
      electedOn: '2025-01-01',
      members: seats([ms[0].id]),
      votersEntitled: 10,
      votersPresent: 8,
    });
    expect(noQuorum.json().message).toBe('选举大会实到 8 人，未超过应到 10 人的 80%，选举无效，请核对或重新组织选举');
    const quorum = await staff.post(`/api/orgs/${br.id}/committees`, {
      electedOn: '2025-01-01',
      members: seats([ms[0].id]),
      votersEntitled: 10,
      votersPresent: 9,
    });
    expect(quorum.json()).toMatchObject({ votersEntitled: 10, votersPresent: 9 });
    const secretary = await loginAs(t, 'branch_secretary', br.id);
    expect(
      (await secretary.post(`/api/orgs/${br.id}/committees`, { electedOn: '2025-01-01', members: seats([ms[0].id]) })).statusCode,
    ).toBe(403);
    expect((await secretary.get(`/api/orgs/${br.id}/committees`)).statusCode).toBe(200);
  });

  it('reminds the secretary and enterprise staff 6, 3 and 1 months before the end exactly once each, then flags it overdue', async () => {
    t.clock.set('2026-02-20T09:00:00+08:00');
    const { ent, br, ms } = await branchWithMembers(3);
    const secretary = await buildUser(t, { roles: [{ role: 'branch_secretary', orgId: br.id }] });
    const staffUser = await buildUser(t, { roles: [{ role: 'enterprise_staff', orgId: ent.id }] });
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const c = await staff.post(`/api/orgs/${br.id}/committees`, { electedOn: '2023-09-01', members: seats([ms[0].id]) });
    expect(c.json().endsOn).toBe('2026-09-01');

    const mine = async (userId: string) =>
      (
        await t.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, userId)))
      ).filter((n) => n.dedupeKey?.includes(c.json().id));
    for (let day = 0; day < 200; day++) {
      await runDueJobs(t.db, t.env, jobs, ['committee-term-reminders']);
      t.clock.advance(days(1));
    }
    const got = (await mine(secretary.id)).map((n) => [n.kind, n.dedupeKey?.split(':').at(-1), n.createdAt.toISOString().slice(0, 10)]);
    expect(got).toEqual([
      ['term_due', '6', '2026-03-01'],
      ['term_due', '3', '2026-06-01'],
      ['term_due', '1', '2026-08-01'],
      ['term_overdue', 'overdue', '2026-09-02'],
    ]);
    expect((await mine(staffUser.id)).length).toBe(4);
    const again = await loginAs(t, 'enterprise_staff', ent.id);
    const list = (await again.get(`/api/committees?orgId=${ent.id}&state=overdue`)).json();
    expect(list.map((x: { id: string; daysOverdue: number }) => [x.id, x.daysOverdue > 0])).toEqual([[c.json().id, true]]);
  });

  it('records a postponement with reason and approval up to 1 year, refuses more, and restarts reminders for the new end', async () => {
    t.clock.set('2026-03-10T09:00:00+08:00');
    const { ent, br, ms } = await branchWithMembers(3);
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const c = (await staff.post(`/api/orgs/${br.id}/committees`, { electedOn: '2023-01-10', members: seats([ms[0].id]) })).json();
    expect(c.termState).toBe('overdue');
    const approval = {
      reason: '企业重组期间暂缓换届',
      approvedBy: '州国资委党委',
      approvedOn: '2026-03-01',
      docNo: '昌国资党发〔2026〕3号',
    };
    const tooLong = await staff.post(`/api/committees/${c.id}/postpone`, { ...approval, postponedTo: '2027-01-11' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().message).toBe('换届延期一般不超过 1 年，延期后的届满日期最晚为 2027-01-10');
    const noReason = await staff.post(`/api/committees/${c.id}/postpone`, { ...approval, reason: '', postponedTo: '2026-12-31' });
    expect(noReason.statusCode).toBe(400);
    const ok = await staff.post(`/api/committees/${c.id}/postpone`, { ...approval, postponedTo: '2027-01-10' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      endsOn: '2027-01-10',
      termEndsOn: '2026-01-10',
      termState: 'ok',
      postpone: { approvedBy: '州国资委党委' },
    });
    const warnings = (await staff.get(`/api/orgs/${br.id}/warnings`)).json() as { code: string }[];
    expect(warnings.some((w) => w.code === 'TERM_OVERDUE')).toBe(false);
    const keys = async () =>
      (await t.db.select().from(notifications)).filter((n) => n.dedupeKey?.startsWith(`term:${c.id}:`)).map((n) => n.dedupeKey);
    await buildUser(t, { roles: [{ role: 'branch_secretary', orgId: br.id }] });
    t.clock.set('2026-07-09T09:00:00+08:00');
    await runDueJobs(t.db, t.env, jobs, ['committee-term-reminders']);
    expect(await keys()).toEqual([]);
    t.clock.set('2026-07-10T09:00:00+08:00');
    await runDueJobs(t.db, t.env, jobs, ['committee-term-reminders']);
    expect(new Set(await keys())).toEqual(new Set([`term:${c.id}:2027-01-10:6`]));
  });

  it('hides another enterprise’s committees (404) and needs org:write to change them (403)', async () => {
    const { ent, br, ms } = await branchWithMembers(3);
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const c = (await staff.post(`/api/orgs/${br.id}/committees`, { electedOn: '2025-01-01', members: seats([ms[0].id]) })).json();
    const other = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const stranger = await loginAs(t, 'enterprise_staff', other.id);
    expect((await stranger.get(`/api/committees/${c.id}`)).statusCode).toBe(404);
    expect(
      (
        await stranger.post(`/api/committees/${c.id}/postpone`, {
          postponedTo: '2028-06-01',
          reason: '测试延期原因',
          approvedBy: '上级党委',
          approvedOn: '2025-01-01',
        })
      ).statusCode,
    ).toBe(404);
    const secretary = await loginAs(t, 'branch_secretary', br.id);
    expect((await secretary.get(`/api/committees/${c.id}`)).statusCode).toBe(200);
    expect((await secretary.patch(`/api/committees/${c.id}`, { version: c.version, note: '调整' })).statusCode).toBe(403);
    const upd = await staff.patch(`/api/committees/${c.id}`, { version: c.version, members: seats([ms[1].id, ms[2].id]) });
    expect(upd.json().members.map((m: { memberId: string }) => m.memberId)).toEqual([ms[1].id, ms[2].id]);
    expect((await staff.patch(`/api/committees/${c.id}`, { version: c.version, note: '旧版本' })).statusCode).toBe(409);
  });
});
