import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildMembers, buildOrg, loginAs } from '../../test/factories.ts';
import { buildTerm, planVia } from './meeting.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const topicBody = (orgId: string) => ({
  orgId,
  title: '习近平总书记在新疆考察时的重要讲话',
  source: '重要讲话',
  publishedOn: '2026-02-20',
  material: '讲话原文及新华社通稿',
});

describe('第一议题 topic bank', () => {
  it('SASAC keeps the bank and pushes a topic; branches see it only once pushed, are notified, and link it as item 1', async () => {
    const sasac = await loginAs(t, 'sasac_staff', t.rootId);
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const branch = await buildOrg(t, { parentId: ent.id, type: 'branch' });
    const [p] = await buildMembers(t, branch.id, 1);
    const sec = await loginAs(t, 'branch_secretary', branch.id);

    expect((await sec.post('/api/first-topics', topicBody(branch.id))).statusCode).toBe(403);
    const topic = (await sasac.post('/api/first-topics', topicBody(t.rootId))).json();
    expect(topic.canEdit).toBe(true);
    expect((await sec.get('/api/first-topics')).json()).toEqual([]);
    expect((await sec.get(`/api/first-topics/${topic.id}`)).statusCode).toBe(404);

    await buildTerm(t, branch.id, [p.id]);
    const m = await planVia(sec, { orgId: branch.id, type: 'branch_committee', startsAt: '2026-03-01T08:00:00+08:00' });
    const item = {
      kind: 'first_topic',
      title: topic.title,
      topicId: topic.id,
      form: '原文领学',
      summary: '书记领学讲话原文，委员逐一交流',
    };
    expect((await sec.put(`/api/meetings/${m.id}/agenda`, { items: [item] })).statusCode).toBe(400);

    const pushed = await sasac.post(`/api/first-topics/${topic.id}/push`);
    expect(pushed.json().pushedAt).not.toBeNull();
    expect((await sasac.post(`/api/first-topics/${topic.id}/push`)).statusCode).toBe(409);
    const seen = (await sec.get('/api/first-topics')).json();
    expect(seen).toHaveLength(1);
    expect(seen[0].canEdit).toBe(false);
    expect((await sec.patch(`/api/first-topics/${topic.id}`, { title: '改标题试试看' })).statusCode).toBe(403);
    const inbox = JSON.stringify((await sec.get('/api/notifications')).json());
    expect(inbox).toContain('第一议题下发');

    const withAgenda = await sec.put(`/api/meetings/${m.id}/agenda`, { items: [item, { kind: 'regular', title: '研究安全生产工作' }] });
    expect(withAgenda.statusCode).toBe(200);
    expect(withAgenda.json().agenda[0]).toMatchObject({
      position: 1,
      kind: 'first_topic',
      topicTitle: topic.title,
      topicPublishedOn: '2026-02-20',
    });
    expect(withAgenda.json().hasFirstTopic).toBe(true);
    await sec.post(`/api/meetings/${m.id}/hold`);
    await sec.put(`/api/meetings/${m.id}/attendance`, { items: [{ memberId: p.id, status: 'present' }] });
    await sec.patch(`/api/meetings/${m.id}`, { sections: { proceedings: '讨论', resolutions: '议定' } });
    const sub = await sec.post(`/api/meetings/${m.id}/submit`);
    expect(sub.statusCode).toBe(200);
    expect(sub.json().check.flags).toEqual([]);
    const listed = (await sec.get(`/api/meetings?orgId=${branch.id}`)).json().items;
    expect(listed.map((x: { id: string; hasFirstTopic: boolean }) => [x.id, x.hasFirstTopic])).toEqual([[m.id, true]]);
  });

  it('a 党委会 without a linked 第一议题 as item 1 cannot be submitted; a 主题党日 without one can', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const people = await buildMembers(t, ent.id, 3);
    const topic = (await staff.post('/api/first-topics', topicBody(ent.id))).json();
    const m = await planVia(staff, {
      orgId: ent.id,
      type: 'committee_meeting',
      startsAt: '2026-03-01T08:00:00+08:00',
      attendeeIds: people.map((p) => p.id),
    });
    await staff.post(`/api/meetings/${m.id}/hold`);
    await staff.put(`/api/meetings/${m.id}/attendance`, { items: people.map((p) => ({ memberId: p.id, status: 'present' })) });
    await staff.patch(`/api/meetings/${m.id}`, { sections: { proceedings: '研究', decisions: '决定' } });
    await staff.put(`/api/meetings/${m.id}/agenda`, { items: [{ kind: 'regular', title: '研究年度经营计划' }] });
    const refused = await staff.post(`/api/meetings/${m.id}/submit`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('第一议题');
    // the committee's own (not yet pushed) topic may be linked by its own meetings
    await staff.put(`/api/meetings/${m.id}/agenda`, {
      items: [
        { kind: 'first_topic', title: topic.title, topicId: topic.id, form: '集中学习', summary: '传达学习' },
        { kind: 'regular', title: '研究年度经营计划' },
      ],
    });
    const ok = await staff.post(`/api/meetings/${m.id}/submit`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().check.flags.join()).toContain('落实措施');

    const branch = await buildOrg(t, { parentId: ent.id, type: 'branch' });
    const [p] = await buildMembers(t, branch.id, 1);
    const sec = await loginAs(t, 'branch_secretary', branch.id);
    const day = await planVia(sec, { orgId: branch.id, type: 'theme_day', startsAt: '2026-03-01T08:00:00+08:00' });
    await sec.post(`/api/meetings/${day.id}/hold`);
    await sec.put(`/api/meetings/${day.id}/attendance`, { items: [{ memberId: p.id, status: 'present' }] });
    await sec.patch(`/api/meetings/${day.id}`, { sections: { theme: '主题', activities: '活动' } });
    const dayOk = await sec.post(`/api/meetings/${day.id}/submit`);
    expect(dayOk.statusCode).toBe(200);
    expect(dayOk.json().check).toEqual({ missing: [], flags: [] });
  });
});
