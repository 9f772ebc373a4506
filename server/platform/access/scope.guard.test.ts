import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { meetingIn } from '../../modules/meeting/meeting.factory.ts';
import { memberIn, memberInput } from '../../modules/member/member.factory.ts';
import { recordIn } from '../../modules/study/study.factory.ts';
import { type Agent, buildTestApp, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, buildUser, loginAs } from '../../test/factories.ts';

// A read-only supervisor: in this file the enterprise role keeps its reads and loses every write, so one account
// can read an org (as supervisor of E1) without the write it holds only in its own branch (as secretary of B1).
vi.mock('../../../common/access.ts', async (orig) => {
  const m = await orig<typeof import('../../../common/access.ts')>();
  const reads = ['org:read', 'file:read', 'member:read', 'meeting:read', 'study:read', 'fivegood:read', 'cockpit:read'] as const;
  return { ...m, ROLE_PERMISSIONS: { ...m.ROLE_PERMISSIONS, enterprise_staff: reads } };
});

let t: TestApp;
const org: Record<string, string> = {};
let secretary: Agent;
let supervisor: Agent;

beforeAll(async () => {
  t = await buildTestApp();
  org.E1 = (await buildOrg(t, { type: 'committee', isEnterprise: true, name: '范围甲企业党委' })).id;
  org.B1 = (await buildOrg(t, { parentId: org.E1, name: '范围甲一支部' })).id;
  org.B2 = (await buildOrg(t, { parentId: org.E1, name: '范围甲二支部' })).id;
  org.E2 = (await buildOrg(t, { type: 'committee', isEnterprise: true, name: '范围乙企业党委' })).id;
  org.B3 = (await buildOrg(t, { parentId: org.E2, name: '范围乙一支部' })).id;
  secretary = await loginAs(t, 'branch_secretary', org.B1);
  const u = await buildUser(t, {
    roles: [
      { role: 'enterprise_staff', orgId: org.E1 },
      { role: 'branch_secretary', orgId: org.B1 },
    ],
  });
  supervisor = await login(t, u.username, TEST_PASSWORD);
});
afterAll(() => t?.close());

const meetingBody = (orgId: string) => ({
  orgId,
  type: 'theme_day',
  title: '范围测试主题党日',
  startsAt: '2026-03-01T08:00:00+08:00',
  endsAt: '2026-03-01T10:00:00+08:00',
  place: '活动室',
  host: '主持人',
  recorder: '记录人',
});
const recordBody = (orgId: string) => ({
  orgId,
  form: 'centralized_training',
  title: '范围集中学习',
  occurredOn: '2026-02-01',
  minutes: 60,
});

describe('the guard enforces every route’s declared target', () => {
  it('answers an org, member, meeting or study record outside the caller’s scope like a missing one (404)', async () => {
    const outside = [
      await secretary.get(`/api/orgs/${org.B3}`),
      await secretary.get(`/api/members/${await memberIn(t, org.B3)}`),
      await secretary.get(`/api/meetings/${await meetingIn(t, org.B3)}`),
      await secretary.get(`/api/study/records/${await recordIn(t, org.B3)}`),
      await secretary.post('/api/meetings', meetingBody(org.B3)),
      await secretary.post('/api/study/records', recordBody(org.B3)),
      await secretary.post('/api/members', memberInput(org.B3)),
      await secretary.get(`/api/study/records?orgId=${org.B3}&year=2026`),
    ];
    for (const res of outside) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
      expect(res.json().message).toContain('不存在或不在您的管理范围内');
    }
  });

  it('refuses a write in an org the caller may only read with 403, and lets it read there', async () => {
    // before: planning a meeting checked only that the org was readable, so the supervisor could plan one in B2
    const planned = await supervisor.post('/api/meetings', meetingBody(org.B2));
    expect(planned.statusCode, planned.body).toBe(403);
    expect(planned.json().code).toBe('FORBIDDEN');
    for (const res of [
      await supervisor.post('/api/study/records', recordBody(org.B2)),
      await supervisor.post('/api/members', memberInput(org.B2)),
      await supervisor.patch(`/api/orgs/${org.B2}`, { name: '范围甲二支部（改）' }),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    // read by default: the study lists, a meeting and a record of B2 are readable
    expect((await supervisor.get(`/api/study/records?orgId=${org.B2}&year=2026`)).statusCode).toBe(200);
    expect((await supervisor.get(`/api/meetings/${await meetingIn(t, org.B2)}`)).statusCode).toBe(200);
    expect((await supervisor.get(`/api/study/records/${await recordIn(t, org.B2)}`)).statusCode).toBe(200);
    // and writes in its own branch
    expect((await supervisor.post('/api/meetings', meetingBody(org.B1))).statusCode).toBe(201);
    expect((await supervisor.post('/api/study/records', recordBody(org.B1))).statusCode).toBe(201);
  });
});
