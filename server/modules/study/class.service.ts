import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { SelfStudy, TeamClass } from '../../../common/study.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { cstDate, hours } from '../../platform/clock.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { members } from '../member/member.table.ts';
import { studyMaterials } from './material.table.ts';
import { membersUnder } from './record.service.ts';
import { studyAttendees, studyRecords } from './record.table.ts';
import { myMember } from './study-access.service.ts';

/** QR check-in to a 班组课堂 stays open this long after the class is recorded. */
const CHECKIN_WINDOW = hours(2);

type WithEnv = Pick<Ctx, 'env'>;
const signKey = (ctx: WithEnv) => createHmac('sha256', ctx.env.keys.session).update('liangqi/study-checkin/v1').digest();
const mac = (ctx: WithEnv, payload: string) => createHmac('sha256', signKey(ctx)).update(payload).digest('base64url');

/** The signed QR content of a class record (its id under an HMAC key derived for study check-in only). */
export function checkinToken(ctx: WithEnv, recordId: string): string {
  const payload = Buffer.from(recordId).toString('base64url');
  return `${payload}.${mac(ctx, payload)}`;
}

function verify(ctx: Ctx, token: string): string {
  const [payload, sig] = token.split('.');
  const expected = payload ? mac(ctx, payload) : '';
  if (!payload || !sig || sig.length !== expected.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(expected)))
    throw invalid('签到码无效，请重新扫描课堂的二维码');
  return Buffer.from(payload, 'base64url').toString();
}

/** Members of the caller's own branch, for ticking attendees of a class from the phone. */
export async function myTeamMembers(ctx: Ctx) {
  const me = await myMember(ctx);
  return ctx.db
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(and(eq(members.orgId, me.orgId), eq(members.status, 'active')))
    .orderBy(asc(members.name));
}

/**
 * 班组10分钟课堂 recorded by a team or shift leader from the phone: today, in the leader's own org, the leader and the
 * ticked members attending; others join by scanning the returned QR code within two hours.
 */
export async function recordTeamClass(ctx: Ctx, input: TeamClass) {
  const me = await myMember(ctx);
  const attendees = await membersUnder(ctx, [me.id, ...input.attendeeIds], me.orgPath);
  const rec = await withTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(studyRecords)
      .values({
        orgId: me.orgId,
        form: 'team_micro_class',
        title: input.title,
        theme: input.theme,
        lecturer: input.lecturer,
        teamName: input.teamName,
        occurredOn: cstDate(ctx.now),
        minutes: input.minutes,
        checkinUntil: new Date(ctx.now.getTime() + CHECKIN_WINDOW),
        createdBy: ctx.actor?.userId ?? null,
        createdAt: ctx.now,
      })
      .returning();
    await tx.db
      .insert(studyAttendees)
      .values(attendees.map((memberId) => ({ recordId: r.id, memberId, via: 'list' as const, at: ctx.now })));
    await audit(tx, {
      action: 'study.class.record',
      objectType: 'study_record',
      objectId: r.id,
      orgId: me.orgId,
      orgPath: me.orgPath,
      detail: { title: r.title, teamName: r.teamName, attendees: attendees.length },
    });
    return r;
  });
  const token = checkinToken(ctx, rec.id);
  return {
    id: rec.id,
    title: rec.title,
    attendees: attendees.length,
    token,
    url: `/m/study/checkin?t=${encodeURIComponent(token)}`,
    checkinUntil: (rec.checkinUntil as Date).toISOString(),
  };
}

/** A member checks in to a class by its QR code: only members of the class's org subtree, within the window, once. */
export async function checkIn(ctx: Ctx, token: string) {
  const me = await myMember(ctx);
  const recordId = verify(ctx, token);
  const [r] = await ctx.db
    .select({ r: studyRecords, orgPath: orgs.path })
    .from(studyRecords)
    .innerJoin(orgs, eq(orgs.id, studyRecords.orgId))
    .where(eq(studyRecords.id, recordId));
  if (!r) throw invalid('签到码无效，请重新扫描课堂的二维码');
  if (!me.orgPath.startsWith(r.orgPath)) throw invalid('这堂课不属于您所在的组织，无需签到');
  if (!r.r.checkinUntil || ctx.now > r.r.checkinUntil) throw conflict('课堂签到已结束，请联系班组长补录');
  return withTx(ctx, async (tx) => {
    const done = await tx.db
      .insert(studyAttendees)
      .values({ recordId, memberId: me.id, via: 'qr', at: ctx.now })
      .onConflictDoNothing()
      .returning();
    if (done.length === 0) throw conflict('您已签到，无需重复签到');
    await audit(tx, {
      action: 'study.class.checkin',
      objectType: 'study_record',
      objectId: recordId,
      orgId: r.r.orgId,
      orgPath: r.orgPath,
    });
    return { recordId, title: r.r.title, minutes: r.r.minutes };
  });
}

/** 自学: a member logs what they read with a short 心得; it counts under the rule table's 自学 rate and cap. */
export async function logSelfStudy(ctx: Ctx, input: SelfStudy) {
  const me = await myMember(ctx);
  if (input.occurredOn > cstDate(ctx.now)) throw invalid('学习日期不能晚于今天');
  if (input.materialId) {
    const [m] = await ctx.db
      .select({ id: studyMaterials.id })
      .from(studyMaterials)
      .innerJoin(orgs, eq(orgs.id, studyMaterials.orgId))
      .where(and(eq(studyMaterials.id, input.materialId), sql`${me.orgPath} like ${orgs.path} || '%'`));
    if (!m) throw invalid('所选学习资料不存在或不面向您所在的组织');
  }
  return withTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(studyRecords)
      .values({
        orgId: me.orgId,
        form: 'self_study',
        title: input.title,
        theme: input.theme,
        occurredOn: input.occurredOn,
        minutes: input.minutes,
        materialId: input.materialId ?? null,
        reflection: input.reflection,
        createdBy: ctx.actor?.userId ?? null,
        createdAt: ctx.now,
      })
      .returning();
    await tx.db.insert(studyAttendees).values({ recordId: r.id, memberId: me.id, via: 'self', at: ctx.now });
    await audit(tx, {
      action: 'study.self.log',
      objectType: 'study_record',
      objectId: r.id,
      orgId: me.orgId,
      orgPath: me.orgPath,
      detail: { minutes: r.minutes },
    });
    return { id: r.id, title: r.title, occurredOn: r.occurredOn, minutes: r.minutes };
  });
}

/** The member's own study records of a year (records attended, 自学), newest first. */
export async function myRecords(ctx: Ctx, year: number) {
  const me = await myMember(ctx);
  return ctx.db
    .select({
      id: studyRecords.id,
      form: studyRecords.form,
      title: studyRecords.title,
      occurredOn: studyRecords.occurredOn,
      minutes: studyRecords.minutes,
    })
    .from(studyAttendees)
    .innerJoin(studyRecords, eq(studyRecords.id, studyAttendees.recordId))
    .where(and(eq(studyAttendees.memberId, me.id), sql`extract(year from ${studyRecords.occurredOn}) = ${year}`))
    .orderBy(desc(studyRecords.occurredOn))
    .limit(500);
}
