import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RecordCreate, StudyForm } from '../../../common/study.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { meetingAttendance, meetings } from '../meeting/meeting.table.ts';
import { members } from '../member/member.table.ts';
import { studyAttendees, studyRecords } from './record.table.ts';
import { mustExist, studyOrg } from './study-access.service.ts';

const attendeeCount = sql<number>`(select count(*)::int from study_record_attendees a where a.record_id = "study_records"."id")`;

/** Members by id that belong to the subtree at `orgPath`; any other id is refused by name of the problem, not the id. */
export async function membersUnder(ctx: Ctx, ids: string[], orgPath: string): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await ctx.db
    .select({ id: members.id })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(inArray(members.id, unique), eq(members.status, 'active'), sql`${orgs.path} like ${`${orgPath}%`}`));
  if (rows.length !== unique.length) throw invalid(`参加人员中有 ${unique.length - rows.length} 人不是本组织的党员，请重新选择`);
  return unique;
}

/** Records a collective study (集中学习, 会议学习, 中心组, 班组课堂) with its attendees; a linked meeting supplies those present. */
export async function createRecord(ctx: Ctx, input: RecordCreate) {
  const o = await studyOrg(ctx, input.orgId);
  let attendees = await membersUnder(ctx, input.attendeeIds, o.path);
  let via: 'list' | 'meeting' = 'list';
  if (input.meetingId) {
    const [m] = await ctx.db.select().from(meetings).where(eq(meetings.id, input.meetingId));
    if (!m || m.orgId !== o.id) throw invalid('关联的会议不是本组织的会议');
    if (attendees.length === 0) {
      const present = await ctx.db
        .select({ id: meetingAttendance.memberId })
        .from(meetingAttendance)
        .where(and(eq(meetingAttendance.meetingId, m.id), eq(meetingAttendance.status, 'present')));
      attendees = present.map((p) => p.id);
      via = 'meeting';
    }
  }
  return withTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(studyRecords)
      .values({
        orgId: o.id,
        form: input.form,
        title: input.title,
        theme: input.theme,
        lecturer: input.lecturer ?? null,
        teamName: input.teamName ?? null,
        occurredOn: input.occurredOn,
        minutes: input.minutes,
        span: input.span ?? null,
        meetingId: input.meetingId ?? null,
        createdBy: ctx.actor?.userId ?? null,
        createdAt: ctx.now,
      })
      .returning();
    if (attendees.length)
      await tx.db.insert(studyAttendees).values(attendees.map((memberId) => ({ recordId: r.id, memberId, via, at: ctx.now })));
    await audit(tx, {
      action: 'study.record.create',
      objectType: 'study_record',
      objectId: r.id,
      orgId: o.id,
      orgPath: o.path,
      detail: { form: r.form, title: r.title, attendees: attendees.length },
    });
    return getRecord(tx, r.id);
  });
}

/** Study records held in the caller's scope (optionally one org's subtree, a year and a form), newest first. */
export async function listRecords(ctx: Ctx, q: { orgId?: string; year?: number; form?: StudyForm }) {
  const base = q.orgId ? await studyOrg(ctx, q.orgId) : null;
  const rows = await ctx.db
    .select({ r: studyRecords, orgName: orgs.name, attendees: attendeeCount })
    .from(studyRecords)
    .innerJoin(orgs, eq(orgs.id, studyRecords.orgId))
    .where(
      and(
        scopeWhere(ctx.actor, 'study:read', orgs.path),
        base ? sql`${orgs.path} like ${`${base.path}%`}` : undefined,
        q.year ? sql`extract(year from ${studyRecords.occurredOn}) = ${q.year}` : undefined,
        q.form ? eq(studyRecords.form, q.form) : undefined,
      ),
    )
    .orderBy(desc(studyRecords.occurredOn), desc(studyRecords.createdAt))
    .limit(1000);
  return rows.map((x) => recordOut(x.r, x.orgName, Number(x.attendees)));
}

function recordOut(r: typeof studyRecords.$inferSelect, orgName: string, attendees: number) {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName,
    form: r.form,
    title: r.title,
    theme: r.theme,
    lecturer: r.lecturer,
    teamName: r.teamName,
    occurredOn: r.occurredOn,
    minutes: r.minutes,
    span: r.span,
    meetingId: r.meetingId,
    reflection: r.reflection,
    attendees,
  };
}

/** One record with its attendees' names. */
export async function getRecord(ctx: Ctx, id: string) {
  const [r] = await ctx.db
    .select({ r: studyRecords, orgName: orgs.name, orgPath: orgs.path })
    .from(studyRecords)
    .innerJoin(orgs, eq(orgs.id, studyRecords.orgId))
    .where(eq(studyRecords.id, id));
  mustExist(r, '学习记录');
  const people = await ctx.db
    .select({ memberId: studyAttendees.memberId, name: members.name, via: studyAttendees.via })
    .from(studyAttendees)
    .innerJoin(members, eq(members.id, studyAttendees.memberId))
    .where(eq(studyAttendees.recordId, id))
    .orderBy(members.name);
  return { ...recordOut(r.r, r.orgName, people.length), people };
}

/** Deletes a record entered by mistake (its hours go with it), audited. */
export async function deleteRecord(ctx: Ctx, id: string) {
  const [r] = await ctx.db
    .select({ r: studyRecords, orgPath: orgs.path })
    .from(studyRecords)
    .innerJoin(orgs, eq(orgs.id, studyRecords.orgId))
    .where(eq(studyRecords.id, id));
  mustExist(r, '学习记录');
  await withTx(ctx, async (tx) => {
    const [{ n }] = await tx.db.select({ n: count() }).from(studyAttendees).where(eq(studyAttendees.recordId, id));
    await tx.db.delete(studyRecords).where(eq(studyRecords.id, id));
    await audit(tx, {
      action: 'study.record.delete',
      objectType: 'study_record',
      objectId: id,
      orgId: r.r.orgId,
      orgPath: r.orgPath,
      detail: { title: r.r.title, form: r.r.form, attendees: n },
    });
  });
}
