import { eq } from 'drizzle-orm';
import { scopePaths } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import type { Ctx } from '../../platform/context.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { type Meeting, meetings } from './meeting.table.ts';

export type LoadedMeeting = { m: Meeting; orgPath: string; orgName: string; orgParentId: string | null };

/** True when the actor may review records of the org at `orgPath`: `meeting:review` held at a strict ancestor. */
export function canReviewAt(ctx: Ctx, orgPath: string): boolean {
  return scopePaths(ctx.actor, 'meeting:review').some((p) => orgPath.startsWith(p) && p !== orgPath);
}

/**
 * Loads a meeting a route names (missing → 404). Read and write scope are the guard's (every meeting route declares
 * the meeting as its target); `review` adds the rule that only an upper org reviews a record (403).
 */
export async function loadMeeting(ctx: Ctx, id: string, need?: 'review'): Promise<LoadedMeeting> {
  const [row] = await ctx.db
    .select({ m: meetings, orgPath: orgs.path, orgName: orgs.name, orgParentId: orgs.parentId })
    .from(meetings)
    .innerJoin(orgs, eq(orgs.id, meetings.orgId))
    .where(eq(meetings.id, id));
  if (!row) throw notFound('会议');
  if (need === 'review' && !canReviewAt(ctx, row.orgPath)) throw forbidden('会议记录由上级党组织审核，您不能审核本级的记录');
  return row;
}

/** A record under review or approved is frozen until the upper org returns it. */
export function assertEditable(m: Meeting) {
  if (m.status === 'submitted') throw conflict('记录已提交审核，不能修改；如需修改请等待上级退回');
  if (m.status === 'approved') throw conflict('记录已审核通过，不能再修改');
  if (m.status === 'cancelled') throw conflict('会议已取消，不能修改');
}
