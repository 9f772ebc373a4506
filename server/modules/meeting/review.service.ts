import { eq } from 'drizzle-orm';
import { MEETING_TYPE_LABELS } from '../../../common/meeting.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import { checkStored, meetingDetail } from './meeting.detail.ts';
import { meetingReviews, meetings } from './meeting.table.ts';
import { loadMeeting } from './meeting-access.service.ts';

/** Submits a held (or returned) record for review; a record missing a required part is refused and says which. */
export async function submitMeeting(ctx: Ctx, id: string) {
  const l = await loadMeeting(ctx, id);
  const { m } = l;
  if (m.status === 'planned') throw conflict('会议召开后才能提交记录，请先标记“已召开”');
  if (!['held', 'returned'].includes(m.status)) throw conflict('该记录已提交或已审核');
  const { check } = await checkStored(ctx, m);
  if (check.missing.length)
    throw invalid(`记录不完整，不能提交：请补充${check.missing.join('、')}`, { missing: check.missing, flags: check.flags });
  await withTx(ctx, async (tx) => {
    await tx.db
      .update(meetings)
      .set({ status: 'submitted', submittedAt: ctx.now, updatedAt: ctx.now, version: m.version + 1 })
      .where(eq(meetings.id, id));
    await tx.db
      .insert(meetingReviews)
      .values({ meetingId: id, action: 'submit', comment: null, byUserId: ctx.actor?.userId, byName: ctx.actor?.name, at: ctx.now });
    if (l.orgParentId)
      await notify(tx, {
        orgId: l.orgParentId,
        roles: ['enterprise_staff', 'sasac_staff'],
        kind: 'meeting.submitted',
        title: `待审核：${l.orgName}${MEETING_TYPE_LABELS[m.type]}记录`,
        body: m.title,
        link: `/meetings/${id}`,
        dedupeKey: `meeting-submitted:${id}:${m.version}`,
      });
    await audit(tx, {
      action: 'meeting.submit',
      objectType: 'meeting',
      objectId: id,
      orgId: m.orgId,
      orgPath: l.orgPath,
      detail: { flags: check.flags },
    });
  });
  return meetingDetail(ctx, await loadMeeting(ctx, id));
}

/** The upper org's decision: 退回补充 with a comment (the branch sees why and resubmits) or approve. */
export async function reviewMeeting(ctx: Ctx, id: string, decision: { action: 'return' | 'approve'; comment?: string | null }) {
  const l = await loadMeeting(ctx, id, 'review');
  const { m } = l;
  if (m.status !== 'submitted') throw conflict('只有已提交待审核的记录才能审核');
  const comment = decision.comment?.trim() || null;
  if (decision.action === 'return' && !comment) throw invalid('退回补充时请写明需要补充的内容');
  const status = decision.action === 'return' ? 'returned' : 'approved';
  await withTx(ctx, async (tx) => {
    await tx.db
      .update(meetings)
      .set({ status, updatedAt: ctx.now, version: m.version + 1 })
      .where(eq(meetings.id, id));
    await tx.db
      .insert(meetingReviews)
      .values({ meetingId: id, action: decision.action, comment, byUserId: ctx.actor?.userId, byName: ctx.actor?.name, at: ctx.now });
    await notify(tx, {
      orgId: m.orgId,
      roles: ['branch_secretary'],
      userIds: m.createdBy ? [m.createdBy] : [],
      kind: `meeting.${decision.action}`,
      level: decision.action === 'return' ? 'warning' : 'info',
      title: decision.action === 'return' ? `会议记录被退回补充：${m.title}` : `会议记录审核通过：${m.title}`,
      body: comment ?? undefined,
      link: `/meetings/${id}`,
      dedupeKey: `meeting-${decision.action}:${id}:${m.version}`,
    });
    await audit(tx, {
      action: `meeting.${decision.action}`,
      objectType: 'meeting',
      objectId: id,
      orgId: m.orgId,
      orgPath: l.orgPath,
      detail: { comment },
    });
  });
  return meetingDetail(ctx, await loadMeeting(ctx, id));
}
