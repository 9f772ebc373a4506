import { and, count, eq, like, lt } from 'drizzle-orm';
import { GENDER_LABELS } from '../../../common/member.ts';
import type { OutTransfer } from '../../../common/transfer.ts';
import { inScope } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { cstDate } from '../../platform/clock.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, forbidden, invalid } from '../../platform/errors.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { addDays } from '../committee/term.rules.ts';
import { members } from '../member/member.table.ts';
import { loadMemberInScope } from '../member/member-store.service.ts';
import type { TransferOutT } from './transfer.schema.ts';
import { insertOpenTransfer } from './transfer.service.ts';
import { transfers } from './transfer.table.ts';
import { getTransfer, loadTransfer } from './transfer-read.service.ts';

/** Days a letter stays valid: the rule table's default, or the cross-province maximum when that option is enabled. */
export async function letterValidityDays(ctx: Ctx, crossProvince?: boolean): Promise<number> {
  const t = (await rules(ctx)).transfer;
  return crossProvince && t.letter_validity_cross_province_enabled
    ? t.letter_validity_cross_province_max_days
    : t.letter_validity_days_default;
}

/** 转出系统外: issues the introduction letter; the member is 转接中 until the receipt (回执) is recorded. */
export async function issueLetter(ctx: Ctx, input: OutTransfer): Promise<TransferOutT> {
  const { m, orgPath } = await loadMemberInScope(ctx, input.memberId);
  if (m.status !== 'active') throw invalid(`${m.name}当前不是在册状态，不能开具介绍信`);
  const today = cstDate(ctx.now);
  if (input.duesPaidUntil > today.slice(0, 7)) throw invalid('党费交至月份不能晚于本月');
  const days = await letterValidityDays(ctx, input.crossProvince);
  const id = await withTx(ctx, async (tx) => {
    const year = today.slice(0, 4);
    const [{ n }] = await tx.db
      .select({ n: count() })
      .from(transfers)
      .where(like(transfers.letterNo, `${year}-%`));
    const t = await insertOpenTransfer(tx, {
      kind: 'out',
      memberId: m.id,
      memberName: m.name,
      fromOrgId: m.orgId,
      externalOrgName: input.toOrgName,
      status: 'letter_issued',
      reason: input.reason,
      duesPaidUntil: input.duesPaidUntil,
      letterNo: `${year}-${String(Number(n) + 1).padStart(4, '0')}`,
      issuedOn: today,
      validUntil: addDays(today, days),
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx.db.update(members).set({ status: 'transferring', updatedAt: ctx.now }).where(eq(members.id, m.id));
    await audit(tx, {
      action: 'transfer.letter',
      objectType: 'transfer',
      objectId: t.id,
      orgId: m.orgId,
      orgPath,
      detail: { memberId: m.id, to: input.toOrgName, letterNo: t.letterNo, validUntil: t.validUntil, duesPaidUntil: input.duesPaidUntil },
    });
    return t.id;
  });
  return getTransfer(ctx, id);
}

/** 回执: the receiving org confirmed; the transfer is complete and the member leaves the roll (kept as 已转出). */
export async function recordReceipt(ctx: Ctx, id: string, input: { receivedOn: string; note?: string | null }): Promise<TransferOutT> {
  const r = await loadTransfer(ctx, id);
  if (r.t.kind !== 'out') throw invalid('只有转出系统外的介绍信需要登记回执');
  if (!r.fromPath || !inScope(ctx.actor, 'member:write', r.fromPath)) throw forbidden('只有转出党组织可以登记回执');
  if (input.receivedOn > cstDate(ctx.now)) throw invalid('回执日期不能晚于今天');
  if (r.t.issuedOn && input.receivedOn < r.t.issuedOn) throw invalid(`回执日期不能早于开具介绍信的日期 ${r.t.issuedOn}`);
  await withTx(ctx, async (tx) => {
    const [t] = await tx.db.select().from(transfers).where(eq(transfers.id, id)).for('update');
    if (t.status !== 'letter_issued' && t.status !== 'expired') throw conflict('该介绍信已办结或已撤销，请刷新后查看');
    await tx.db
      .update(transfers)
      .set({
        status: 'receipt_received',
        receiptOn: input.receivedOn,
        receiptNote: input.note ?? null,
        updatedAt: ctx.now,
        version: t.version + 1,
      })
      .where(eq(transfers.id, id));
    await tx.db.update(members).set({ status: 'transferred_out', updatedAt: ctx.now }).where(eq(members.id, t.memberId));
    await audit(tx, {
      action: 'transfer.receipt',
      objectType: 'transfer',
      objectId: id,
      orgId: t.fromOrgId,
      orgPath: r.fromPath,
      detail: { memberId: t.memberId, receivedOn: input.receivedOn },
    });
  });
  return getTransfer(ctx, id);
}

/** Daily: letters past their validity without a receipt become 已过期 and the sending side is told once. */
export async function expireLetters(ctx: Ctx): Promise<string> {
  const today = cstDate(ctx.now);
  const expired = await ctx.db
    .update(transfers)
    .set({ status: 'expired', updatedAt: ctx.now })
    .where(and(eq(transfers.status, 'letter_issued'), lt(transfers.validUntil, today)))
    .returning();
  for (const t of expired) {
    const [o] = await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, t.fromOrgId!));
    await notify(ctx, {
      orgId: t.fromOrgId!,
      roles: ['branch_secretary', 'enterprise_staff'],
      kind: 'transfer_letter_expired',
      level: 'warning',
      title: `${t.memberName}的组织关系介绍信已过期，未收到回执`,
      body: `${o?.name ?? ''}开具的介绍信（${t.letterNo}）有效期至 ${t.validUntil}。请核实党员是否已报到，收到回执后登记；未使用的请撤销后重新开具。`,
      link: `/transfers?id=${t.id}`,
      dedupeKey: `transfer:${t.id}:expired`,
    });
  }
  return `${expired.length} 封介绍信过期`;
}

/** Facts the letter prints about the member (masked ID only: the letter leaves the platform). */
export async function letterFacts(ctx: Ctx, memberId: string) {
  const [m] = await ctx.db.select().from(members).where(eq(members.id, memberId));
  return {
    name: m.name,
    gender: GENDER_LABELS[m.gender],
    ethnicity: m.ethnicity,
    birthDate: m.birthDate,
    category: m.category,
    idMasked: m.idNumberMasked,
  };
}
