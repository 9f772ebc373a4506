import { eq } from 'drizzle-orm';
import type { InTransfer } from '../../../common/transfer.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { cstDate } from '../../platform/clock.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { blindIndex } from '../../platform/pii/pii.ts';
import { createMember } from '../member/member.service.ts';
import { members } from '../member/member.table.ts';
import { loadBranchForWrite, sealPhone } from '../member/member-store.service.ts';
import type { TransferOutT } from './transfer.schema.ts';
import { transfers } from './transfer.table.ts';
import { getTransfer } from './transfer-read.service.ts';

/**
 * 从系统外转入: registers the member in the receiving branch and records the incoming letter in one transaction.
 * A person who once transferred out returns to their old record (one 公民身份号码, one record).
 */
export async function transferIn(ctx: Ctx, input: InTransfer): Promise<TransferOutT> {
  const branch = await loadBranchForWrite(ctx, input.member.orgId);
  if (input.duesPaidUntil > cstDate(ctx.now).slice(0, 7)) throw invalid('党费交至月份不能晚于本月');
  const bidx = blindIndex(ctx.env.keys, 'id', input.member.idNumber.trim().toUpperCase());
  const [existing] = await ctx.db.select().from(members).where(eq(members.idNumberBidx, bidx));
  if (existing && existing.status !== 'transferred_out')
    throw conflict(`该公民身份号码的党员已在册（${existing.name}），系统内调动请办理系统内转接`);
  const id = await withTx(ctx, async (tx) => {
    let memberId: string;
    if (existing) {
      const { idNumber: _id, phone, orgId, ...fields } = input.member;
      await tx.db
        .update(members)
        .set({
          ...fields,
          education: fields.education ?? null,
          fullMemberOn: fields.fullMemberOn ?? null,
          position: fields.position ?? null,
          ...sealPhone(ctx, phone),
          orgId,
          status: 'active',
          updatedAt: ctx.now,
          version: existing.version + 1,
        })
        .where(eq(members.id, existing.id));
      memberId = existing.id;
    } else {
      memberId = (await createMember(tx, input.member)).id;
    }
    const [t] = await tx.db
      .insert(transfers)
      .values({
        kind: 'in',
        memberId,
        memberName: input.member.name,
        toOrgId: branch.id,
        externalOrgName: input.fromOrgName,
        status: 'confirmed',
        reason: input.reason,
        duesPaidUntil: input.duesPaidUntil,
        letterNo: input.letterNo ?? null,
        createdBy: ctx.actor?.userId ?? null,
        decidedBy: ctx.actor?.userId ?? null,
        decidedAt: ctx.now,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await audit(tx, {
      action: 'transfer.in',
      objectType: 'transfer',
      objectId: t.id,
      orgId: branch.id,
      orgPath: branch.path,
      detail: { memberId, from: input.fromOrgName, letterNo: input.letterNo ?? null, returning: !!existing },
    });
    return t.id;
  });
  return getTransfer(ctx, id);
}
