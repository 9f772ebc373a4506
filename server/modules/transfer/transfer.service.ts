import { and, eq, inArray } from 'drizzle-orm';
import type { InternalTransfer } from '../../../common/transfer.ts';
import { inScope } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, forbidden, invalid } from '../../platform/errors.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import { members } from '../member/member.table.ts';
import { isUniqueViolation, loadMemberInScope } from '../member/member-store.service.ts';
import type { TransferOutT } from './transfer.schema.ts';
import { type Transfer, transfers } from './transfer.table.ts';
import { getTransfer, loadTransfer } from './transfer-read.service.ts';

const RECIPIENTS = ['branch_secretary', 'enterprise_staff'] as const;

/** Inserts an open transfer; a second open transfer of the same member is refused by the unique index. */
export async function insertOpenTransfer(ctx: Ctx, values: typeof transfers.$inferInsert): Promise<Transfer> {
  try {
    const [row] = await ctx.db.insert(transfers).values(values).returning();
    return row;
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('该党员已有正在办理的组织关系转接，请先办结或撤销');
    throw e;
  }
}

/** 系统内转接, step 1: the sending side asks; the member stays in the sending branch until the receiving side confirms. */
export async function requestTransfer(ctx: Ctx, input: InternalTransfer): Promise<TransferOutT> {
  const { m, orgPath } = await loadMemberInScope(ctx, input.memberId);
  if (m.status !== 'active') throw invalid(`${m.name}当前不是在册状态，不能办理转接`);
  const [to] = await ctx.db.select().from(orgs).where(eq(orgs.id, input.toOrgId));
  if (to?.status !== 'active') throw invalid('接收党组织不存在或已撤销，请重新选择');
  if (to.type !== 'branch') throw invalid('组织关系应转入党支部，请选择一个党支部');
  if (to.id === m.orgId) throw invalid('接收党支部与所在党支部相同');
  const id = await withTx(ctx, async (tx) => {
    const t = await insertOpenTransfer(tx, {
      kind: 'internal',
      memberId: m.id,
      memberName: m.name,
      fromOrgId: m.orgId,
      toOrgId: to.id,
      status: 'pending',
      reason: input.reason,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await notify(tx, {
      orgId: to.id,
      roles: [...RECIPIENTS],
      kind: 'transfer_incoming',
      level: 'warning',
      title: `${m.name}的组织关系转入${to.name}，待确认`,
      body: `转接原因：${input.reason}`,
      link: `/transfers?id=${t.id}`,
      dedupeKey: `transfer:${t.id}:incoming`,
    });
    await audit(tx, {
      action: 'transfer.request',
      objectType: 'transfer',
      objectId: t.id,
      orgId: m.orgId,
      orgPath,
      detail: { memberId: m.id, from: m.orgId, to: to.id, toName: to.name, reason: input.reason },
    });
    return t.id;
  });
  return getTransfer(ctx, id);
}

/** Locks the transfer row and re-checks its status inside the transaction (two clicks never confirm twice). */
async function lockOpen(tx: Ctx, id: string, statuses: Transfer['status'][]): Promise<Transfer> {
  const [t] = await tx.db.select().from(transfers).where(eq(transfers.id, id)).for('update');
  if (!t || !statuses.includes(t.status)) throw conflict('该转接已办结或已撤销，请刷新后查看');
  return t;
}

/** Closes an open transfer (locked by lockOpen) with its decision: who, when, why; the version moves on. */
async function decide(tx: Ctx, t: Transfer, status: 'confirmed' | 'rejected' | 'cancelled', note: string | null) {
  await tx.db
    .update(transfers)
    .set({ status, decidedBy: tx.actor?.userId ?? null, decidedAt: tx.now, decisionNote: note, updatedAt: tx.now, version: t.version + 1 })
    .where(eq(transfers.id, t.id));
}

/**
 * 系统内转接, step 2: the receiving side confirms. The member row moves and the transfer closes in ONE transaction,
 * so the member is always in exactly one branch.
 */
export async function confirmTransfer(ctx: Ctx, id: string, note?: string | null): Promise<TransferOutT> {
  const r = await loadTransfer(ctx, id);
  if (r.t.kind !== 'internal') throw invalid('只有系统内转接需要接收方确认');
  if (!r.toPath || !inScope(ctx.actor, 'member:write', r.toPath)) throw forbidden('只有接收党组织可以确认转入');
  await withTx(ctx, async (tx) => {
    const t = await lockOpen(tx, id, ['pending']);
    const moved = await tx.db
      .update(members)
      .set({ orgId: t.toOrgId!, updatedAt: ctx.now })
      .where(and(eq(members.id, t.memberId), eq(members.orgId, t.fromOrgId!), eq(members.status, 'active')))
      .returning({ id: members.id });
    if (moved.length !== 1) throw conflict('该党员已不在转出党支部，转接无法完成，请撤销后重新办理');
    await decide(tx, t, 'confirmed', note ?? null);
    await notify(tx, {
      orgId: t.fromOrgId!,
      roles: [...RECIPIENTS],
      kind: 'transfer_confirmed',
      title: `${t.memberName}的组织关系已转入${r.toName}`,
      link: `/transfers?id=${t.id}`,
      dedupeKey: `transfer:${t.id}:confirmed`,
    });
    await audit(tx, {
      action: 'transfer.confirm',
      objectType: 'transfer',
      objectId: t.id,
      orgId: t.toOrgId,
      orgPath: r.toPath,
      detail: { memberId: t.memberId, from: t.fromOrgId, to: t.toOrgId },
    });
  });
  return getTransfer(ctx, id);
}

/** The receiving side sends a request back with a reason; the member stays where they are. */
export async function rejectTransfer(ctx: Ctx, id: string, note: string): Promise<TransferOutT> {
  const r = await loadTransfer(ctx, id);
  if (r.t.kind !== 'internal') throw invalid('只有系统内转接可以退回');
  if (!r.toPath || !inScope(ctx.actor, 'member:write', r.toPath)) throw forbidden('只有接收党组织可以退回');
  await withTx(ctx, async (tx) => {
    const t = await lockOpen(tx, id, ['pending']);
    await decide(tx, t, 'rejected', note);
    await notify(tx, {
      orgId: t.fromOrgId!,
      roles: [...RECIPIENTS],
      kind: 'transfer_rejected',
      level: 'warning',
      title: `${t.memberName}的组织关系转接被${r.toName}退回`,
      body: `退回原因：${note}`,
      link: `/transfers?id=${t.id}`,
      dedupeKey: `transfer:${t.id}:rejected`,
    });
    await audit(tx, {
      action: 'transfer.reject',
      objectType: 'transfer',
      objectId: t.id,
      orgId: t.toOrgId,
      orgPath: r.toPath,
      detail: { note },
    });
  });
  return getTransfer(ctx, id);
}

/** The sending side withdraws an open transfer (a request not yet confirmed, or a letter the member did not use). */
export async function cancelTransfer(ctx: Ctx, id: string, note?: string | null): Promise<TransferOutT> {
  const r = await loadTransfer(ctx, id);
  if (!r.fromPath || !inScope(ctx.actor, 'member:write', r.fromPath)) throw forbidden('只有转出党组织可以撤销');
  await withTx(ctx, async (tx) => {
    const t = await lockOpen(tx, id, ['pending', 'letter_issued', 'expired']);
    if (t.kind === 'out')
      await tx.db
        .update(members)
        .set({ status: 'active', updatedAt: ctx.now })
        .where(and(eq(members.id, t.memberId), inArray(members.status, ['transferring'])));
    await decide(tx, t, 'cancelled', note ?? null);
    await audit(tx, {
      action: 'transfer.cancel',
      objectType: 'transfer',
      objectId: t.id,
      orgId: t.fromOrgId,
      orgPath: r.fromPath,
      detail: { note },
    });
  });
  return getTransfer(ctx, id);
}
