import { and, asc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { MEETING_TYPE_LABELS } from '../../../common/meeting.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { cstDate, days } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { loadOrgInScope } from '../org/org.service.ts';
import { FIRST_TOPIC_POSITION, HELD_STATUSES, MISPLACED_FIRST_TOPIC } from './meeting.rules.ts';
import { meetingAgendaItems, meetings } from './meeting.table.ts';
import { firstTopics, followUps } from './topic.table.ts';

const yearRange = (y: number) => [new Date(`${y}-01-01T00:00:00+08:00`), new Date(`${y + 1}-01-01T00:00:00+08:00`)] as const;
const dayNo = (d: string) => Math.round(new Date(`${d}T00:00:00Z`).getTime() / days(1));

/** One study of a 第一议题 at a held meeting in the subtree, with lag days and its follow-ups. */
export type LedgerRow = {
  topicId: string;
  topicTitle: string;
  source: string;
  publishedOn: string;
  meetingId: string;
  meetingType: string;
  meetingTypeLabel: string;
  meetingTitle: string;
  orgId: string;
  orgName: string;
  heldOn: string;
  lagDays: number;
  /** false when the same org held an earlier meeting after publication without relaying it (not 第一时间) */
  timely: boolean;
  /** the agenda position; only item 1 counts as 第一议题 */
  position: number;
  counted: boolean;
  /** 非第一议题位置 when relayed at a later position */
  flag: string | null;
  followUps: number;
  followUpsDone: number;
  followUpsOverdue: number;
};

type Totals = {
  studies: number;
  /** relays at a later agenda position: listed and flagged, not counted */
  misplaced: number;
  topics: number;
  avgLagDays: number | null;
  followUps: number;
  followUpsDone: number;
  followUpsOverdue: number;
};

function totals(all: LedgerRow[]): Totals {
  const rows = all.filter((r) => r.counted);
  const lag = rows.reduce((s, r) => s + r.lagDays, 0);
  return {
    studies: rows.length,
    misplaced: all.length - rows.length,
    topics: new Set(rows.map((r) => r.topicId)).size,
    avgLagDays: rows.length ? Math.round((lag / rows.length) * 10) / 10 : null,
    followUps: rows.reduce((s, r) => s + r.followUps, 0),
    followUpsDone: rows.reduce((s, r) => s + r.followUpsDone, 0),
    followUpsOverdue: rows.reduce((s, r) => s + r.followUpsOverdue, 0),
  };
}

/** 第一议题台账 of an org's subtree for a year: every study, roll-up by child org, and pushed topics not yet relayed. */
export async function ledger(ctx: Ctx, orgId: string, year: number) {
  const root = await loadOrgInScope(ctx, orgId);
  const [from, to] = yearRange(year);
  const today = cstDate(ctx.now);
  const inTree = and(scopeWhere(ctx.actor, 'meeting:read', orgs.path), sql`${orgs.path} like ${`${root.path}%`}`);
  const studies = await ctx.db
    .select({
      topicId: firstTopics.id,
      topicTitle: firstTopics.title,
      source: firstTopics.source,
      publishedOn: firstTopics.publishedOn,
      meetingId: meetings.id,
      meetingType: meetings.type,
      meetingTitle: meetings.title,
      startsAt: meetings.startsAt,
      position: meetingAgendaItems.position,
      orgId: orgs.id,
      orgName: orgs.name,
      orgPath: orgs.path,
    })
    .from(meetingAgendaItems)
    .innerJoin(meetings, eq(meetings.id, meetingAgendaItems.meetingId))
    .innerJoin(orgs, eq(orgs.id, meetings.orgId))
    .innerJoin(firstTopics, eq(firstTopics.id, meetingAgendaItems.topicId))
    .where(
      and(
        inTree,
        eq(meetingAgendaItems.kind, 'first_topic'),
        inArray(meetings.status, [...HELD_STATUSES]),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetingAgendaItems.position));
  const meetingIds = [...new Set(studies.map((s) => s.meetingId))];
  const [fus, held] = await Promise.all([
    meetingIds.length
      ? ctx.db
          .select({ meetingId: followUps.meetingId, topicId: followUps.topicId, status: followUps.status, deadline: followUps.deadline })
          .from(followUps)
          .where(inArray(followUps.meetingId, meetingIds))
      : [],
    ctx.db
      .select({ orgId: meetings.orgId, startsAt: meetings.startsAt })
      .from(meetings)
      .innerJoin(orgs, eq(orgs.id, meetings.orgId))
      .where(
        and(
          inTree,
          inArray(meetings.status, [...HELD_STATUSES]),
          gte(meetings.startsAt, new Date(from.getTime() - days(366))),
          lt(meetings.startsAt, to),
        ),
      ),
  ]);
  const rows: (LedgerRow & { orgPath: string })[] = studies.map((s) => {
    const heldOn = cstDate(s.startsAt);
    const mine = fus.filter((f) => f.meetingId === s.meetingId && f.topicId === s.topicId);
    const earlier = held.some((h) => h.orgId === s.orgId && h.startsAt < s.startsAt && cstDate(h.startsAt) > s.publishedOn);
    return {
      topicId: s.topicId,
      topicTitle: s.topicTitle,
      source: s.source,
      publishedOn: s.publishedOn,
      meetingId: s.meetingId,
      meetingType: s.meetingType,
      meetingTypeLabel: MEETING_TYPE_LABELS[s.meetingType],
      meetingTitle: s.meetingTitle,
      orgId: s.orgId,
      orgName: s.orgName,
      orgPath: s.orgPath,
      heldOn,
      lagDays: dayNo(heldOn) - dayNo(s.publishedOn),
      timely: !earlier,
      position: s.position,
      counted: s.position === FIRST_TOPIC_POSITION,
      flag: s.position === FIRST_TOPIC_POSITION ? null : MISPLACED_FIRST_TOPIC,
      followUps: mine.length,
      followUpsDone: mine.filter((f) => f.status === 'done').length,
      followUpsOverdue: mine.filter((f) => f.status === 'open' && f.deadline < today).length,
    };
  });
  const children = await ctx.db
    .select({ id: orgs.id, name: orgs.name, type: orgs.type, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.parentId, root.id), eq(orgs.status, 'active')))
    .orderBy(asc(orgs.sortOrder), asc(orgs.name));
  const unreached = await notReached(
    ctx,
    root.path,
    rows.filter((r) => r.counted),
    year,
  );
  return {
    org: { id: root.id, name: root.name, type: root.type },
    year,
    total: totals(rows),
    own: totals(rows.filter((r) => r.orgId === root.id)),
    children: children.map((c) => ({
      orgId: c.id,
      name: c.name,
      type: c.type,
      ...totals(rows.filter((r) => r.orgPath.startsWith(c.path))),
    })),
    rows: rows.map(({ orgPath: _p, ...r }) => r),
    unreached,
  };
}

/** Pushed topics of the year (published at or above the root) and the branches under the root that have not relayed each. */
async function notReached(ctx: Ctx, rootPath: string, rows: { topicId: string; orgId: string }[], year: number) {
  const topics = await ctx.db
    .select({ id: firstTopics.id, title: firstTopics.title, publishedOn: firstTopics.publishedOn, orgPath: orgs.path })
    .from(firstTopics)
    .innerJoin(orgs, eq(orgs.id, firstTopics.orgId))
    .where(
      and(
        isNotNull(firstTopics.pushedAt),
        sql`(${rootPath} like ${orgs.path} || '%' or ${orgs.path} like ${`${rootPath}%`})`,
        gte(firstTopics.publishedOn, `${year}-01-01`),
        lt(firstTopics.publishedOn, `${year + 1}-01-01`),
      ),
    )
    .orderBy(asc(firstTopics.publishedOn));
  if (!topics.length) return [];
  const branches = await ctx.db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(
      and(
        eq(orgs.status, 'active'),
        inArray(orgs.type, ['branch', 'general_branch']),
        sql`${orgs.path} like ${`${rootPath}%`}`,
        scopeWhere(ctx.actor, 'meeting:read', orgs.path),
      ),
    )
    .orderBy(asc(orgs.name));
  const relayed = new Set(rows.map((r) => `${r.topicId}:${r.orgId}`));
  return topics.map((t) => {
    const missing = branches.filter((b) => b.path.startsWith(t.orgPath) && !relayed.has(`${t.id}:${b.id}`));
    return {
      topicId: t.id,
      title: t.title,
      publishedOn: t.publishedOn,
      branches: missing.length,
      orgs: missing.slice(0, 200).map((b) => ({ id: b.id, name: b.name })),
    };
  });
}
