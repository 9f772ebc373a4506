import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hours } from '../../platform/clock.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildMembers, buildOrg, loginAs } from '../../test/factories.ts';
import { members } from '../member/member.table.ts';
import { buildTerm, planVia } from './meeting.fixtures.ts';

// domain.md §4.2: a meeting that records a resolution or a vote is judged by the voting quorum; a committee
// meeting's 应到 is the current term's 委员, and more than half of them must be present.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const present = (ids: string[]) => ({ items: ids.map((memberId) => ({ memberId, status: 'present' })) });

describe('quorum (domain §4.2)', () => {
  it('a 党员大会 with 1 of 13 present that records a 决议 cannot be submitted, even when not ticked as a vote', async () => {
    const branch = await buildOrg(t, { type: 'branch' });
    const people = await buildMembers(t, branch.id, 13);
    const sec = await loginAs(t, 'branch_secretary', branch.id);
    const m = await planVia(sec, { orgId: branch.id, type: 'members_assembly', startsAt: '2026-03-01T08:00:00+08:00' });
    expect(m.attendance).toHaveLength(13);
    t.clock.advance(hours(1));
    const sec2 = await loginAs(t, 'branch_secretary', branch.id);
    expect((await sec2.post(`/api/meetings/${m.id}/hold`)).statusCode).toBe(200);
    await sec2.put(`/api/meetings/${m.id}/attendance`, present([people[0].id]));
    await sec2.patch(`/api/meetings/${m.id}`, {
      sections: { proceedings: '讨论了年度工作', resolutions: '同意推荐张三为优秀共产党员' },
    });
    const detail = (await sec2.get(`/api/meetings/${m.id}`)).json();
    expect(detail.check.missing.join()).toContain('不能形成有效决议');
    const res = await sec2.post(`/api/meetings/${m.id}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('应到13人，实到1人');
  });

  it('a 党委会 expects the current term’s 委员 (not the subtree) and needs more than half of them present', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const b1 = await buildOrg(t, { parentId: ent.id, type: 'branch' });
    const b2 = await buildOrg(t, { parentId: ent.id, type: 'branch' });
    const p1 = await buildMembers(t, b1.id, 6);
    const p2 = await buildMembers(t, b2.id, 6);
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const noTerm = await staff.post('/api/meetings', {
      orgId: ent.id,
      type: 'committee_meeting',
      title: '党委会',
      startsAt: '2026-03-01T08:00:00+08:00',
      endsAt: '2026-03-01T10:00:00+08:00',
      place: '会议室',
      host: '书记',
      recorder: '委员',
    });
    expect(noTerm.statusCode).toBe(400);
    expect(noTerm.json().message).toContain('本届委员');

    const seats = [p1[0].id, p1[1].id, p2[0].id, p2[1].id, p2[2].id];
    await buildTerm(t, ent.id, seats);
    const m = await planVia(staff, { orgId: ent.id, type: 'committee_meeting', startsAt: '2026-03-01T08:00:00+08:00' });
    expect(m.attendance.map((a) => a.memberId).sort()).toEqual([...seats].sort());
    t.clock.advance(hours(1));
    const staff2 = await loginAs(t, 'enterprise_staff', ent.id);
    await staff2.post(`/api/meetings/${m.id}/hold`);
    await staff2.put(`/api/meetings/${m.id}/attendance`, present(seats.slice(0, 2)));
    await staff2.patch(`/api/meetings/${m.id}`, { sections: { proceedings: '研究', decisions: '同意年度经营计划' } });
    const below = (await staff2.get(`/api/meetings/${m.id}`)).json();
    expect(below.check.missing.join()).toContain('到会委员未超过半数（应到5人，实到2人），不能形成有效决议');

    await staff2.put(`/api/meetings/${m.id}/attendance`, present(seats.slice(0, 3)));
    const met = (await staff2.get(`/api/meetings/${m.id}`)).json();
    expect(met.check.missing.join()).not.toContain('委员');
  });

  it('a 支委会 expects the registered 支委 of the current term, not everyone holding a 党内职务', async () => {
    const branch = await buildOrg(t, { type: 'branch' });
    const people = await buildMembers(t, branch.id, 5);
    await t.db.update(members).set({ position: '书记' }).where(eq(members.id, people[0].id));
    await t.db.update(members).set({ position: '党小组组长' }).where(eq(members.id, people[3].id));
    await buildTerm(t, branch.id, [people[0].id, people[1].id, people[2].id]);
    const sec = await loginAs(t, 'branch_secretary', branch.id);
    const m = await planVia(sec, { orgId: branch.id, type: 'branch_committee', startsAt: '2026-03-01T08:00:00+08:00' });
    expect(m.attendance.map((a) => a.memberId).sort()).toEqual([people[0].id, people[1].id, people[2].id].sort());
  });
});
