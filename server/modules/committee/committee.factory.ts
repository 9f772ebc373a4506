import { and, eq } from 'drizzle-orm';
import type { TestApp } from '../../test/build-test-app.ts';
import { branchIn, buildMember } from '../member/member.factory.ts';
import { committeeMembers, committees } from './committee.table.ts';
import { addDays } from './term.rules.ts';

let n = 0;

/** A fresh election date for each call, always later than the previous one (so a new election is valid). */
export const nextElectionDate = () => addDays('2020-01-01', ++n);

/** A valid election body for `orgId`: one full member of its subtree as 书记. */
export async function electionInput(t: TestApp, orgId: string) {
  const m = await buildMember(t, await branchIn(t, orgId));
  return { electedOn: nextElectionDate(), members: [{ memberId: m.id, duty: 'secretary' as const }] };
}

/** A current committee (elected 2024-01-01, ends 2027-01-01) of a branch inside `orgId`, written directly; returns its id. */
export async function committeeIn(t: TestApp, orgId: string): Promise<string> {
  const branch = await branchIn(t, orgId);
  const m = await buildMember(t, branch);
  const now = t.clock();
  await t.db
    .update(committees)
    .set({ status: 'ended', endedOn: '2024-01-01' })
    .where(and(eq(committees.orgId, branch), eq(committees.status, 'current')));
  const [c] = await t.db
    .insert(committees)
    .values({ orgId: branch, electedOn: '2024-01-01', termYears: 3, termEndsOn: '2027-01-01', createdAt: now, updatedAt: now })
    .returning();
  await t.db.insert(committeeMembers).values({ committeeId: c.id, memberId: m.id, duty: 'secretary' });
  return c.id;
}
