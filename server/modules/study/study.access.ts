import { eq } from 'drizzle-orm';
import type { Permission } from '../../../common/access.ts';
import { inScope } from '../../platform/access/actor.ts';
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

/** An org the caller may act on: out of read scope answers 404 like missing; readable but not writable → 403. */
export async function orgInScope(ctx: Ctx, orgId: string, write = true) {
  const [o] = await ctx.db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!o || !inScope(ctx.actor, 'study:read', o.path)) throw notFound('组织');
  if (write && !inScope(ctx.actor, 'study:write', o.path)) throw forbidden('您没有管理该组织学习的权限');
  return o;
}

/** Checks an object located at `orgPath` against the caller's study scope (404 outside read scope, 403 without `perm`). */
export function checkScope(ctx: Ctx, orgPath: string | undefined, what: string, perm: Permission = 'study:read') {
  if (!orgPath || !inScope(ctx.actor, 'study:read', orgPath)) throw notFound(what);
  if (perm !== 'study:read' && !inScope(ctx.actor, perm, orgPath)) throw forbidden();
}

/** A material or quiz published at `publisherPath` reaches a member whose org lies in that subtree. */
export const reaches = (publisherPath: string, memberOrgPath: string) => memberOrgPath.startsWith(publisherPath);
