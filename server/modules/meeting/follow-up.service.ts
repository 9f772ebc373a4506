import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { cstDate } from '../../platform/clock.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { loadOrgInScope } from '../org/org.service.ts';
import type { FollowUpCreateT, FollowUpUpdateT } from './follow-up.schema.ts';
import { agendaOf } from './meeting.detail.ts';
import { meetings } from './meeting.table.ts';
import { loadMeeting } from './meeting-access.service.ts';
import { type FollowUp, firstTopics, followUps } from './topic.table.ts';

function out(f: FollowUp, extra: { orgName: string; meetingTitle: string; topicTitle: string | null }, today: string) {
  return {
    id: f.id,
    meetingId: f.meetingId,
    orgId: f.orgId,
    topicId: f.topicId,
    measure: f.measure,
    ownerName: f.ownerName,
    ownerUserId: f.ownerUserId,
    deadline: f.deadline,
    status: f.status,
    result: f.result,
    doneAt: f.doneAt?.toISOString() ?? null,
    overdue: f.status === 'open' && f.deadline < today,
    ...extra,
  };
}

const select = (ctx: Ctx) =>
  ctx.db
    .select({ f: followUps, orgName: orgs.name, orgPath: orgs.path, meetingTitle: meetings.title, topicTitle: firstTopics.title })
    .from(followUps)
    .innerJoin(orgs, eq(orgs.id, followUps.orgId))
    .innerJoin(meetings, eq(meetings.id, followUps.meetingId))
    .leftJoin(firstTopics, eq(firstTopics.id, followUps.topicId));

/** 落实措施 of a meeting's 第一议题 (measure, owner, deadline); the meeting must have one as item 1. */
export async function createFollowUp(ctx: Ctx, meetingId: string, input: FollowUpCreateT) {
  const l = await loadMeeting(ctx, meetingId);
  if (l.m.status === 'planned' || l.m.status === 'cancelled') throw conflict('会议召开后才能制定落实措施');
  const [first] = await agendaOf(ctx, meetingId);
  if (first?.kind !== 'first_topic' || !first.topicId) throw invalid('请先在议程第1项设置第一议题，再制定落实措施');
  if (input.deadline < cstDate(l.m.startsAt)) throw invalid('完成时限不能早于会议日期');
  return withTx(ctx, async (tx) => {
    const [f] = await tx.db
      .insert(followUps)
      .values({
        ...input,
        ownerUserId: input.ownerUserId ?? null,
        meetingId,
        orgId: l.m.orgId,
        topicId: first.topicId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await audit(tx, {
      action: 'follow_up.create',
      objectType: 'follow_up',
      objectId: f.id,
      orgId: f.orgId,
      orgPath: l.orgPath,
      detail: { measure: f.measure, owner: f.ownerName, deadline: f.deadline },
    });
    return out(f, { orgName: l.orgName, meetingTitle: l.m.title, topicTitle: first.topicTitle }, cstDate(ctx.now));
  });
}

/** Follow-ups in scope (督办 list): optionally one org's subtree, status, or overdue only; earliest deadline first. */
export async function listFollowUps(ctx: Ctx, q: { orgId?: string; meetingId?: string; status?: 'open' | 'done'; overdue?: boolean }) {
  const sub = q.orgId ? await loadOrgInScope(ctx, q.orgId) : null;
  const today = cstDate(ctx.now);
  const rows = await select(ctx)
    .where(
      and(
        scopeWhere(ctx.actor, 'meeting:read', orgs.path),
        sub ? sql`${orgs.path} like ${`${sub.path}%`}` : undefined,
        q.meetingId ? eq(followUps.meetingId, q.meetingId) : undefined,
        q.status ? eq(followUps.status, q.status) : undefined,
        q.overdue ? and(eq(followUps.status, 'open'), lt(followUps.deadline, today)) : undefined,
      ),
    )
    .orderBy(asc(followUps.deadline))
    .limit(1000);
  return rows.map((r) => out(r.f, r, today));
}

/** Updates progress; completing a measure needs its result (结果报告). */
export async function updateFollowUp(ctx: Ctx, id: string, patch: FollowUpUpdateT) {
  const [r] = await select(ctx).where(eq(followUps.id, id));
  // scope: the guard holds the follow-up (the route's declared target) to the caller's meeting:write scope
  if (!r) throw notFound('落实措施');
  const status = patch.status ?? r.f.status;
  const result = patch.result ?? r.f.result;
  if (status === 'done' && !result?.trim()) throw invalid('标记完成时请填写落实结果');
  return withTx(ctx, async (tx) => {
    const [f] = await tx.db
      .update(followUps)
      .set({ ...patch, doneAt: status === 'done' ? (r.f.doneAt ?? ctx.now) : null, updatedAt: ctx.now })
      .where(eq(followUps.id, id))
      .returning();
    await audit(tx, {
      action: 'follow_up.update',
      objectType: 'follow_up',
      objectId: id,
      orgId: f.orgId,
      orgPath: r.orgPath,
      detail: patch,
    });
    return out(f, r, cstDate(ctx.now));
  });
}
