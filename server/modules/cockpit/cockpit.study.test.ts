import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CockpitOutT } from '../../../common/cockpit.ts';
import { type Agent, buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildMembers, buildOrg, loginAs } from '../../test/factories.ts';
import { topicIn } from '../meeting/meeting.factory.ts';
import { planVia } from '../meeting/meeting.fixtures.ts';
import { firstTopics } from '../meeting/topic.table.ts';

let t: TestApp;
let sasac: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  sasac = await loginAs(t, 'sasac_staff', t.rootId);
});
afterAll(() => t.close());

const headline = async (orgId: string) => {
  const res = await sasac.get(`/api/cockpit?orgId=${orgId}&year=2026`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as CockpitOutT).headline;
};

describe('cockpit figures follow the rules of their records', () => {
  it('study hours belong to the attendee: a session recorded by the enterprise counts in each attendee’s branch and 党小组 (domain §6)', async () => {
    const E = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const B1 = await buildOrg(t, { parentId: E.id, type: 'branch' });
    const G1 = await buildOrg(t, { parentId: B1.id, type: 'group' });
    const B2 = await buildOrg(t, { parentId: E.id, type: 'branch' });
    const people = [...(await buildMembers(t, B1.id, 2)), ...(await buildMembers(t, G1.id, 2)), ...(await buildMembers(t, B2.id, 2))];
    const rec = await sasac.post('/api/study/records', {
      orgId: E.id,
      form: 'centralized_training',
      title: '集团党委集中学习',
      occurredOn: '2026-03-12',
      minutes: 60,
      attendeeIds: people.map((p) => p.id),
    });
    expect(rec.statusCode, rec.body).toBe(201);
    expect((await headline(E.id)).studyHours).toBe(6);
    expect((await headline(B1.id)).studyHours).toBe(4);
    expect((await headline(B1.id)).studyHoursPerMember).toBe(1);
    expect((await headline(G1.id)).studyHours).toBe(2);
    expect((await headline(B2.id)).studyHours).toBe(2);

    // a deleted record takes the hours back from every attendee's org
    const del = await sasac.delete(`/api/study/records/${rec.json().id}`);
    expect(del.statusCode, del.body).toBeLessThan(300);
    expect((await headline(B1.id)).studyHours).toBe(0);
    expect((await headline(E.id)).studyHours).toBe(0);
  });

  it('counts a 第一议题 only at agenda item 1 (domain §5.2)', async () => {
    const B = await buildOrg(t, { type: 'branch' });
    const [p] = await buildMembers(t, B.id, 1);
    const m = await planVia(sasac, { orgId: B.id, type: 'theme_day', startsAt: '2026-02-05T09:00:00+08:00', attendeeIds: [p.id] });
    const topicId = await topicIn(t, t.rootId);
    await t.db.update(firstTopics).set({ pushedAt: t.clock() }).where(eq(firstTopics.id, topicId));
    const agenda = await sasac.put(`/api/meetings/${m.id}/agenda`, {
      items: [
        { kind: 'regular', title: '研究安全生产工作' },
        { kind: 'first_topic', title: '学习', topicId, form: '集中学习', summary: '原文领学' },
      ],
    });
    expect(agenda.statusCode, agenda.body).toBe(200);
    expect((await sasac.post(`/api/meetings/${m.id}/hold`)).statusCode).toBe(200);
    expect((await headline(B.id)).firstTopics).toBe(0);
  });
});
