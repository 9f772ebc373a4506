import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/auth/user.table.ts';
import { minutes } from '../../platform/clock.ts';
import { buildTestApp, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildMembers, buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { planVia } from './meeting.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** The visible text of a .docx: word/document.xml with tags removed. */
function docxText(body: Buffer): string {
  const xml = new TextDecoder().decode(unzipSync(new Uint8Array(body))['word/document.xml']);
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
}

describe('Word export', () => {
  it('exports a record in the 会议记录 layout with 应到/实到/缺席, the 第一议题 first, sections, votes and signatures', async () => {
    const sasac = await loginAs(t, 'sasac_staff', t.rootId);
    const branch = await buildOrg(t, { type: 'branch', name: '阜康匝道收费站党支部' });
    const people = await buildMembers(t, branch.id, 3);
    const sec = await loginAs(t, 'branch_secretary', branch.id);
    const topic = (
      await sasac.post('/api/first-topics', {
        orgId: t.rootId,
        title: '关于新疆工作的重要讲话',
        source: '重要讲话',
        publishedOn: '2026-02-20',
      })
    ).json();
    await sasac.post(`/api/first-topics/${topic.id}/push`);
    const m = await planVia(sec, {
      orgId: branch.id,
      type: 'members_assembly',
      startsAt: '2026-03-01T08:00:00+08:00',
      title: '2026年第一季度党员大会',
      voting: true,
    });
    await sec.put(`/api/meetings/${m.id}/agenda`, {
      items: [
        { kind: 'first_topic', title: '传达学习重要讲话', topicId: topic.id, form: '原文领学', summary: '书记领学，党员交流心得' },
        { kind: 'regular', title: '讨论接收预备党员' },
      ],
    });
    await sec.post(`/api/meetings/${m.id}/hold`);
    await sec.put(`/api/meetings/${m.id}/attendance`, {
      items: [
        { memberId: people[0].id, status: 'present' },
        { memberId: people[1].id, status: 'present' },
        { memberId: people[2].id, status: 'leave', reason: '出差' },
      ],
    });
    await sec.patch(`/api/meetings/${m.id}`, {
      sections: { proceedings: '支部书记通报了发展对象培养情况', resolutions: '同意接收张某为预备党员' },
      votes: [{ motion: '接收张某为预备党员', votesFor: 2, votesAgainst: 0, abstain: 0 }],
      minutes: '会议于十时结束',
    });
    const res = await sec.get(`/api/meetings/${m.id}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = docxText(res.rawPayload).replace(/\n/g, '');
    for (const s of [
      '阜康匝道收费站党支部支部党员大会记录',
      '2026年3月1日 08:00—10:00',
      '党员活动室',
      '刘志青',
      '王小红',
      '应到人数3',
      '实到人数2',
      `${people[2].name}（出差）`,
      '1. 【第一议题】传达学习重要讲话',
      '2. 讨论接收预备党员',
      '第一议题学习情况',
      '关于新疆工作的重要讲话',
      '同意接收张某为预备党员',
      '应到3人，实到2人，超过半数',
      '通过',
      '主持人（签字）',
    ])
      expect(text).toContain(s);
    expect(text.indexOf('【第一议题】')).toBeLessThan(text.indexOf('讨论接收预备党员'));
    const other = await loginAs(t, 'branch_secretary', (await buildOrg(t, { type: 'branch' })).id);
    expect((await other.get(`/api/meetings/${m.id}/docx`)).statusCode).toBe(404);
  });

  it('downloads a blank template per type with its required sections', async () => {
    const sec = await loginAs(t, 'branch_secretary', (await buildOrg(t, { type: 'branch' })).id);
    const life = docxText((await sec.get('/api/meeting-templates/life_meeting/docx')).rawPayload);
    for (const s of ['组织生活会记录', '对照检查', '批评与自我批评', '整改措施', '主持人（签字）']) expect(life).toContain(s);
    expect(life).not.toContain('第一议题学习情况');
    const committee = docxText((await sec.get('/api/meeting-templates/branch_committee/docx')).rawPayload);
    expect(committee).toContain('1. 【第一议题】');
    expect(committee).toContain('第一议题学习情况');
  });
});

describe('QR sign-in', () => {
  it('signs a member in once during the meeting window; replay, forged, out-of-window and non-attendees are refused', async () => {
    const branch = await buildOrg(t, { type: 'branch' });
    const [p1, p2] = await buildMembers(t, branch.id, 2);
    const [outsider] = await buildMembers(t, (await buildOrg(t, { type: 'branch' })).id, 1);
    const sec = await loginAs(t, 'branch_secretary', branch.id);
    const start = new Date(t.clock().getTime() + minutes(60));
    const m = await planVia(sec, { orgId: branch.id, type: 'theme_day', startsAt: start.toISOString(), attendeeIds: [p1.id, p2.id] });
    const code = (await sec.get(`/api/meetings/${m.id}/signin-code`)).json();
    expect(code.url).toContain('/m/signin?t=');

    const memberUser = async (memberId: string) => {
      const u = await buildUser(t, { roles: [{ role: 'member', orgId: branch.id }] });
      await t.db.update(users).set({ memberId }).where(eq(users.id, u.id));
      return u;
    };
    const u1 = await memberUser(p1.id);
    const u3 = await memberUser(outsider.id);
    let a1 = await login(t, u1.username, TEST_PASSWORD);
    const upcoming = (await a1.get('/api/m/meetings')).json();
    expect(upcoming.map((x: { id: string; signedIn: boolean }) => [x.id, x.signedIn])).toEqual([[m.id, false]]);

    const early = await a1.post('/api/m/signin', { token: code.token });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('不在签到时间内');

    t.clock.advance(minutes(40)); // 20 minutes before the start: the window is open
    a1 = await login(t, u1.username, TEST_PASSWORD);
    const forged = `${code.token.split('.')[0]}.${'A'.repeat(43)}`;
    expect((await a1.post('/api/m/signin', { token: forged })).statusCode).toBe(400);
    const ok = await a1.post('/api/m/signin', { token: code.token });
    expect(ok.statusCode).toBe(200);
    const replay = await a1.post('/api/m/signin', { token: code.token });
    expect(replay.statusCode).toBe(409);
    expect(replay.json().message).toContain('已签到');
    const a3 = await login(t, u3.username, TEST_PASSWORD);
    expect((await a3.post('/api/m/signin', { token: code.token })).statusCode).toBe(403);

    const sec2 = await loginAs(t, 'branch_secretary', branch.id);
    const detail = (await sec2.get(`/api/meetings/${m.id}`)).json();
    expect(detail.attendance.find((a: { memberId: string }) => a.memberId === p1.id)).toMatchObject({ status: 'present', via: 'qr' });
    expect(detail.counts.present).toBe(1);

    t.clock.advance(minutes(20 + 121)); // after the end
    const u2 = await memberUser(p2.id);
    const a2 = await login(t, u2.username, TEST_PASSWORD);
    const late = await a2.post('/api/m/signin', { token: code.token });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('不在签到时间内');
    expect((await a2.get('/api/m/meetings')).json()).toEqual([]);
  });
});
