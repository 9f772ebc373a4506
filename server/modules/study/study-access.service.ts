import { eq } from 'drizzle-orm';
import { orgs } from '../../platform/access/org.table.ts';
import type { Ctx } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { members } from '../member/member.table.ts';

export type Me = { id: string; name: string; orgId: string; orgPath: string; orgName: string };

/** The caller's own member record (members' /m routes); an account without one cannot study as a member. */
export async function myMember(ctx: Ctx): Promise<Me> {
  const memberId = ctx.actor?.memberId;
  if (!memberId) throw forbidden('您的账号未关联党员信息，请联系支部书记关联后再参加学习');
  const [m] = await ctx.db
    .select({ id: members.id, name: members.name, orgId: members.orgId, orgPath: orgs.path, orgName: orgs.name })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(eq(members.id, memberId));
  if (!m) throw forbidden('您的账号未关联党员信息，请联系支部书记关联后再参加学习');
  return m;
}

/**
 * The org a study route names. Its scope is not checked here: the guard has held the route's declared target to
 * the caller's scope (read by default, study:write for writes) before the handler runs.
 */
export async function studyOrg(ctx: Ctx, orgId: string) {
  const [o] = await ctx.db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!o) throw notFound('组织');
  return o;
}

/** A row a study route names by id (its scope likewise the guard's): missing → 404. */
export function mustExist<T>(row: T | undefined, what: string): asserts row is T {
  if (!row) throw notFound(what);
}

/** A material or quiz published at `publisherPath` reaches a member whose org lies in that subtree. */
export const reaches = (publisherPath: string, memberOrgPath: string) => memberOrgPath.startsWith(publisherPath);
