import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEETING_STATUSES, MEETING_TYPES } from '../../../common/meeting.ts';
import type { Db } from '../../db/client.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildMembers, buildOrg } from '../../test/factories.ts';
import { meetingAgendaItems, meetings } from '../meeting/meeting.table.ts';
import { members } from '../member/member.table.ts';
import { studyAttendees, studyRecords } from '../study/record.table.ts';
import { transfers } from '../transfer/transfer.table.ts';
import { checkCockpitRollups } from './cockpit.fixtures.ts';
import { computeThreeOneRates } from './cockpit.rates.ts';
import { cockpitOrgTotals } from './cockpit.table.ts';
import { readCockpit } from './cockpit-read.service.ts';

// Random writes straight to the tables (the way bulk SQL, imports and any future service would write): after
// every sequence, the roll-ups the triggers maintained equal a full recomputation.

let t: TestApp;
let orgIds: string[] = [];
const memberIds: string[] = [];
beforeAll(async () => {
  t = await buildTestApp();
  const e1 = await buildOrg(t, { type: 'committee' });
  const e2 = await buildOrg(t, { type: 'committee' });
  const g = await buildOrg(t, { parentId: e1.id, type: 'general_branch' });
  const b1 = await buildOrg(t, { parentId: g.id, type: 'branch' });
  const b2 = await buildOrg(t, { parentId: e2.id, type: 'branch' });
  const gr = await buildOrg(t, { parentId: b1.id, type: 'group' });
  orgIds = [t.rootId, e1.id, e2.id, g.id, b1.id, b2.id, gr.id];
  for (const id of orgIds.slice(3)) memberIds.push(...(await buildMembers(t, id, 2)).map((m) => m.id));
});
afterAll(() => t.close());

const pick = <T>(xs: T[], i: number) => xs[i % xs.length];
const moment = fc.integer({ min: 0, max: 730 }).map((d) => new Date(Date.UTC(2025, 0, 1, 15) + d * 86_400_000));

const op = fc.oneof(
  fc.record({
    k: fc.constant('meeting' as const),
    org: fc.nat(),
    type: fc.constantFrom(...MEETING_TYPES),
    status: fc.constantFrom(...MEETING_STATUSES),
    at: moment,
    topics: fc.nat(2),
  }),
  fc.record({
    k: fc.constant('meetingUpdate' as const),
    i: fc.nat(),
    org: fc.nat(),
    type: fc.constantFrom(...MEETING_TYPES),
    status: fc.constantFrom(...MEETING_STATUSES),
    at: moment,
  }),
  fc.record({ k: fc.constant('meetingDelete' as const), i: fc.nat() }),
  fc.record({ k: fc.constant('agendaClear' as const), i: fc.nat() }),
  fc.record({ k: fc.constant('study' as const), org: fc.nat(), at: moment, minutes: fc.integer({ min: 1, max: 300 }), people: fc.nat(3) }),
  fc.record({ k: fc.constant('studyUpdate' as const), i: fc.nat(), org: fc.nat(), minutes: fc.integer({ min: 1, max: 300 }), at: moment }),
  fc.record({ k: fc.constant('studyDelete' as const), i: fc.nat() }),
  fc.record({
    k: fc.constant('member' as const),
    i: fc.nat(),
    org: fc.nat(),
    category: fc.constantFrom('full', 'probationary'),
    status: fc.constantFrom('active', 'transferring', 'transferred_out'),
  }),
  fc.record({
    k: fc.constant('transfer' as const),
    i: fc.nat(),
    org: fc.nat(),
    status: fc.constantFrom('pending', 'confirmed', 'letter_issued', 'cancelled'),
  }),
  fc.record({
    k: fc.constant('orgStatus' as const),
    org: fc.nat(),
    type: fc.constantFrom('committee', 'general_branch', 'branch', 'group'),
    active: fc.boolean(),
    committee: fc.boolean(),
  }),
  fc.record({ k: fc.constant('move' as const), org: fc.nat(), to: fc.nat() }),
  fc.record({ k: fc.constant('orgName' as const), org: fc.nat(), name: fc.constantFrom('甲支部', '乙支部', '丙支部'), sort: fc.nat(3) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function apply(o: Op) {
  const now = new Date('2026-03-01T00:00:00Z');
  const db = t.db;
  const ids = async (table: typeof meetings | typeof studyRecords) => (await db.select({ id: table.id }).from(table)).map((x) => x.id);
  switch (o.k) {
    case 'meeting': {
      const [m] = await db
        .insert(meetings)
        .values({
          orgId: pick(orgIds, o.org),
          type: o.type,
          title: '会议',
          status: o.status,
          startsAt: o.at,
          endsAt: o.at,
          place: '室',
          host: '甲',
          recorder: '乙',
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      for (let p = 1; p <= o.topics; p++)
        await db.insert(meetingAgendaItems).values({ meetingId: m.id, position: p, kind: 'first_topic', title: '第一议题' });
      await db.insert(meetingAgendaItems).values({ meetingId: m.id, position: 9, kind: 'regular', title: '其他' });
      return;
    }
    case 'meetingUpdate': {
      const all = await ids(meetings);
      if (all.length)
        await db
          .update(meetings)
          .set({ orgId: pick(orgIds, o.org), type: o.type, status: o.status, startsAt: o.at })
          .where(eq(meetings.id, pick(all, o.i)));
      return;
    }
    case 'meetingDelete': {
      const all = await ids(meetings);
      if (all.length) await db.delete(meetings).where(eq(meetings.id, pick(all, o.i)));
      return;
    }
    case 'agendaClear': {
      const all = await ids(meetings);
      if (all.length) await db.delete(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, pick(all, o.i)));
      return;
    }
    case 'study': {
      const [r] = await db
        .insert(studyRecords)
        .values({
          orgId: pick(orgIds, o.org),
          form: 'centralized_training',
          title: '学习',
          occurredOn: o.at.toISOString().slice(0, 10),
          minutes: o.minutes,
          createdAt: now,
        })
        .returning();
      const people = memberIds.slice(0, o.people);
      if (people.length)
        await db.insert(studyAttendees).values(people.map((memberId) => ({ recordId: r.id, memberId, via: 'list' as const, at: now })));
      return;
    }
    case 'studyUpdate': {
      const all = await ids(studyRecords);
      if (all.length)
        await db
          .update(studyRecords)
          .set({ orgId: pick(orgIds, o.org), minutes: o.minutes, occurredOn: o.at.toISOString().slice(0, 10) })
          .where(eq(studyRecords.id, pick(all, o.i)));
      return;
    }
    case 'studyDelete': {
      const all = await ids(studyRecords);
      if (all.length) await db.delete(studyRecords).where(eq(studyRecords.id, pick(all, o.i)));
      return;
    }
    case 'member':
      await db
        .update(members)
        .set({ orgId: pick(orgIds, o.org), category: o.category, status: o.status })
        .where(eq(members.id, pick(memberIds, o.i)));
      return;
    case 'transfer': {
      const memberId = pick(memberIds, o.i);
      const open = ['pending', 'letter_issued'].includes(o.status);
      // at most one open transfer per member (unique index)
      if (open) await db.update(transfers).set({ status: 'cancelled' }).where(eq(transfers.memberId, memberId));
      await db.insert(transfers).values({
        kind: o.status === 'letter_issued' ? 'out' : 'internal',
        memberId,
        memberName: '党员',
        fromOrgId: pick(orgIds, o.org),
        toOrgId: t.rootId,
        status: o.status,
        reason: '调动',
        createdAt: now,
        updatedAt: now,
      });
      return;
    }
    case 'orgStatus': {
      const id = pick(orgIds, o.org);
      if (id !== t.rootId)
        await db
          .update(orgs)
          .set({ type: o.type, status: o.active ? 'active' : 'dissolved', attributes: { hasCommittee: o.committee } })
          .where(eq(orgs.id, id));
      return;
    }
    case 'move': {
      const [x] = await db
        .select()
        .from(orgs)
        .where(eq(orgs.id, pick(orgIds, o.org)));
      const [to] = await db
        .select()
        .from(orgs)
        .where(eq(orgs.id, pick(orgIds, o.to)));
      if (!x.parentId || to.path.startsWith(x.path) || to.id === x.parentId) return;
      // the org service's two statements: rewrite the subtree's paths, then the parent
      await db.execute(sql`update orgs set path = ${`${to.path}${x.id}/`} || substr(path, ${x.path.length + 1}), depth = depth + ${to.depth + 1 - x.depth}
        where path like ${`${x.path}%`}`);
      await db.update(orgs).set({ parentId: to.id }).where(eq(orgs.id, x.id));
      return;
    }
    case 'orgName':
      await db
        .update(orgs)
        .set({ name: o.name, sortOrder: o.sort })
        .where(eq(orgs.id, pick(orgIds, o.org)));
      return;
  }
}

/** What the cockpit reads of every org for both years: through the kept rows, or fresh (nothing is kept in a transaction). */
const reads = (fresh: boolean) =>
  Promise.all(
    orgIds.flatMap((id) =>
      [2025, 2026].map((y) => (fresh ? t.db.transaction((tx) => readCockpit(tx as unknown as Db, id, y)) : readCockpit(t.db, id, y))),
    ),
  );

async function rateState() {
  const [root] = await t.db.select().from(orgs).where(eq(orgs.id, t.rootId));
  const [tot] = await t.db.select().from(cockpitOrgTotals).where(eq(cockpitOrgTotals.orgId, t.rootId));
  const rates = await Promise.all([2025, 2026].map((y) => computeThreeOneRates(t.sys(), root, y)));
  return { version: tot?.version ?? 0, rates: rates.map((r) => ({ all: r.all, byChild: [...r.byChild].sort() })) };
}

describe('cockpit roll-ups under random writes', () => {
  it('equal a full recomputation after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const before = await rateState();
        await reads(false);
        for (const o of ops) await apply(o);
        // the kept cockpit rows are keyed by row versions: after any writes, the next read equals a fresh one
        expect(await reads(false)).toEqual(await reads(true));
        // the cached 三会一课 rate is keyed by the root's version: a change that leaves it must leave the rate
        const after = await rateState();
        if (after.version === before.version) expect(after.rates).toEqual(before.rates);
        const { maintained, rebuilt } = await checkCockpitRollups(t.db);
        expect(maintained.totals).toEqual(rebuilt.totals);
        expect(maintained.own).toEqual(rebuilt.own);
        expect(maintained.monthly).toEqual(rebuilt.monthly);
      }),
      { numRuns: 40 },
    );
  });
});
