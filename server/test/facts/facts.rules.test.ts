import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CockpitOutT } from '../../../common/cockpit.ts';
import type { FactRecordsOutT, FactsOutT } from '../../../common/facts.ts';
import { fivegoodRatings } from '../../modules/fivegood/rating.table.ts';
import { meetingIn } from '../../modules/meeting/meeting.factory.ts';
import { meetingAgendaItems } from '../../modules/meeting/meeting.table.ts';
import { members } from '../../modules/member/member.table.ts';
import { studyAttendees, studyRecords } from '../../modules/study/record.table.ts';
import { minutes } from '../../platform/clock.ts';
import { type Agent, buildTestApp, type TestApp } from '../build-test-app.ts';
import { buildMembers, buildOrg, loginAs } from '../factories.ts';

// The figures the cockpit showed wrong (issue 12), as facts: each test failed against the cockpit's old roll-ups.

let t: TestApp;
let sasac: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  sasac = await loginAs(t, 'sasac_staff', t.rootId);
});
afterAll(() => t.close());

const cockpit = async (orgId: string, year = 2026) =>
  ((await sasac.get(`/api/cockpit?orgId=${orgId}&year=${year}`)).json() as CockpitOutT).headline;
const fact = async (key: string, orgId: string, year = 2026) =>
  ((await sasac.get(`/api/facts?orgId=${orgId}&year=${year}`)).json() as FactsOutT).items.find((x) => x.key === key)?.value;
const records = async (key: string, orgId: string, year = 2026) =>
  (await sasac.get(`/api/facts/${key}/records?orgId=${orgId}&year=${year}`)).json() as FactRecordsOutT;

describe('"五个好"已命名', () => {
  it('counts only branches whose latest rating of the year is a naming at the top grade, not vetoed, not revoked', async () => {
    const e = await buildOrg(t, { type: 'committee', name: '命名测试党委' });
    const named = await buildOrg(t, { parentId: e.id, name: '五个好支部' });
    const four = await buildOrg(t, { parentId: e.id, name: '四个好支部' });
    const vetoed = await buildOrg(t, { parentId: e.id, name: '被否决支部' });
    const revoked = await buildOrg(t, { parentId: e.id, name: '摘牌支部' });
    const at = (m: number) => new Date(t.clock().getTime() + minutes(m));
    const rating = { year: 2026, kind: 'named' as const, grade: 5, label: '五个好' };
    await t.db.insert(fivegoodRatings).values([
      { ...rating, orgId: named.id, plaqueNo: 'P-1', plaqueStatus: 'active', createdAt: at(0) },
      { ...rating, orgId: four.id, grade: 4, label: '四个好', createdAt: at(0) },
      { ...rating, orgId: vetoed.id, plaqueNo: 'P-2', plaqueStatus: 'active', createdAt: at(0) },
      { ...rating, orgId: vetoed.id, kind: 'veto', grade: 3, label: '三个好及以下', previousGrade: 5, createdAt: at(5) },
      { ...rating, orgId: revoked.id, plaqueNo: 'P-3', plaqueStatus: 'revoked', revokedOn: '2026-02-01', createdAt: at(0) },
    ]);
    expect((await cockpit(e.id)).fivegood.named).toBe(1);
    expect(await fact('fivegood.named', e.id)).toBe(1);
    const r = await records('fivegood.named', e.id);
    expect(r.items.map((x) => x.orgName)).toEqual(['五个好支部']);
    expect(await fact('fivegood.named', e.id, 2025)).toBe(0);
  });
});

describe('study hours', () => {
  it('are credited to the attendee’s own org and its ancestors, not to the org that recorded the session', async () => {
    const e = await buildOrg(t, { type: 'committee', name: '学时测试党委' });
    const recorder = await buildOrg(t, { parentId: e.id, name: '记录支部' });
    const home = await buildOrg(t, { parentId: e.id, name: '党员所在支部' });
    const [a, b] = await buildMembers(t, home.id, 2);
    const [r] = await t.db
      .insert(studyRecords)
      .values({
        orgId: recorder.id,
        form: 'centralized_training',
        title: '集中学习',
        occurredOn: '2026-02-20',
        minutes: 90,
        createdAt: t.clock(),
      })
      .returning();
    await t.db.insert(studyAttendees).values([
      { recordId: r.id, memberId: a.id, via: 'list', at: t.clock() },
      { recordId: r.id, memberId: b.id, via: 'list', at: t.clock() },
    ]);
    expect((await cockpit(home.id)).studyHours).toBe(3);
    expect((await cockpit(home.id)).studyHoursPerMember).toBe(1.5);
    expect((await cockpit(recorder.id)).studyHours).toBe(0);
    expect((await cockpit(e.id)).studyHours).toBe(3);
    const list = await records('study.hours', home.id);
    expect(list.total).toBe(2);
    expect(list.sum).toBe(3);
    expect(list.items.every((x) => x.orgName === '党员所在支部')).toBe(true);
  });

  it('per member counts the members on the roll only: a member who left keeps the hours, not a share of the average', async () => {
    const b = await buildOrg(t, { name: '人均测试支部' });
    const [a, x, gone] = await buildMembers(t, b.id, 3);
    const [r] = await t.db
      .insert(studyRecords)
      .values({ orgId: b.id, form: 'centralized_training', title: '专题学习', occurredOn: '2026-03-10', minutes: 60, createdAt: t.clock() })
      .returning();
    await t.db
      .insert(studyAttendees)
      .values([a, x, gone].map((m) => ({ recordId: r.id, memberId: m.id, via: 'list' as const, at: t.clock() })));
    await t.db.update(members).set({ status: 'left' }).where(eq(members.id, gone.id));
    // the value is read from the roll-ups, the records from the detail rows: both must say 3 h / 3 attendances, 2 h / 2 members
    expect(await fact('study.hours', b.id)).toBe(3);
    expect(await fact('study.hours_per_member', b.id)).toBe(1);
    expect((await cockpit(b.id)).studyHoursPerMember).toBe(1);
    const perMember = await records('study.hours_per_member', b.id);
    expect(perMember.total).toBe(2);
    expect(perMember.sum).toBe(2);
  });
});

describe('第一议题', () => {
  it('counts a topic relayed as agenda item 1 only, not one relayed later in the meeting', async () => {
    const b = await buildOrg(t, { name: '议题测试支部' });
    await meetingIn(t, b.id, { status: 'held', type: 'branch_committee', withTopic: true });
    const later = await meetingIn(t, b.id, { status: 'held', type: 'branch_committee' });
    await t.db.insert(meetingAgendaItems).values([
      { meetingId: later, position: 1, kind: 'regular', title: '研究工作' },
      { meetingId: later, position: 2, kind: 'first_topic', title: '后移的第一议题' },
    ]);
    const year = Number(t.clock().toISOString().slice(0, 4));
    expect((await cockpit(b.id, year)).firstTopics).toBe(1);
    expect(await fact('meetings.first_topic', b.id, year)).toBe(1);
    expect((await records('meetings.first_topic', b.id, year)).items.map((x) => x.title)).toEqual(['学习（矩阵测试会议）']);
  });
});
