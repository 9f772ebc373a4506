import { and, count, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { MEETING_TYPE_LABELS } from '../../../common/meeting.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { cstDate, days } from '../../platform/clock.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { currentCommitteeSeats } from '../committee/committee.roster.ts';
import { members } from '../member/member.table.ts';
import { loadOrgInScope } from '../org/org.service.ts';
import { attendanceOf, countsOf, meetingDetail } from './meeting.detail.ts';
import { isCommitteeMeeting, meetingRules } from './meeting.rules.ts';
import type { MeetingCreateT, MeetingUpdateT } from './meeting.schema.ts';
import { meetingAgendaItems, meetingAttendance, meetings } from './meeting.table.ts';
import { assertEditable, loadMeeting } from './meeting-access.service.ts';

const cstStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

/** Meetings in the caller's scope (optionally one org's subtree), newest first, paged. */
export async function listMeetings(
  ctx: Ctx,
  q: { orgId?: string; type?: string; status?: string; from?: string; to?: string; page: number; pageSize: number },
) {
  const sub = q.orgId ? await loadOrgInScope(ctx, q.orgId) : null;
  const where = and(
    scopeWhere(ctx.actor, 'meeting:read', orgs.path),
    sub ? sql`${orgs.path} like ${`${sub.path}%`}` : undefined,
    q.type ? eq(meetings.type, q.type as never) : undefined,
    q.status ? eq(meetings.status, q.status as never) : undefined,
    q.from ? gte(meetings.startsAt, cstStart(q.from)) : undefined,
    q.to ? lt(meetings.startsAt, new Date(cstStart(q.to).getTime() + days(1))) : undefined,
  );
  const [rows, [{ n }]] = await Promise.all([
    ctx.db
      .select({ m: meetings, orgName: orgs.name })
      .from(meetings)
      .innerJoin(orgs, eq(orgs.id, meetings.orgId))
      .where(where)
      .orderBy(desc(meetings.startsAt), desc(meetings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(meetings).innerJoin(orgs, eq(orgs.id, meetings.orgId)).where(where),
  ]);
  // item 1 linked to the topic bank, for this page's meetings only (asked per row of the whole scope, before
  // the page is cut, it cost a scan of every agenda item)
  const ids = rows.map((r) => r.m.id);
  const linked = ids.length
    ? await ctx.db
        .select({ id: meetingAgendaItems.meetingId })
        .from(meetingAgendaItems)
        .where(
          and(
            inArray(meetingAgendaItems.meetingId, ids),
            eq(meetingAgendaItems.position, 1),
            eq(meetingAgendaItems.kind, 'first_topic'),
            isNotNull(meetingAgendaItems.topicId),
          ),
        )
    : [];
  const withTopic = new Set(linked.map((x) => x.id));
  return {
    total: n,
    items: rows.map(({ m, orgName }) => ({
      id: m.id,
      orgId: m.orgId,
      orgName,
      type: m.type,
      title: m.title,
      status: m.status,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      place: m.place,
      hasFirstTopic: withTopic.has(m.id),
    })),
  };
}

function checkWindow(startsAt: Date, endsAt: Date) {
  if (endsAt <= startsAt) throw invalid('结束时间应晚于开始时间');
  if (endsAt.getTime() - startsAt.getTime() > days(3)) throw invalid('一次会议不能超过 3 天，请检查结束时间');
}

/** A 党委会's or 支委会's 应到: the 委员 of the org's current term (domain.md §4.2), refused when none is registered. */
async function committeeRoster(ctx: Ctx, orgId: string) {
  const seats = await currentCommitteeSeats(ctx.db, orgId);
  if (!seats?.length)
    throw invalid('该组织尚未登记本届委员会委员，无法确定应到人员：请先在“委员会与换届”中登记本届委员，或手动选择应到人员');
  return seats.map((id) => ({ id }));
}

/** Plans a meeting; 应到 = the given attendees, else the current term's 委员 (党委会, 支委会), else the org's active members (groups included). */
export async function planMeeting(ctx: Ctx, input: MeetingCreateT) {
  const org = await loadOrgInScope(ctx, input.orgId);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  checkWindow(startsAt, endsAt);
  const everyone = await ctx.db
    .select({ id: members.id })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(
      and(
        eq(members.status, 'active'),
        sql`${orgs.path} like ${`${org.path}%`}`,
        input.attendeeIds
          ? inArray(members.id, input.attendeeIds.length ? input.attendeeIds : ['00000000-0000-0000-0000-000000000000'])
          : undefined,
      ),
    );
  if (input.attendeeIds && everyone.length !== new Set(input.attendeeIds).size) throw invalid('应到人员中有不属于该组织的党员，请重新选择');
  const roster = !input.attendeeIds && isCommitteeMeeting(input.type) ? await committeeRoster(ctx, org.id) : everyone;
  const id = await withTx(ctx, async (tx) => {
    const [m] = await tx.db
      .insert(meetings)
      .values({
        orgId: org.id,
        type: input.type,
        title: input.title,
        startsAt,
        endsAt,
        place: input.place,
        host: input.host,
        recorder: input.recorder,
        voting: input.type === 'members_assembly' && !!input.voting,
        createdBy: ctx.actor?.userId ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    if (roster.length) {
      await tx.db.insert(meetingAttendance).values(roster.map((r) => ({ meetingId: m.id, memberId: r.id })));
    }
    await audit(tx, {
      action: 'meeting.plan',
      objectType: 'meeting',
      objectId: m.id,
      orgId: org.id,
      orgPath: org.path,
      detail: { type: MEETING_TYPE_LABELS[input.type], title: input.title, on: cstDate(startsAt), expected: roster.length },
    });
    return m.id;
  });
  return meetingDetail(ctx, await loadMeeting(ctx, id));
}

/** Edits the plan or the record (sections, minutes, votes); a vote is refused without quorum. */
export async function updateMeeting(ctx: Ctx, id: string, patch: MeetingUpdateT) {
  const l = await loadMeeting(ctx, id);
  const { m } = l;
  assertEditable(m);
  if (patch.version !== undefined && patch.version !== m.version) throw conflict('该记录已被他人修改，请刷新后重试');
  const startsAt = patch.startsAt ? new Date(patch.startsAt) : m.startsAt;
  const endsAt = patch.endsAt ? new Date(patch.endsAt) : m.endsAt;
  checkWindow(startsAt, endsAt);
  const voting = m.type === 'members_assembly' && (patch.voting ?? m.voting);
  if (patch.votes?.length) {
    if (!voting) throw invalid('只有表决的支部党员大会才能记录表决结果，请先勾选“本次会议进行表决”');
    if (m.status === 'planned') throw invalid('会议召开后才能记录表决结果');
    const r = meetingRules(await rules(ctx));
    const { quorum: q } = countsOf(await attendanceOf(ctx, id), r.assemblyPresent);
    if (!q.met)
      throw invalid(`有表决权的正式党员应到 ${q.entitled} 人，实到 ${q.present} 人，未超过半数（至少需 ${q.required} 人），不能进行表决`, {
        quorum: q,
      });
    for (const v of patch.votes)
      if (v.votesFor + v.votesAgainst + v.abstain > q.present) throw invalid(`“${v.motion}”的票数合计超过了实到人数（${q.present} 人）`);
  }
  const { version: _v, startsAt: _s, endsAt: _e, ...fields } = patch;
  await withTx(ctx, async (tx) => {
    await tx.db
      .update(meetings)
      .set({ ...fields, voting, startsAt, endsAt, minutes: fields.minutes ?? m.minutes, updatedAt: ctx.now, version: m.version + 1 })
      .where(eq(meetings.id, id));
    await audit(tx, {
      action: 'meeting.update',
      objectType: 'meeting',
      objectId: id,
      orgId: m.orgId,
      orgPath: l.orgPath,
      detail: { fields: Object.keys(fields), votes: patch.votes },
    });
  });
  return meetingDetail(ctx, await loadMeeting(ctx, id));
}

/** Marks a meeting as held (not before it starts); its record can then be completed and submitted. */
export async function holdMeeting(ctx: Ctx, id: string) {
  const l = await loadMeeting(ctx, id);
  if (l.m.status !== 'planned') throw conflict('只有“已计划”的会议才能标记为已召开');
  if (ctx.now < l.m.startsAt) throw invalid('会议尚未开始，不能标记为已召开');
  await withTx(ctx, async (tx) => {
    await tx.db
      .update(meetings)
      .set({ status: 'held', heldAt: ctx.now, updatedAt: ctx.now, version: l.m.version + 1 })
      .where(eq(meetings.id, id));
    await audit(tx, { action: 'meeting.hold', objectType: 'meeting', objectId: id, orgId: l.m.orgId, orgPath: l.orgPath });
  });
  return meetingDetail(ctx, await loadMeeting(ctx, id));
}

/** Cancels a planned meeting (kept, with its reason, for the record). */
export async function cancelMeeting(ctx: Ctx, id: string, reason: string) {
  const l = await loadMeeting(ctx, id);
  if (l.m.status !== 'planned') throw conflict('只有尚未召开的会议才能取消');
  await withTx(ctx, async (tx) => {
    await tx.db
      .update(meetings)
      .set({ status: 'cancelled', updatedAt: ctx.now, version: l.m.version + 1 })
      .where(eq(meetings.id, id));
    await audit(tx, {
      action: 'meeting.cancel',
      objectType: 'meeting',
      objectId: id,
      orgId: l.m.orgId,
      orgPath: l.orgPath,
      detail: { reason },
    });
  });
}
