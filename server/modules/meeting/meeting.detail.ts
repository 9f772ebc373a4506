import { asc, count, eq } from 'drizzle-orm';
import { inScope } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { cstDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { currentCommitteeSeats } from '../committee/committee.roster.ts';
import { members } from '../member/member.table.ts';
import { checkRecord, isCommitteeMeeting, meetingRules, quorum } from './meeting.rules.ts';
import type { MeetingOutT } from './meeting.schema.ts';
import { type Meeting, meetingAgendaItems, meetingAttendance, meetingReviews } from './meeting.table.ts';
import type { LoadedMeeting } from './meeting-access.service.ts';
import { canReviewAt } from './meeting-access.service.ts';
import { getTemplates } from './template.service.ts';
import { firstTopics, followUps } from './topic.table.ts';

/** Agenda in order, with the linked 第一议题's title and publication date. */
export async function agendaOf(ctx: Ctx, meetingId: string) {
  return ctx.db
    .select({
      id: meetingAgendaItems.id,
      position: meetingAgendaItems.position,
      kind: meetingAgendaItems.kind,
      title: meetingAgendaItems.title,
      topicId: meetingAgendaItems.topicId,
      topicTitle: firstTopics.title,
      topicPublishedOn: firstTopics.publishedOn,
      form: meetingAgendaItems.form,
      summary: meetingAgendaItems.summary,
    })
    .from(meetingAgendaItems)
    .leftJoin(firstTopics, eq(firstTopics.id, meetingAgendaItems.topicId))
    .where(eq(meetingAgendaItems.meetingId, meetingId))
    .orderBy(asc(meetingAgendaItems.position));
}

/** Attendance rows with each member's name and category (no personal data). */
export async function attendanceOf(ctx: Ctx, meetingId: string) {
  const rows = await ctx.db
    .select({
      memberId: meetingAttendance.memberId,
      name: members.name,
      category: members.category,
      status: meetingAttendance.status,
      reason: meetingAttendance.reason,
      signedInAt: meetingAttendance.signedInAt,
      via: meetingAttendance.via,
    })
    .from(meetingAttendance)
    .innerJoin(members, eq(members.id, meetingAttendance.memberId))
    .where(eq(meetingAttendance.meetingId, meetingId))
    .orderBy(asc(members.name));
  return rows.map((r) => ({ ...r, signedInAt: r.signedInAt?.toISOString() ?? null }));
}

type Att = Awaited<ReturnType<typeof attendanceOf>>;

/** 应到/实到/缺席/请假 and the vote quorum over full members. */
export function countsOf(att: Att, ratio: number) {
  const by = (s: string) => att.filter((a) => a.status === s).length;
  const full = att.filter((a) => a.category === 'full');
  return {
    counts: { expected: att.length, present: by('present'), absent: by('absent'), leave: by('leave') },
    quorum: quorum(full.length, full.filter((a) => a.status === 'present').length, ratio),
  };
}

/** The completeness check of a stored record (template, attendance, votes, 第一议题 rule, follow-ups). */
export async function checkStored(ctx: Ctx, m: Meeting) {
  const [agenda, att, tpls, r, [fu], [org], seats] = await Promise.all([
    agendaOf(ctx, m.id),
    attendanceOf(ctx, m.id),
    getTemplates(ctx),
    rules(ctx),
    ctx.db.select({ n: count() }).from(followUps).where(eq(followUps.meetingId, m.id)),
    ctx.db.select({ attributes: orgs.attributes }).from(orgs).where(eq(orgs.id, m.orgId)),
    isCommitteeMeeting(m.type) ? currentCommitteeSeats(ctx.db, m.orgId) : Promise.resolve(undefined),
  ]);
  const fixed = Number(org?.attributes?.themeDayFixedDay) || null;
  const mr = meetingRules(r);
  const { counts, quorum: q } = countsOf(att, mr.assemblyPresent);
  const committeeQuorum =
    seats === undefined
      ? undefined
      : seats === null
        ? null
        : quorum(seats.length, att.filter((a) => a.status === 'present' && seats.includes(a.memberId)).length, mr.committeePresent);
  const check = checkRecord(
    {
      type: m.type,
      sections: m.sections,
      agenda,
      presentCount: counts.present,
      voteQuorum: q,
      committeeQuorum,
      voting: m.voting,
      votes: m.votes,
      followUpCount: fu.n,
      heldDay: Number(cstDate(m.startsAt).slice(8, 10)),
      fixedThemeDay: fixed,
    },
    tpls[m.type],
    mr,
  );
  return { agenda, att, counts, quorum: q, check, mr };
}

/** The full record as the API shows it. */
export async function meetingDetail(ctx: Ctx, l: LoadedMeeting): Promise<MeetingOutT> {
  const { m } = l;
  const [{ agenda, att, counts, quorum: q, check, mr }, reviews] = await Promise.all([
    checkStored(ctx, m),
    ctx.db.select().from(meetingReviews).where(eq(meetingReviews.meetingId, m.id)).orderBy(asc(meetingReviews.at)),
  ]);
  return {
    id: m.id,
    orgId: m.orgId,
    orgName: l.orgName,
    type: m.type,
    title: m.title,
    status: m.status,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    place: m.place,
    host: m.host,
    recorder: m.recorder,
    sections: m.sections,
    minutes: m.minutes,
    voting: m.voting,
    votes: m.votes.map((v) => ({ ...v, passed: v.votesFor > Math.floor(q.entitled * mr.assemblyPass) })),
    countsAs: m.countsAs,
    heldAt: m.heldAt?.toISOString() ?? null,
    submittedAt: m.submittedAt?.toISOString() ?? null,
    version: m.version,
    hasFirstTopic: agenda[0]?.kind === 'first_topic' && !!agenda[0].topicId,
    agenda,
    attendance: att,
    counts,
    quorum: q,
    check,
    reviews: reviews.map((r) => ({ action: r.action, comment: r.comment, byName: r.byName, at: r.at.toISOString() })),
    canEdit: inScope(ctx.actor, 'meeting:write', l.orgPath) && ['planned', 'held', 'returned'].includes(m.status),
    canReview: m.status === 'submitted' && canReviewAt(ctx, l.orgPath),
  };
}
