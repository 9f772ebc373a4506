import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgs } from '../../platform/access/org.table.ts';
import { hours } from '../../platform/clock.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildBranch, buildMembers, buildOrg, loginAs } from '../../test/factories.ts';
import { buildTerm, planVia } from './meeting.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const present = (ids: string[]) => ({ items: ids.map((memberId) => ({ memberId, status: 'present' })) });

describe('meeting records', () => {
  it('plans a 支委会 with the current term’s 委员 as 应到, holds it only once started, and refuses an incomplete record naming what is missing', async () => {
    const { branch, people, agent: first } = await buildBranch(t, { members: 3, login: 'branch_secretary' });
    let sec = first;
    // a 支委会 expects the 委员 of the current term
    await buildTerm(
      t,
      branch.id,
      people.map((p) => p.id),
    );
    const m = await planVia(sec, { orgId: branch.id, type: 'branch_committee', startsAt: '2026-03-01T10:00:00+08:00', title: '3月支委会' });
    expect(m.attendance).toHaveLength(3);
    expect(m.status).toBe('planned');
    const early = await sec.post(`/api/meetings/${m.id}/hold`);
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('尚未开始');
    t.clock.advance(hours(2));
    sec = await loginAs(t, 'branch_secretary', branch.id); // sessions expire while the fake clock jumps
    expect((await sec.post(`/api/meetings/${m.id}/hold`)).json().status).toBe('held');

    const bad = await sec.post(`/api/meetings/${m.id}/submit`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('“研究讨论情况”栏目');
    expect(bad.json().message).toContain('“议定事项”栏目');
    expect(bad.json().missing).toContain('出席情况（至少一人出席）');

    await sec.put(`/api/meetings/${m.id}/attendance`, present(people.map((p) => p.id)));
    await sec.patch(`/api/meetings/${m.id}`, {
      sections: { proceedings: '研究了三月份收费站安全生产工作', resolutions: '成立党员安全责任区' },
    });
    const ok = await sec.post(`/api/meetings/${m.id}/submit`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('submitted');
    // a 支委会 without a 第一议题 is flagged for the reviewer, not refused (rule table)
    expect(ok.json().check.flags[0]).toContain('第一议题');
    expect(ok.json().counts).toEqual({ expected: 3, present: 3, absent: 0, leave: 0 });
    const frozen = await sec.patch(`/api/meetings/${m.id}`, { minutes: '补记' });
    expect(frozen.statusCode).toBe(409);
  });

  it('a 组织生活会 needs 对照检查, 批评与自我批评 and 整改措施; SASAC staff can make a section optional', async () => {
    const { branch, people, agent: sec } = await buildBranch(t, { members: 2, login: 'branch_secretary' });
    const m = await planVia(sec, { orgId: branch.id, type: 'life_meeting', startsAt: '2026-03-01T08:00:00+08:00' });
    await sec.post(`/api/meetings/${m.id}/hold`);
    await sec.put(`/api/meetings/${m.id}/attendance`, {
      items: [
        { memberId: people[0].id, status: 'present' },
        { memberId: people[1].id, status: 'leave', reason: '' },
      ],
    });
    const noReason = await sec.put(`/api/meetings/${m.id}/attendance`, { items: [{ memberId: people[1].id, status: 'leave' }] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('请假事由');
    await sec.put(`/api/meetings/${m.id}/attendance`, {
      items: [
        { memberId: people[0].id, status: 'present' },
        { memberId: people[1].id, status: 'leave', reason: '外出培训' },
      ],
    });
    await sec.patch(`/api/meetings/${m.id}`, {
      sections: { topic: '学习贯彻党的二十大精神专题组织生活会', preparation: '开展谈心谈话12人次' },
    });
    const res = await sec.post(`/api/meetings/${m.id}/submit`);
    expect(res.statusCode).toBe(400);
    for (const label of ['对照检查', '批评与自我批评', '整改措施']) expect(res.json().message).toContain(`“${label}”`);

    expect(
      (await sec.put('/api/meeting-templates/life_meeting', { sections: [{ key: 'topic', label: '会议主题', required: true }] }))
        .statusCode,
    ).toBe(403);
    const sasac = await loginAs(t, 'sasac_staff', t.rootId);
    const tpl = (await sasac.get('/api/meeting-templates')).json().life_meeting;
    const edited = tpl.sections.map((s: { key: string }) => (s.key === 'rectification' ? { ...s, required: false } : s));
    expect((await sasac.put('/api/meeting-templates/life_meeting', { sections: edited })).statusCode).toBe(200);
    await sec.patch(`/api/meetings/${m.id}`, {
      sections: {
        topic: '专题组织生活会',
        preparation: '谈心谈话',
        self_check: '对照党章党规查摆问题3条',
        criticism: '逐一开展批评与自我批评',
      },
    });
    const after = await sec.post(`/api/meetings/${m.id}/submit`);
    expect(after.statusCode).toBe(200);
    expect(after.json().counts).toMatchObject({ expected: 2, present: 1, leave: 1 });
  });

  it('a 党员大会 vote needs more than half of the full members present, and counts only full members', async () => {
    const { branch, agent: sec } = await buildBranch(t, { members: 0, login: 'branch_secretary' });
    const full = await buildMembers(t, branch.id, 5);
    const prob = await buildMembers(t, branch.id, 2, { category: 'probationary' });
    const m = await planVia(sec, { orgId: branch.id, type: 'members_assembly', startsAt: '2026-03-01T08:00:00+08:00', voting: true });
    await sec.post(`/api/meetings/${m.id}/hold`);
    await sec.put(`/api/meetings/${m.id}/attendance`, present([full[0].id, full[1].id, prob[0].id, prob[1].id]));
    const vote = { motion: '接收张三为预备党员', votesFor: 2, votesAgainst: 0, abstain: 0 };
    const refused = await sec.patch(`/api/meetings/${m.id}`, { votes: [vote] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('应到 5 人，实到 2 人');
    expect(refused.json().quorum).toMatchObject({ entitled: 5, present: 2, required: 3, met: false });

    await sec.put(`/api/meetings/${m.id}/attendance`, present([full[2].id]));
    const detail = (await sec.get(`/api/meetings/${m.id}`)).json();
    expect(detail.quorum).toMatchObject({ entitled: 5, present: 3, met: true });
    const ok = await sec.patch(`/api/meetings/${m.id}`, {
      votes: [
        { ...vote, votesFor: 3 },
        { motion: '另一事项', votesFor: 2, votesAgainst: 1, abstain: 0 },
      ],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().votes.map((v: { passed: boolean }) => v.passed)).toEqual([true, false]);
    const tooMany = await sec.patch(`/api/meetings/${m.id}`, { votes: [{ ...vote, votesFor: 4 }] });
    expect(tooMany.statusCode).toBe(400);
  });

  it('the upper org returns a thin record with a comment; the branch sees why, resubmits, and the history is kept', async () => {
    const { ent, branch, people, agent: sec } = await buildBranch(t, { members: 1, login: 'branch_secretary' });
    const m = await planVia(sec, { orgId: branch.id, type: 'theme_day', startsAt: '2026-03-01T08:00:00+08:00' });
    await sec.post(`/api/meetings/${m.id}/hold`);
    await sec.put(`/api/meetings/${m.id}/attendance`, present([people[0].id]));
    await sec.patch(`/api/meetings/${m.id}`, { sections: { theme: '学雷锋', activities: '志愿服务' } });
    await t.db
      .update(orgs)
      .set({ attributes: { themeDayFixedDay: 15 } })
      .where(eq(orgs.id, branch.id));
    const submitted = await sec.post(`/api/meetings/${m.id}/submit`);
    expect(submitted.json().check.flags).toEqual(['主题党日未在本支部固定的每月15日召开']);

    expect((await sec.post(`/api/meetings/${m.id}/review`, { action: 'approve' })).statusCode).toBe(403);
    const stranger = await loginAs(t, 'enterprise_staff', (await buildOrg(t, { type: 'committee' })).id);
    expect((await stranger.post(`/api/meetings/${m.id}/review`, { action: 'approve' })).statusCode).toBe(404);

    const reviewer = await loginAs(t, 'enterprise_staff', ent.id);
    expect((await reviewer.post(`/api/meetings/${m.id}/review`, { action: 'return' })).statusCode).toBe(400);
    const ret = await reviewer.post(`/api/meetings/${m.id}/review`, {
      action: 'return',
      comment: '活动内容过于简单，请补充参加人数和成效',
    });
    expect(ret.json().status).toBe('returned');
    const seen = (await sec.get(`/api/meetings/${m.id}`)).json();
    expect(seen.reviews.at(-1)).toMatchObject({ action: 'return', comment: '活动内容过于简单，请补充参加人数和成效' });
    expect(seen.canEdit).toBe(true);
    await sec.patch(`/api/meetings/${m.id}`, {
      sections: { theme: '学雷锋', activities: '组织8名党员到收费广场开展志愿服务，发放宣传册200份' },
    });
    expect((await sec.post(`/api/meetings/${m.id}/submit`)).json().status).toBe('submitted');
    const done = await reviewer.post(`/api/meetings/${m.id}/review`, { action: 'approve' });
    expect(done.json().status).toBe('approved');
    expect(done.json().reviews.map((r: { action: string }) => r.action)).toEqual(['submit', 'return', 'submit', 'approve']);
    const inbox = (await sec.get('/api/notifications')).json();
    expect(JSON.stringify(inbox)).toContain('退回补充');
  });

  it('lists meetings in scope only; out-of-scope records answer 404 like missing ones', async () => {
    const a = await buildBranch(t, { members: 1, login: 'branch_secretary' });
    const b = await buildBranch(t, { members: 1, login: 'branch_secretary' });
    const m = await planVia(a.agent, { orgId: a.branch.id, type: 'party_lecture', startsAt: '2026-03-05T09:00:00+08:00' });
    const listA = (await a.agent.get('/api/meetings')).json();
    expect(listA.items.map((x: { id: string }) => x.id)).toContain(m.id);
    expect((await b.agent.get('/api/meetings')).json().items.map((x: { id: string }) => x.id)).not.toContain(m.id);
    expect((await b.agent.get(`/api/meetings/${m.id}`)).statusCode).toBe(404);
    expect((await b.agent.post('/api/meetings', { ...m, orgId: a.branch.id })).statusCode).toBe(404);
  });
});
