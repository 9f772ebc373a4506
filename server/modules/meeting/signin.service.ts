import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { MEETING_TYPE_LABELS } from '../../../common/meeting.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { minutes } from '../../platform/clock.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { AppError, conflict, forbidden, invalid } from '../../platform/errors.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { meetingRules } from './meeting.rules.ts';
import { meetingAttendance, meetings } from './meeting.table.ts';
import { loadMeeting } from './meeting-access.service.ts';

type WithEnv = Pick<Ctx, 'env'>;
const signKey = (ctx: WithEnv) => createHmac('sha256', ctx.env.keys.session).update('liangqi/meeting-signin/v1').digest();
const mac = (ctx: WithEnv, payload: string) => createHmac('sha256', signKey(ctx)).update(payload).digest('base64url');
const hm = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);

/** The QR code content shown at the meeting: an HMAC-signed meeting id; it only works during the meeting window. */
export async function signinCode(ctx: Ctx, id: string) {
  const l = await loadMeeting(ctx, id);
  if (!['planned', 'held'].includes(l.m.status)) throw conflict('会议记录已提交或已取消，不能再签到');
  const token = signinToken(ctx, l.m.id);
  const opens = new Date(l.m.startsAt.getTime() - minutes(meetingRules(await rules(ctx)).signinOpensMinutes));
  return { token, url: `/m/signin?t=${encodeURIComponent(token)}`, opensAt: opens.toISOString(), closesAt: l.m.endsAt.toISOString() };
}

/** The signed token of a meeting (its id and an HMAC under a key derived for sign-in only). */
export function signinToken(ctx: WithEnv, meetingId: string): string {
  const payload = Buffer.from(meetingId).toString('base64url');
  return `${payload}.${mac(ctx, payload)}`;
}

function verify(ctx: Ctx, token: string): string {
  const [payload, sig] = token.split('.');
  const expected = payload ? mac(ctx, payload) : '';
  if (!payload || !sig || sig.length !== expected.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(expected)))
    throw invalid('签到码无效，请重新扫描会场的二维码');
  return Buffer.from(payload, 'base64url').toString();
}

/** A member signs in by scanning the code: only on the 应到 list, only during the window, only once. */
export async function signIn(ctx: Ctx, token: string) {
  const memberId = ctx.actor?.memberId;
  if (!memberId) throw forbidden('只有关联了党员信息的账号才能扫码签到');
  const meetingId = verify(ctx, token);
  const [row] = await ctx.db
    .select({ m: meetings, orgPath: orgs.path, a: meetingAttendance })
    .from(meetings)
    .innerJoin(orgs, eq(orgs.id, meetings.orgId))
    .leftJoin(meetingAttendance, and(eq(meetingAttendance.meetingId, meetings.id), eq(meetingAttendance.memberId, memberId)))
    .where(eq(meetings.id, meetingId));
  if (!row) throw invalid('签到码无效，请重新扫描会场的二维码');
  if (!row.a) throw forbidden('您不在本次会议的应到名单中，如需参加请联系支部书记');
  const opens = new Date(row.m.startsAt.getTime() - minutes(meetingRules(await rules(ctx)).signinOpensMinutes));
  if (!['planned', 'held'].includes(row.m.status) || ctx.now < opens || ctx.now > row.m.endsAt)
    throw new AppError('CONFLICT', `不在签到时间内：本次会议签到时间为 ${hm(opens)}—${hm(row.m.endsAt)}`);
  if (row.a.signedInAt) throw conflict('您已签到，无需重复签到');
  return withTx(ctx, async (tx) => {
    const done = await tx.db
      .update(meetingAttendance)
      .set({ status: 'present', reason: null, signedInAt: ctx.now, via: 'qr' })
      .where(
        and(
          eq(meetingAttendance.meetingId, meetingId),
          eq(meetingAttendance.memberId, memberId),
          eq(meetingAttendance.status, row.a!.status),
        ),
      )
      .returning();
    if (!done.length) throw conflict('您已签到，无需重复签到');
    await audit(tx, {
      action: 'meeting.signin',
      objectType: 'meeting',
      objectId: meetingId,
      orgId: row.m.orgId,
      orgPath: row.orgPath,
      detail: { memberId, via: 'qr' },
    });
    return { meetingId, title: row.m.title, signedInAt: ctx.now.toISOString() };
  });
}

/** The member's upcoming meetings (on the 应到 list, not yet over), for the phone page. */
export async function myMeetings(ctx: Ctx) {
  const memberId = ctx.actor?.memberId;
  if (!memberId) return [];
  const rows = await ctx.db
    .select({ m: meetings, orgName: orgs.name, a: meetingAttendance })
    .from(meetingAttendance)
    .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
    .innerJoin(orgs, eq(orgs.id, meetings.orgId))
    .where(and(eq(meetingAttendance.memberId, memberId), gte(meetings.endsAt, ctx.now), inArray(meetings.status, ['planned', 'held'])))
    .orderBy(asc(meetings.startsAt))
    .limit(50);
  return rows.map(({ m, orgName, a }) => ({
    id: m.id,
    title: m.title,
    type: m.type,
    typeLabel: MEETING_TYPE_LABELS[m.type],
    orgName,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    place: m.place,
    host: m.host,
    signedIn: !!a.signedInAt,
  }));
}
