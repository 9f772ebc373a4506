import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { meetingIn } from '../meeting/meeting.factory.ts';
import { buildMember } from '../member/member.factory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('collective study records', () => {
  it('集中学习 linked to a meeting counts those present; attendees must belong to the org', async () => {
    const br = await buildOrg(t);
    const other = await buildOrg(t);
    const sec = await loginAs(t, 'branch_secretary', br.id);
    const meetingId = await meetingIn(t, br.id, { status: 'held' });
    const res = await sec.post('/api/study/records', {
      orgId: br.id,
      form: 'meeting_study',
      title: '主题党日集中学习',
      occurredOn: '2026-03-01',
      minutes: 90,
      meetingId,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().people).toEqual([expect.objectContaining({ via: 'meeting' })]);

    const stranger = await buildMember(t, other.id);
    const bad = await sec.post('/api/study/records', {
      orgId: br.id,
      form: 'centralized_training',
      title: '集中培训',
      occurredOn: '2026-03-02',
      minutes: 120,
      attendeeIds: [stranger.id],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('不是本组织的党员');
    const foreign = await sec.post('/api/study/records', {
      orgId: br.id,
      form: 'meeting_study',
      title: '别的支部的会',
      occurredOn: '2026-03-02',
      minutes: 60,
      meetingId: await meetingIn(t, other.id, { status: 'held' }),
    });
    expect(foreign.statusCode).toBe(400);
    expect((await sec.delete(`/api/study/records/${res.json().id}`)).statusCode).toBe(204);
    expect((await sec.get(`/api/study/records/${res.json().id}`)).statusCode).toBe(404);
  });
});
