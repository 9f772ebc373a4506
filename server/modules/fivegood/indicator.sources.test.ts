import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, TestApp } from '../../test/build-test-app.ts';
import { buildTestApp } from '../../test/build-test-app.ts';
import { buildMembers, buildOrg, loginAs } from '../../test/factories.ts';
import { committees } from '../committee/committee.table.ts';
import { meetingAgendaItems, meetings } from '../meeting/meeting.table.ts';
import { firstTopics } from '../meeting/topic.table.ts';
import { studyAttendees, studyRecords } from '../study/record.table.ts';
import { deadlinesOf } from './fivegood.factory.ts';
import { proposedScore } from './fivegood.scoring.ts';

let t: TestApp;
const b: Record<string, string> = {};
type Proposal = { key: string; score: number; points: number; ratio: number; measure: string; evidence: { title: string; ok: boolean }[] };
const found: Record<string, Proposal[]> = {};

async function heldMeeting(orgId: string, type: 'members_assembly' | 'theme_day', on: string, topicId?: string) {
  const at = new Date(`${on}T09:00:00+08:00`);
  const [m] = await t.db
    .insert(meetings)
    .values({
      orgId,
      type,
      title: `${on}会议`,
      status: 'held',
      startsAt: at,
      endsAt: at,
      place: '会议室',
      host: '书记',
      recorder: '委员',
      sections: {},
      heldAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: meetings.id });
  if (topicId)
    await t.db
      .insert(meetingAgendaItems)
      .values({ meetingId: m.id, position: 1, kind: 'first_topic', title: '第一议题', topicId, form: '集中学习', summary: '学习' });
}

async function studied(memberId: string, orgId: string, on: string, span: 'full_day') {
  const [r] = await t.db
    .insert(studyRecords)
    .values({ orgId, form: 'centralized_training', title: '集中培训', occurredOn: on, minutes: 480, span, createdAt: t.clock() })
    .returning();
  await t.db.insert(studyAttendees).values({ recordId: r.id, memberId, via: 'list', at: t.clock() });
}

beforeAll(async () => {
  t = await buildTestApp();
  const ent = await buildOrg(t, { name: '州能源集团党委', type: 'committee', isEnterprise: true });
  for (const k of ['meetings', 'topics', 'overdue', 'fresh', 'study'])
    b[k] = (await buildOrg(t, { parentId: ent.id, name: `${k}党支部`, type: 'branch' })).id;
  const now = t.clock();
  // 三会一课: members' assemblies in Q1 and Q2 only
  await heldMeeting(b.meetings, 'members_assembly', '2026-02-10');
  await heldMeeting(b.meetings, 'members_assembly', '2026-05-12');
  // 第一议题: two topics pushed by the SASAC, the branch relayed one
  const [t1, t2] = await t.db
    .insert(firstTopics)
    .values([
      {
        orgId: t.rootId,
        title: '重要讲话精神一',
        source: '重要讲话',
        publishedOn: '2026-03-02',
        pushedAt: now,
        createdAt: now,
        updatedAt: now,
      },
      {
        orgId: t.rootId,
        title: '重要讲话精神二',
        source: '重要讲话',
        publishedOn: '2026-06-02',
        pushedAt: now,
        createdAt: now,
        updatedAt: now,
      },
    ])
    .returning({ id: firstTopics.id });
  await heldMeeting(b.topics, 'theme_day', '2026-03-10', t1.id);
  expect(t2.id).toBeTruthy();
  // 换届: one committee elected 2020 (3-year term long overdue), one elected 2025
  await t.db.insert(committees).values([
    {
      orgId: b.overdue,
      electedOn: '2020-01-10',
      termYears: 3,
      termEndsOn: '2023-01-10',
      status: 'current',
      createdAt: now,
      updatedAt: now,
    },
    { orgId: b.fresh, electedOn: '2025-06-01', termYears: 3, termEndsOn: '2028-06-01', status: 'current', createdAt: now, updatedAt: now },
  ] as (typeof committees.$inferInsert)[]);
  // 学时: of two members, one has 4 full days (32 h) of centralised training
  const [m1] = await buildMembers(t, b.study, 2);
  for (const d of ['2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01']) await studied(m1.id, b.study, d, 'full_day');

  const sasac = await loginAs(t, 'sasac_staff', t.rootId);
  const rubrics = (await sasac.get('/api/fivegood/rubrics')).json();
  const c = await sasac.post('/api/fivegood/campaigns', {
    orgId: ent.id,
    year: 2026,
    name: '2026年度创建',
    rubricId: rubrics[0].id,
    deadlines: deadlinesOf(2026),
  });
  expect(c.statusCode, c.body).toBe(201);
  t.clock.set('2027-01-15T09:00:00+08:00');
  const again: Agent = await loginAs(t, 'enterprise_staff', ent.id);
  const list = (await again.get(`/api/fivegood/campaigns/${c.json().id}/assessments`)).json() as { id: string; orgId: string }[];
  for (const [k, id] of Object.entries(b)) {
    const a = list.find((x) => x.orgId === id);
    const res = await again.get(`/api/fivegood/assessments/${a?.id}/proposals`);
    expect(res.statusCode, res.body).toBe(200);
    found[k] = res.json();
  }
});
afterAll(() => t.close());

const pick = (k: string, key: string) => found[k].find((p) => p.key === key) as Proposal;

describe('data-backed indicators propose scores from the assessed year and show the records behind them', () => {
  it('proposed score is points × attainment, rounded down to half points', () => {
    expect([proposedScore(4, 0.5), proposedScore(5, 0.5), proposedScore(3, 0.99), proposedScore(4, 1.2), proposedScore(4, -1)]).toEqual([
      2, 2.5, 2.5, 4, 0,
    ]);
  });

  it('三会一课: two of four quarterly members’ assemblies held → half of the points, each quarter shown', () => {
    const p = pick('meetings', 'members_assembly');
    expect(p).toMatchObject({ ratio: 0.5, score: 2, points: 4 });
    expect(p.evidence[0].title).toContain('2/4个周期达标');
    // 支委会 is required only of a branch with a committee: nothing to deduct here
    expect(pick('meetings', 'branch_committee')).toMatchObject({ ratio: 1, score: 4 });
  });

  it('第一议题: one of two pushed topics relayed → 50% coverage, the missed topic listed', () => {
    const p = pick('topics', 'first_topic');
    expect(p).toMatchObject({ ratio: 0.5, score: 2.5 });
    expect(p.evidence.map((e) => [e.ok, e.title.includes('重要讲话精神')])).toEqual([
      [true, true],
      [false, true],
    ]);
    expect(pick('meetings', 'first_topic').ratio).toBe(0);
  });

  it('换届: an overdue term scores 0, a current one full points', () => {
    expect(pick('overdue', 'committee_election')).toMatchObject({ score: 0 });
    expect(pick('overdue', 'committee_election').measure).toContain('未按期换届');
    expect(pick('fresh', 'committee_election')).toMatchObject({ score: 5, ratio: 1 });
  });

  it('组织设置: establishment findings lower the score and are listed as evidence', () => {
    const p = pick('study', 'org_setup');
    expect(p.ratio).toBeLessThan(1);
    expect(p.evidence.length).toBeGreaterThan(0);
    expect(p.score).toBe(proposedScore(4, p.ratio));
  });

  it('学时: one of two members reached 32 hours → 50%, the member behind is named', () => {
    const p = pick('study', 'theory_study');
    expect(p).toMatchObject({ ratio: 0.5, score: 2.5 });
    expect(p.evidence).toHaveLength(1);
    expect(p.evidence[0].title).toMatch(/0\/32学时/);
    expect(pick('study', 'training_hours')).toMatchObject({ ratio: 0.5, score: 2 });
  });

  it('only indicators that declare a data source get a proposal', async () => {
    expect(found.meetings.some((p) => p.key === 'ideology_unity')).toBe(false);
    expect(found.meetings.map((p) => p.key)).toContain('theme_day');
    const [row] = await t.db.select().from(committees).where(eq(committees.orgId, b.overdue));
    expect(row.status).toBe('current');
  });
});
