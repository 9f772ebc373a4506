import { eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEETING_STATUSES, MEETING_TYPES } from '../../../common/meeting.ts';
import { STUDY_FORMS } from '../../../common/study-labels.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildMembers, buildOrg } from '../../test/factories.ts';
import { meetingAgendaItems, meetings } from '../meeting/meeting.table.ts';
import { firstTopics } from '../meeting/topic.table.ts';
import { members } from '../member/member.table.ts';
import { accountHours, type HoursRules, type StudyEntry } from '../study/hours.rules.ts';
import { hoursOfMembers } from '../study/hours-rollup.service.ts';
import { studyAttendees, studyRecords } from '../study/record.table.ts';
import { rebuildScoringRollups } from './scoring-rollup.service.ts';

// Random writes straight to the tables (the way bulk SQL, imports and any service would write): after every
// sequence, the roll-ups the triggers maintained equal a full recomputation, and the hours read from them under any
// rules equal accountHours over the records one by one.

let t: TestApp;
let orgIds: string[] = [];
const memberIds: string[] = [];
const topicIds: string[] = [];
beforeAll(async () => {
  t = await buildTestApp();
  const e = await buildOrg(t, { type: 'committee' });
  const b1 = await buildOrg(t, { parentId: e.id, type: 'branch' });
  const b2 = await buildOrg(t, { parentId: e.id, type: 'branch' });
  const g = await buildOrg(t, { parentId: b1.id, type: 'group' });
  orgIds = [e.id, b1.id, b2.id, g.id];
  for (const id of orgIds.slice(1)) memberIds.push(...(await buildMembers(t, id, 2)).map((m) => m.id));
  const now = t.clock();
  for (const title of ['一', '二', '三'])
    topicIds.push(
      (
        await t.db
          .insert(firstTopics)
          .values({ orgId: e.id, title, source: '重要讲话', publishedOn: '2025-12-20', pushedAt: now, createdAt: now, updatedAt: now })
          .returning()
      )[0].id,
    );
});
afterAll(() => t.close());

const pick = <T>(xs: T[], i: number) => xs[i % xs.length];
// around the turn of the year in China Standard Time (a meeting at 20:00 UTC on 31 December is in January)
const moment = fc.integer({ min: 0, max: 40 * 24 }).map((h) => new Date(Date.UTC(2025, 11, 10, 0) + h * 3_600_000));
const day = moment.map((d) => d.toISOString().slice(0, 10));
const span = fc.constantFrom(null, null, 'full_day' as const, 'half_day' as const);
const minutes = fc.constantFrom(5, 10, 19, 20, 30, 45, 61, 90, 480);

const op = fc.oneof(
  fc.record({
    k: fc.constant('meeting' as const),
    org: fc.nat(),
    type: fc.constantFrom(...MEETING_TYPES),
    status: fc.constantFrom(...MEETING_STATUSES),
    at: moment,
    countsAs: fc.constantFrom([], ['democratic_review']),
  }),
  fc.record({
    k: fc.constant('meetingUpdate' as const),
    i: fc.nat(),
    org: fc.nat(),
    type: fc.constantFrom(...MEETING_TYPES),
    status: fc.constantFrom(...MEETING_STATUSES),
    at: moment,
    countsAs: fc.constantFrom([], ['democratic_review']),
  }),
  fc.record({ k: fc.constant('meetingDelete' as const), i: fc.nat() }),
  fc.record({ k: fc.constant('agenda' as const), i: fc.nat(), topic: fc.option(fc.nat(), { nil: null }), first: fc.boolean() }),
  fc.record({ k: fc.constant('agendaUpdate' as const), i: fc.nat(), topic: fc.option(fc.nat(), { nil: null }), first: fc.boolean() }),
  fc.record({ k: fc.constant('agendaDelete' as const), i: fc.nat() }),
  fc.record({
    k: fc.constant('topicUpdate' as const),
    i: fc.nat(),
    org: fc.nat(),
    pushed: fc.boolean(),
    on: fc.constantFrom('2025-12-20', '2026-01-05'),
  }),
  fc.record({
    k: fc.constant('study' as const),
    org: fc.nat(),
    form: fc.constantFrom(...STUDY_FORMS),
    on: day,
    minutes,
    span,
    people: fc.array(fc.nat(), { maxLength: 4 }),
  }),
  fc.record({
    k: fc.constant('studyUpdate' as const),
    i: fc.nat(),
    form: fc.constantFrom(...STUDY_FORMS),
    on: day,
    minutes,
    span,
  }),
  fc.record({ k: fc.constant('studyDelete' as const), i: fc.nat() }),
  fc.record({ k: fc.constant('attendeeAdd' as const), i: fc.nat(), m: fc.nat() }),
  fc.record({ k: fc.constant('attendeeMove' as const), i: fc.nat(), m: fc.nat() }),
  fc.record({ k: fc.constant('attendeeDelete' as const), i: fc.nat() }),
  fc.record({ k: fc.constant('memberMove' as const), m: fc.nat(), org: fc.nat() }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function apply(o: Op) {
  const now = new Date('2026-03-01T00:00:00Z');
  const db = t.db;
  const ids = async (table: typeof meetings | typeof studyRecords) =>
    (await db.select({ id: table.id }).from(table).orderBy(table.id)).map((x) => x.id);
  const attendees = () => db.select().from(studyAttendees).orderBy(studyAttendees.recordId, studyAttendees.memberId);
  switch (o.k) {
    case 'meeting':
      await db.insert(meetings).values({
        orgId: pick(orgIds, o.org),
        type: o.type,
        title: '会议',
        status: o.status,
        startsAt: o.at,
        endsAt: o.at,
        place: '室',
        host: '甲',
        recorder: '乙',
        countsAs: [...o.countsAs],
        createdAt: now,
        updatedAt: now,
      });
      return;
    case 'meetingUpdate': {
      const all = await ids(meetings);
      if (all.length)
        await db
          .update(meetings)
          .set({ orgId: pick(orgIds, o.org), type: o.type, status: o.status, startsAt: o.at, countsAs: [...o.countsAs] })
          .where(eq(meetings.id, pick(all, o.i)));
      return;
    }
    case 'meetingDelete': {
      const all = await ids(meetings);
      if (all.length) await db.delete(meetings).where(eq(meetings.id, pick(all, o.i)));
      return;
    }
    case 'agenda': {
      const all = await ids(meetings);
      if (all.length)
        await db.insert(meetingAgendaItems).values({
          meetingId: pick(all, o.i),
          position: 1,
          kind: o.first ? 'first_topic' : 'regular',
          title: '议题',
          topicId: o.topic === null ? null : pick(topicIds, o.topic),
        });
      return;
    }
    case 'agendaUpdate': {
      const all = await db.select({ id: meetingAgendaItems.id }).from(meetingAgendaItems).orderBy(meetingAgendaItems.id);
      if (all.length)
        await db
          .update(meetingAgendaItems)
          .set({ kind: o.first ? 'first_topic' : 'regular', topicId: o.topic === null ? null : pick(topicIds, o.topic) })
          .where(eq(meetingAgendaItems.id, pick(all, o.i).id));
      return;
    }
    case 'agendaDelete': {
      const all = await db.select({ id: meetingAgendaItems.id }).from(meetingAgendaItems).orderBy(meetingAgendaItems.id);
      if (all.length) await db.delete(meetingAgendaItems).where(eq(meetingAgendaItems.id, pick(all, o.i).id));
      return;
    }
    case 'topicUpdate':
      // a topic re-published by another org, pushed or withdrawn, its date moved into the next year
      await db
        .update(firstTopics)
        .set({ orgId: pick(orgIds, o.org), pushedAt: o.pushed ? now : null, publishedOn: o.on })
        .where(eq(firstTopics.id, pick(topicIds, o.i)));
      return;
    case 'study': {
      const [r] = await db
        .insert(studyRecords)
        .values({
          orgId: pick(orgIds, o.org),
          form: o.form,
          title: '学习',
          occurredOn: o.on,
          minutes: o.minutes,
          span: o.span,
          createdAt: now,
        })
        .returning();
      const people = [...new Set(o.people.map((i) => pick(memberIds, i)))];
      if (people.length)
        await db.insert(studyAttendees).values(people.map((memberId) => ({ recordId: r.id, memberId, via: 'list' as const, at: now })));
      return;
    }
    case 'studyUpdate': {
      const all = await ids(studyRecords);
      if (all.length)
        await db
          .update(studyRecords)
          .set({ form: o.form, occurredOn: o.on, minutes: o.minutes, span: o.span })
          .where(eq(studyRecords.id, pick(all, o.i)));
      return;
    }
    case 'studyDelete': {
      const all = await ids(studyRecords);
      if (all.length) await db.delete(studyRecords).where(eq(studyRecords.id, pick(all, o.i)));
      return;
    }
    case 'attendeeAdd': {
      const all = await ids(studyRecords);
      if (all.length)
        await db
          .insert(studyAttendees)
          .values({ recordId: pick(all, o.i), memberId: pick(memberIds, o.m), via: 'self', at: now })
          .onConflictDoNothing();
      return;
    }
    case 'attendeeMove': {
      // the attendee row re-pointed at another member (a correction): one statement, old and new rows
      const all = await attendees();
      const a = all.length ? pick(all, o.i) : null;
      const to = pick(memberIds, o.m);
      if (a && !all.some((x) => x.recordId === a.recordId && x.memberId === to))
        await db.execute(
          sql`update study_record_attendees set member_id = ${to} where record_id = ${a.recordId} and member_id = ${a.memberId}`,
        );
      return;
    }
    case 'attendeeDelete': {
      const all = await attendees();
      if (all.length) {
        const a = pick(all, o.i);
        await db.execute(sql`delete from study_record_attendees where record_id = ${a.recordId} and member_id = ${a.memberId}`);
      }
      return;
    }
    case 'memberMove':
      await db
        .update(members)
        .set({ orgId: pick(orgIds, o.org) })
        .where(eq(members.id, pick(memberIds, o.m)));
      return;
  }
}

type Rows = Record<string, unknown>[];
async function snapshot() {
  const q = async (text: string) => ((await t.db.execute(sql.raw(text))) as unknown as { rows: Rows }).rows;
  return {
    study: await q('select * from study_member_minutes where times <> 0 order by year, member_id, form, span, minutes'),
    held: await q(`select org_id, year, type, counts_as::text as counts_as, counts::text as counts from meeting_held_months
      where counts <> array_fill(0, array[12]) order by org_id, year, type, counts_as`),
    topics: await q('select * from topic_relays where n <> 0 order by year, org_id, topic_id'),
    topicCounts: await q('select * from topic_relay_counts where topics <> 0 order by year, org_id, topic_org_id, pushed_year'),
  };
}

const formRule = fc.record({
  counts: fc.boolean(),
  rate: fc.constantFrom(1, 0.5, 0.75, 1.5, 0.1, 0.3),
  capHours: fc.constantFrom(null, 0, 1, 2.5, 8),
  minMinutes: fc.constantFrom(0, 5, 20, 30, 60),
});
const hoursRulesArb = fc.record({
  forms: fc.tuple(...STUDY_FORMS.map(() => formRule)),
  memberHours: fc.integer({ min: 0, max: 20 }),
  leaderHours: fc.integer({ min: 0, max: 30 }),
  leaderMinCentralized: fc.nat(3),
  fullDayHours: fc.constantFrom(8, 7.5),
  halfDayHours: fc.constantFrom(4, 3.5),
});

/** Each member's hours entry by entry from the records, as the study pages count them. */
async function byRecords(r: HoursRules, year: number) {
  const rows = await t.db
    .select({
      memberId: studyAttendees.memberId,
      form: studyRecords.form,
      on: studyRecords.occurredOn,
      minutes: studyRecords.minutes,
      span: studyRecords.span,
    })
    .from(studyAttendees)
    .innerJoin(studyRecords, eq(studyRecords.id, studyAttendees.recordId));
  return memberIds.map((id) => {
    const a = accountHours(
      rows.filter((x) => x.memberId === id).map((x): StudyEntry => x),
      r,
      { year, leader: false },
    );
    return { id, totalMinutes: a.totalMinutes, centralizedCount: a.centralizedCount };
  });
}

describe('五个好 scoring roll-ups under random writes', () => {
  it('equal a full recomputation, and give accountHours’ totals under any rules', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), hoursRulesArb, async (ops, hr) => {
        for (const o of ops) await apply(o);
        const r: HoursRules = {
          ...hr,
          forms: Object.fromEntries(STUDY_FORMS.map((k, i) => [k, { key: k, name: k, ...hr.forms[i] }])) as HoursRules['forms'],
        };
        for (const year of [2025, 2026]) {
          const read = await hoursOfMembers(t.db, r, year, inArray(members.id, memberIds));
          const got = read.map((m) => ({ id: m.id, totalMinutes: m.totalMinutes, centralizedCount: m.centralizedCount }));
          const want = await byRecords(r, year);
          expect(got.sort((x, y) => x.id.localeCompare(y.id))).toEqual(want.sort((x, y) => x.id.localeCompare(y.id)));
        }
        const maintained = await snapshot();
        await rebuildScoringRollups(t.db);
        const rebuilt = await snapshot();
        expect(maintained.held).toEqual(rebuilt.held);
        expect(maintained.topics).toEqual(rebuilt.topics);
        expect(maintained.topicCounts).toEqual(rebuilt.topicCounts);
        expect(maintained.study).toEqual(rebuilt.study);
      }),
      { numRuns: 40 },
    );
  });
});
