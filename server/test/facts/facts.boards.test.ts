import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactRecordsOutT, FactsOutT } from '../../../common/facts.ts';
import { assessmentIn } from '../../modules/fivegood/fivegood.factory.ts';
import { fivegoodAssessments } from '../../modules/fivegood/fivegood.table.ts';
import { meetingIn } from '../../modules/meeting/meeting.factory.ts';
import { meetingAgendaItems } from '../../modules/meeting/meeting.table.ts';
import { firstTopics, followUps } from '../../modules/meeting/topic.table.ts';
import { studyAttendees, studyRecords } from '../../modules/study/record.table.ts';
import { type Agent, buildTestApp, type TestApp } from '../build-test-app.ts';
import { buildMembers, buildOrg, loginAs } from '../factories.ts';

// The boards read their figures as facts: each board's numbers equal the facts it links to.

let t: TestApp;
let sasac: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  sasac = await loginAs(t, 'sasac_staff', t.rootId);
});
afterAll(() => t.close());

const facts = async (orgId: string, year = 2026) => (await sasac.get(`/api/facts?orgId=${orgId}&year=${year}`)).json() as FactsOutT;
const value = (out: FactsOutT, key: string) => out.items.find((x) => x.key === key)?.value;

describe('"五个好" 进度看板', () => {
  it('counts 应评, 参评 and 已审定 branches as the facts fivegood.branches, .eligible and .graded do', async () => {
    const e = await buildOrg(t, { type: 'committee', name: '看板测试党委' });
    const { campaignId } = await assessmentIn(t, e.id, { campaignOrgId: e.id, status: 'confirmed' });
    const draft = await buildOrg(t, { parentId: e.id, type: 'branch', name: '自评中支部' });
    const out = await buildOrg(t, { parentId: e.id, type: 'branch', name: '不参评支部' });
    const base = { campaignId, scores: {}, report: '', siteVisit: '', history: [], updatedAt: t.clock() };
    await t.db.insert(fivegoodAssessments).values([
      { ...base, orgId: draft.id, status: 'draft' },
      { ...base, orgId: out.id, status: 'ineligible' },
    ]);
    const board = (await sasac.get(`/api/fivegood/campaigns/${campaignId}/board?orgId=${e.id}`)).json() as {
      totals: { branches: number; eligible: number; graded: number };
    };
    expect(board.totals).toMatchObject({ branches: 3, eligible: 2, graded: 1 });
    const f = await facts(e.id);
    expect(value(f, 'fivegood.branches')).toBe(board.totals.branches);
    expect(value(f, 'fivegood.eligible')).toBe(board.totals.eligible);
    expect(value(f, 'fivegood.graded')).toBe(board.totals.graded);
    // a confirmed grade without a naming is not 已命名 (the board's 五个好支部 reads fivegood.named)
    expect(value(f, 'fivegood.named')).toBe(0);
    const recs = (await sasac.get(`/api/facts/fivegood.eligible/records?orgId=${e.id}&year=2026`)).json() as FactRecordsOutT;
    expect(recs.total).toBe(2);
    expect(recs.items.map((x) => x.orgName)).not.toContain('不参评支部');
    expect(value(await facts(e.id, 2025), 'fivegood.branches')).toBe(0);
    // a child org's row on the board above it: the same facts at the child
    const up = (await sasac.get(`/api/fivegood/campaigns/${campaignId}/board?orgId=${t.rootId}`)).json() as {
      children: { orgId: string; branches: number; eligible: number; graded: number }[];
    };
    expect(up.children.find((c) => c.orgId === e.id)).toMatchObject({ branches: 3, eligible: 2, graded: 1 });
  });

  it('is read by a branch secretary for the branch (fivegood:read), not by a reader of the org tree only', async () => {
    const e = await buildOrg(t, { type: 'committee' });
    const { branchId } = await assessmentIn(t, e.id, { campaignOrgId: e.id });
    const sec = await loginAs(t, 'branch_secretary', branchId);
    expect(value((await sec.get(`/api/facts?orgId=${branchId}`)).json() as FactsOutT, 'fivegood.branches')).toBe(1);
    const admin = await loginAs(t, 'sys_admin', e.id);
    expect((await admin.get(`/api/facts/fivegood.branches/records?orgId=${e.id}`)).statusCode).toBe(404);
  });
});

describe('第一议题台账', () => {
  it('shows as 学习次数 the fact meetings.first_topic, read with meeting:read', async () => {
    const b = await buildOrg(t, { name: '台账测试支部' });
    const meetingId = await meetingIn(t, b.id, { status: 'held', type: 'branch_committee', withTopic: true });
    const [item] = await t.db.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meetingId));
    const now = t.clock();
    const fu = { meetingId, orgId: b.id, topicId: item.topicId, ownerName: '责任人', createdAt: now, updatedAt: now };
    await t.db.insert(followUps).values([
      { ...fu, measure: '已完成的措施', deadline: '2020-01-31', status: 'done' as const },
      { ...fu, measure: '逾期的措施', deadline: '2020-01-31' },
      { ...fu, measure: '进行中的措施', deadline: '2099-12-31' },
    ]);
    const year = Number(t.clock().toISOString().slice(0, 4));
    const sec = await loginAs(t, 'branch_secretary', b.id);
    const ledger = (await sec.get(`/api/first-topic-ledger?orgId=${b.id}&year=${year}`)).json() as {
      total: {
        studies: number;
        topics: number;
        avgLagDays: number | null;
        followUps: number;
        followUpsDone: number;
        followUpsOverdue: number;
      };
      children: unknown[];
    };
    const f = (await sec.get(`/api/facts?orgId=${b.id}&year=${year}`)).json() as FactsOutT;
    expect(value(f, 'meetings.first_topic')).toBe(1);
    expect(value(f, 'meetings.first_topic')).toBe(ledger.total.studies);
    expect(ledger.total).toMatchObject({ followUps: 3, followUpsDone: 1, followUpsOverdue: 1 });
    expect(value(f, 'meetings.first_topic_follow_ups')).toBe(ledger.total.followUps);
    expect(value(f, 'meetings.first_topic_follow_ups_done')).toBe(ledger.total.followUpsDone);
    expect(value(f, 'meetings.first_topic_follow_ups_overdue')).toBe(ledger.total.followUpsOverdue);
    // 涉及议题 and 平均间隔 (publication to the item-1 study, in days)
    expect(ledger.total.topics).toBe(1);
    expect(value(f, 'meetings.first_topic_topics')).toBe(ledger.total.topics);
    expect(ledger.total.avgLagDays).not.toBeNull();
    expect(value(f, 'meetings.first_topic_lag')).toBe(ledger.total.avgLagDays);
    const lag = (await sec.get(`/api/facts/meetings.first_topic_lag/records?orgId=${b.id}&year=${year}`)).json() as FactRecordsOutT;
    expect(lag.total).toBe(1);
    expect(lag.sum).toBe(ledger.total.avgLagDays);
    const topics = (await sec.get(`/api/facts/meetings.first_topic_topics/records?orgId=${b.id}&year=${year}`)).json() as FactRecordsOutT;
    expect(topics.items.map((x) => x.id)).toEqual([item.topicId]);
  });
});

describe('第一议题台账 下级汇总', () => {
  it('gives each child org the facts at that org: 学习次数, 涉及议题 (distinct topics), 平均间隔 (item 1 only)', async () => {
    const e = await buildOrg(t, { type: 'committee', name: '台账汇总党委' });
    const a = await buildOrg(t, { parentId: e.id, name: '台账甲支部' });
    const b = await buildOrg(t, { parentId: e.id, name: '台账乙支部' });
    const ma = await meetingIn(t, a.id, { status: 'held', type: 'branch_committee', withTopic: true });
    const [ia] = await t.db.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, ma));
    const mb = await meetingIn(t, b.id, { status: 'held', type: 'branch_committee', withTopic: true });
    const [ib] = await t.db.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, mb));
    await t.db
      .update(firstTopics)
      .set({ publishedOn: '2026-01-02' })
      .where(eq(firstTopics.id, ib.topicId as string));
    // 乙 studies 甲's topic too at item 1 of another meeting, and relays it at item 2 of a third (listed, not counted)
    const again = await meetingIn(t, b.id, { status: 'held', type: 'theme_day' });
    const late = await meetingIn(t, b.id, { status: 'held', type: 'theme_day' });
    await t.db.insert(meetingAgendaItems).values([
      { meetingId: again, position: 1, kind: 'first_topic', title: '再学习', topicId: ia.topicId },
      { meetingId: late, position: 1, kind: 'regular', title: '其他议题' },
      { meetingId: late, position: 2, kind: 'first_topic', title: '后移学习', topicId: ia.topicId },
    ]);
    const year = Number(t.clock().toISOString().slice(0, 4));
    type Totals = { studies: number; topics: number; avgLagDays: number | null };
    const ledger = (await sasac.get(`/api/first-topic-ledger?orgId=${e.id}&year=${year}`)).json() as {
      total: Totals & { misplaced: number };
      children: (Totals & { orgId: string })[];
    };
    expect(ledger.total).toMatchObject({ studies: 3, topics: 2, misplaced: 1 });
    const figures = async (orgId: string) => {
      const f = await facts(orgId, year);
      return {
        studies: value(f, 'meetings.first_topic'),
        topics: value(f, 'meetings.first_topic_topics'),
        avgLagDays: value(f, 'meetings.first_topic_lag'),
      };
    };
    const pick = ({ studies, topics, avgLagDays }: Totals) => ({ studies, topics, avgLagDays });
    expect(await figures(e.id)).toEqual(pick(ledger.total));
    for (const c of ledger.children) expect(await figures(c.orgId), c.orgId).toEqual(pick(c));
    expect(ledger.children.find((c) => c.orgId === b.id)).toMatchObject({ studies: 2, topics: 2 });
    const lag = (await sasac.get(`/api/facts/meetings.first_topic_lag/records?orgId=${e.id}&year=${year}`)).json() as FactRecordsOutT;
    expect(lag.total).toBe(3);
    expect(Math.round(((lag.sum ?? 0) / lag.total) * 10) / 10).toBe(ledger.total.avgLagDays);
  });
});

describe('学时汇总', () => {
  it('totals its members, 学时, 已达标 and 进度落后 as the study facts do, credited to the attendee’s own org', async () => {
    const e = await buildOrg(t, { type: 'committee', name: '学时测试党委' });
    const home = await buildOrg(t, { parentId: e.id, name: '学时支部' });
    const recorder = await buildOrg(t, { parentId: e.id, name: '记录支部' });
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
    for (const org of [e, home, recorder]) {
      const roll = (await sasac.get(`/api/study/rollup?orgId=${org.id}&year=2026`)).json() as {
        org: { members: number; hours: number; perMember: number | null; metCount: number; behindCount: number };
      };
      const f = await facts(org.id);
      expect(value(f, 'study.members'), org.name).toBe(roll.org.members);
      expect(value(f, 'study.credited_hours'), org.name).toBe(roll.org.hours);
      expect(value(f, 'study.members_met'), org.name).toBe(roll.org.metCount);
      expect(value(f, 'study.members_behind'), org.name).toBe(roll.org.behindCount);
      expect(value(f, 'study.credited_hours_per_member'), org.name).toBe(roll.org.perMember);
    }
    expect(value(await facts(home.id), 'study.credited_hours')).toBe(3);
    expect(value(await facts(recorder.id), 'study.credited_hours')).toBe(0);
    const recs = (await sasac.get(`/api/facts/study.credited_hours/records?orgId=${e.id}&year=2026`)).json() as FactRecordsOutT;
    expect(recs.total).toBe(2);
    expect(recs.sum).toBe(3);
    // 人均学时: 1.5 学时 each at the committee and the home branch; none at the recorder (no member there)
    expect(value(await facts(e.id), 'study.credited_hours_per_member')).toBe(1.5);
    expect(value(await facts(recorder.id), 'study.credited_hours_per_member')).toBeNull();
  });
});
