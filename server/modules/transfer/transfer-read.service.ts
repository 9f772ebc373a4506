import { type AnyColumn, and, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inScope } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { escapeLike, scopeWhere } from '../../platform/access/scope.ts';
import { cstDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { loadOrgInScope } from '../org/org.service.ts';
import type { TransferListQueryT, TransferOutT } from './transfer.schema.ts';
import { type Transfer, transfers } from './transfer.table.ts';

const fromOrg = alias(orgs, 'from_org');
const toOrg = alias(orgs, 'to_org');

type Row = { t: Transfer; fromName: string | null; fromPath: string | null; toName: string | null; toPath: string | null };

function select(ctx: Ctx, where: SQL | undefined) {
  return ctx.db
    .select({ t: transfers, fromName: fromOrg.name, fromPath: fromOrg.path, toName: toOrg.name, toPath: toOrg.path })
    .from(transfers)
    .leftJoin(fromOrg, eq(fromOrg.id, transfers.fromOrgId))
    .leftJoin(toOrg, eq(toOrg.id, transfers.toOrgId))
    .where(and(or(scopeWhere(ctx.actor, 'member:read', fromOrg.path), scopeWhere(ctx.actor, 'member:read', toOrg.path)), where));
}

/** The API shape, with what the caller may do next. */
export function transferOut(ctx: Ctx, r: Row): TransferOutT {
  const t = r.t;
  const today = cstDate(ctx.now);
  const writesFrom = !!r.fromPath && inScope(ctx.actor, 'member:write', r.fromPath);
  const writesTo = !!r.toPath && inScope(ctx.actor, 'member:write', r.toPath);
  const expired = t.status === 'expired' || (t.status === 'letter_issued' && !!t.validUntil && t.validUntil < today);
  return {
    id: t.id,
    kind: t.kind,
    memberId: t.memberId,
    memberName: t.memberName,
    fromOrgId: t.fromOrgId,
    fromOrgName: r.fromName,
    toOrgId: t.toOrgId,
    toOrgName: r.toName,
    externalOrgName: t.externalOrgName,
    status: t.status,
    reason: t.reason,
    duesPaidUntil: t.duesPaidUntil,
    letterNo: t.letterNo,
    issuedOn: t.issuedOn,
    validUntil: t.validUntil,
    expired,
    receiptOn: t.receiptOn,
    receiptNote: t.receiptNote,
    decisionNote: t.decisionNote,
    createdAt: t.createdAt.toISOString(),
    decidedAt: t.decidedAt?.toISOString() ?? null,
    canConfirm: t.status === 'pending' && writesTo,
    canCancel: (t.status === 'pending' || t.status === 'letter_issued' || t.status === 'expired') && writesFrom,
    canReceipt: (t.status === 'letter_issued' || t.status === 'expired') && writesFrom,
  };
}

/** A transfer either side of which lies in the caller's scope; otherwise 404 like a missing one. */
export async function loadTransfer(ctx: Ctx, id: string): Promise<Row> {
  const [r] = await select(ctx, eq(transfers.id, id));
  if (!r) throw notFound('转接记录');
  return r;
}

/** One transfer the caller may see. */
export async function getTransfer(ctx: Ctx, id: string): Promise<TransferOutT> {
  return transferOut(ctx, await loadTransfer(ctx, id));
}

const OPEN = ['pending', 'letter_issued', 'expired'] as const;

/** Transfers visible to the caller (either side in scope), newest first; filters by org subtree, member, status, direction. */
export async function listTransfers(ctx: Ctx, q: TransferListQueryT & { q?: string }): Promise<TransferOutT[]> {
  const under = q.orgId ? await loadOrgInScope(ctx, q.orgId) : null;
  const inside = (col: AnyColumn) => (under ? sql`starts_with(${col}, ${under.path})` : sql`true`);
  const side =
    q.direction === 'in'
      ? and(sql`${toOrg.path} is not null`, inside(toOrg.path), scopeWhere(ctx.actor, 'member:read', toOrg.path))
      : q.direction === 'out'
        ? and(sql`${fromOrg.path} is not null`, inside(fromOrg.path), scopeWhere(ctx.actor, 'member:read', fromOrg.path))
        : under
          ? or(and(sql`${fromOrg.path} is not null`, inside(fromOrg.path)), and(sql`${toOrg.path} is not null`, inside(toOrg.path)))
          : undefined;
  const rows = await select(
    ctx,
    and(
      side,
      q.memberId ? eq(transfers.memberId, q.memberId) : undefined,
      q.status ? eq(transfers.status, q.status) : undefined,
      q.open === '1' ? inArray(transfers.status, [...OPEN]) : undefined,
      q.q ? ilike(transfers.memberName, `%${escapeLike(q.q)}%`) : undefined,
    ),
  )
    .orderBy(desc(transfers.createdAt), desc(transfers.id))
    .limit(500);
  return rows.map((r) => transferOut(ctx, r));
}

/** Active branches anywhere on the platform (a member may move to any of them), matched by name. */
export async function destinations(ctx: Ctx, q: { q?: string }) {
  const parent = alias(orgs, 'parent');
  return ctx.db
    .select({ id: orgs.id, name: orgs.name, parentName: parent.name })
    .from(orgs)
    .leftJoin(parent, eq(parent.id, orgs.parentId))
    .where(and(eq(orgs.type, 'branch'), eq(orgs.status, 'active'), q.q ? ilike(orgs.name, `%${escapeLike(q.q)}%`) : undefined))
    .orderBy(orgs.name)
    .limit(50);
}
