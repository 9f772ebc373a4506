import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { members } from '../member/member.table.ts';
import { committeeMembers, committees } from './committee.table.ts';

/**
 * The 委员 of an org's current term (届) who are active members: the 应到 of its 党委会 / 支委会 and the base of their
 * quorum (domain.md §4.2). `null` when the org has no current term registered.
 */
export async function currentCommitteeSeats(db: Db, orgId: string): Promise<string[] | null> {
  const [term] = await db
    .select({ id: committees.id })
    .from(committees)
    .where(and(eq(committees.orgId, orgId), eq(committees.status, 'current')));
  if (!term) return null;
  const rows = await db
    .select({ id: committeeMembers.memberId })
    .from(committeeMembers)
    .innerJoin(members, eq(members.id, committeeMembers.memberId))
    .where(and(eq(committeeMembers.committeeId, term.id), eq(members.status, 'active')));
  return rows.map((r) => r.id);
}
