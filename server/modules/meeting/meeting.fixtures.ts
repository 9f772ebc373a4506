// Test fixtures for meeting tests (imported by *.test.ts only).

import type { Agent, TestApp } from '../../test/build-test-app.ts';
import { committeeMembers, committees } from '../committee/committee.table.ts';

/** Plans a meeting through the API, starting at `startsAt` (ISO, +08:00) and lasting two hours. */
export async function planVia(
  a: Agent,
  body: { orgId: string; type: string; startsAt: string; title?: string; voting?: boolean; attendeeIds?: string[] },
) {
  const ends = new Date(new Date(body.startsAt).getTime() + 2 * 3_600_000).toISOString();
  const res = await a.post('/api/meetings', {
    title: body.title ?? '测试会议',
    place: '党员活动室',
    host: '刘志青',
    recorder: '王小红',
    endsAt: ends,
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`plan failed ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; attendance: { memberId: string }[]; [k: string]: unknown };
}

/** A current committee term (届) of `orgId` with `memberIds` as its 委员, written directly; returns its id. */
export async function buildTerm(t: TestApp, orgId: string, memberIds: string[]) {
  const now = t.clock();
  const [c] = await t.db
    .insert(committees)
    .values({ orgId, electedOn: '2024-01-01', termYears: 3, termEndsOn: '2027-01-01', createdAt: now, updatedAt: now })
    .returning();
  if (memberIds.length)
    await t.db
      .insert(committeeMembers)
      .values(
        memberIds.map((memberId, i) => ({ committeeId: c.id, memberId, duty: i === 0 ? ('secretary' as const) : ('member' as const) })),
      );
  return c.id;
}
