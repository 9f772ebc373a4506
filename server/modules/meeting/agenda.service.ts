import { and, eq, inArray } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.service.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { meetingDetail } from './meeting.detail.ts';
import type { AgendaInputT, AttendanceInputT } from './meeting.schema.ts';
import { meetingAgendaItems, meetingAttendance, meetings } from './meeting.table.ts';
import { assertEditable, loadMeeting } from './meeting-access.service.ts';
import { visibleTopicIds } from './topic.service.ts';

/** Replaces the ordered agenda; a 第一议题 item must link a topic the org can see (pushed to it or its own). */
export async function setAgenda(ctx: Ctx, id: string, input: AgendaInputT) {
  const l = await loadMeeting(ctx, id);
  assertEditable(l.m);
  const topicIds = input.items.map((i) => i.topicId).filter((x): x is string => !!x);
  const visible = await visibleTopicIds(ctx, l.orgPath, topicIds);
  for (const [n, item] of input.items.entries()) {
    if (item.kind === 'first_topic' && !item.topicId) throw invalid(`第 ${n + 1} 项是第一议题，请从议题库中选择学习内容`);
    if (item.topicId && !visible.has(item.topicId)) throw invalid(`第 ${n + 1} 项关联的议题不存在或未下发到本组织`);
  }
  await withTx(ctx, async (tx) => {
    await tx.db.delete(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, id));
    if (input.items.length)
      await tx.db.insert(meetingAgendaItems).values(
        input.items.map((i, n) => ({
          meetingId: id,
          position: n + 1,
          kind: i.kind,
          title: i.title,
          topicId: i.topicId ?? null,
          form: i.form ?? null,
          summary: i.summary ?? null,
        })),
      );
    await tx.db
      .update(meetings)
      .set({ updatedAt: ctx.now, version: l.m.version + 1 })
      .where(eq(meetings.id, id));
    await audit(tx, {
      action: 'meeting.agenda',
      objectType: 'meeting',
      objectId: id,
      orgId: l.m.orgId,
      orgPath: l.orgPath,
      detail: { items: input.items.map((i) => `${i.kind === 'first_topic' ? '【第一议题】' : ''}${i.title}`) },
    });
  });
  return meetingDetail(ctx, await loadMeeting(ctx, id));
}

/** Records 出席/缺席/请假 for people on the 应到 list; 请假 and 缺席 need a reason. */
export async function setAttendance(ctx: Ctx, id: string, input: AttendanceInputT) {
  const l = await loadMeeting(ctx, id);
  assertEditable(l.m);
  if (l.m.status === 'planned' && input.items.some((i) => i.status === 'present')) throw invalid('会议召开后才能登记出席情况');
  const ids = input.items.map((i) => i.memberId);
  const known = ids.length
    ? await ctx.db
        .select({ memberId: meetingAttendance.memberId })
        .from(meetingAttendance)
        .where(and(eq(meetingAttendance.meetingId, id), inArray(meetingAttendance.memberId, ids)))
        .then((rows) => new Set(rows.map((r) => r.memberId)))
    : new Set<string>();
  for (const i of input.items) {
    if (!known.has(i.memberId)) throw invalid('只能为应到名单中的党员登记出席情况');
    if (i.status === 'leave' && !i.reason?.trim()) throw invalid('请假须填写请假事由');
  }
  if (l.m.votes.length) throw invalid('本次会议已记录表决结果，出席情况不能再修改；如需更正请先清除表决结果');
  await withTx(ctx, async (tx) => {
    for (const i of input.items) {
      await tx.db
        .update(meetingAttendance)
        .set({ status: i.status, reason: i.reason ?? null, via: i.status === 'present' ? 'manual' : null })
        .where(and(eq(meetingAttendance.meetingId, id), eq(meetingAttendance.memberId, i.memberId)));
    }
    await tx.db
      .update(meetings)
      .set({ updatedAt: ctx.now, version: l.m.version + 1 })
      .where(eq(meetings.id, id));
    await audit(tx, {
      action: 'meeting.attendance',
      objectType: 'meeting',
      objectId: id,
      orgId: l.m.orgId,
      orgPath: l.orgPath,
      detail: { present: input.items.filter((i) => i.status === 'present').length, changed: input.items.length },
    });
  });
  return meetingDetail(ctx, await loadMeeting(ctx, id));
}
