// Meeting objects written directly, for the authorization matrix and other tests.
import { eq } from 'drizzle-orm';
import { DEFAULT_TEMPLATES, type MeetingType } from '../../../common/meeting.ts';
import { users } from '../../platform/auth/user.table.ts';
import { minutes } from '../../platform/clock.ts';
import type { TestApp } from '../../test/build-test-app.ts';
import { buildMembers } from '../../test/factories.ts';
import { meetingAgendaItems, meetingAttendance, meetings } from './meeting.table.ts';
import { signinToken } from './signin.service.ts';
import { firstTopics, followUps } from './topic.table.ts';

/** A 第一议题 of `orgId`'s bank (not pushed). */
export async function topicIn(t: TestApp, orgId: string): Promise<string> {
  const now = t.clock();
  const [x] = await t.db
    .insert(firstTopics)
    .values({ orgId, title: '矩阵测试议题', source: '重要讲话', publishedOn: '2026-01-15', createdAt: now, updatedAt: now })
    .returning({ id: firstTopics.id });
  return x.id;
}

/**
 * A meeting in `orgId` with one present member: `planned` (started 10 minutes ago, open for sign-in), `held`
 * (complete, ready to submit), or `submitted`; `withTopic` puts an own 第一议题 as item 1.
 */
export async function meetingIn(
  t: TestApp,
  orgId: string,
  o: { status?: 'planned' | 'held' | 'submitted'; type?: MeetingType; withTopic?: boolean } = {},
): Promise<string> {
  const now = t.clock();
  const type = o.type ?? 'theme_day';
  const status = o.status ?? 'planned';
  const sections = Object.fromEntries(DEFAULT_TEMPLATES[type].sections.map((s) => [s.key, `${s.label}内容`]));
  const [m] = await t.db
    .insert(meetings)
    .values({
      orgId,
      type,
      title: '矩阵测试会议',
      status,
      startsAt: new Date(now.getTime() - minutes(10)),
      endsAt: new Date(now.getTime() + minutes(110)),
      place: '会议室',
      host: '主持人',
      recorder: '记录人',
      sections: status === 'planned' ? {} : sections,
      heldAt: status === 'planned' ? null : now,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: meetings.id });
  const [p] = await buildMembers(t, orgId, 1);
  await t.db.insert(meetingAttendance).values({ meetingId: m.id, memberId: p.id, status: status === 'planned' ? 'expected' : 'present' });
  if (o.withTopic)
    await t.db.insert(meetingAgendaItems).values({
      meetingId: m.id,
      position: 1,
      kind: 'first_topic',
      title: '学习',
      topicId: await topicIn(t, orgId),
      form: '集中学习',
      summary: '学习',
    });
  return m.id;
}

/** An open 落实措施 of a committee meeting in `orgId`. */
export async function followUpIn(t: TestApp, orgId: string): Promise<string> {
  const meetingId = await meetingIn(t, orgId, { status: 'held', withTopic: true, type: 'committee_meeting' });
  const now = t.clock();
  const [f] = await t.db
    .insert(followUps)
    .values({ meetingId, orgId, measure: '矩阵测试措施', ownerName: '责任人', deadline: '2026-12-31', createdAt: now, updatedAt: now })
    .returning({ id: followUps.id });
  return f.id;
}

/** A sign-in token of a fresh meeting in the window, with `userId` linked to a member on its 应到 list. */
export async function signinTokenFor(t: TestApp, orgId: string, userId: string | null): Promise<string> {
  const meetingId = await meetingIn(t, orgId);
  const [a] = await t.db
    .select({ memberId: meetingAttendance.memberId })
    .from(meetingAttendance)
    .where(eq(meetingAttendance.meetingId, meetingId));
  if (userId) await t.db.update(users).set({ memberId: a.memberId }).where(eq(users.id, userId));
  return signinToken(t, meetingId);
}
