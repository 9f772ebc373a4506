import { and, count, eq, gt, sql } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { hours } from '../../platform/clock.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decryptPii } from '../../platform/pii/pii.ts';
import { loadMemberInScope } from './member-store.service.ts';

/**
 * Refuses with 429 when the caller already did `limit` `action`s in the last hour; the audit log is the counter,
 * so the limit holds across restarts and instances.
 */
export async function hourlyLimit(ctx: Ctx, action: string, limit: number, what: string, objectType?: string): Promise<void> {
  const since = new Date(ctx.now.getTime() - hours(1));
  const mine = and(
    eq(auditLog.userId, ctx.actor?.userId ?? ''),
    eq(auditLog.action, action),
    objectType ? eq(auditLog.objectType, objectType) : undefined,
    gt(auditLog.at, since),
  );
  const [{ n }] = await ctx.db.select({ n: count() }).from(auditLog).where(mine);
  if (n >= limit) {
    const [oldest] = await ctx.db.select({ at: auditLog.at }).from(auditLog).where(mine).orderBy(auditLog.at).limit(1);
    const retryAfter = Math.max(1, Math.ceil((oldest.at.getTime() + hours(1) - ctx.now.getTime()) / 1000));
    throw new AppError('RATE_LIMITED', `每小时最多${what} ${limit} 次，请 ${Math.ceil(retryAfter / 60)} 分钟后再试`, { retryAfter });
  }
}

export const UNMASK_PER_HOUR = 50;

/** 查看完整信息: the member's full ID and phone numbers; audited, 50 per hour per user. */
export async function unmaskMember(ctx: Ctx, id: string): Promise<{ idNumber: string; phone: string | null }> {
  const { m, orgPath } = await loadMemberInScope(ctx, id);
  // pii:view in the member's org: the guard's (the member is the route's declared target)
  return withTx(ctx, async (tx) => {
    // the audit chain lock, taken early, serialises concurrent unmasks so the count cannot be raced
    await tx.db.execute(sql`select pg_advisory_xact_lock(731001)`);
    await hourlyLimit(tx, 'pii.unmask', UNMASK_PER_HOUR, '查看完整信息');
    const out = { idNumber: decryptPii(ctx.env.keys, m.idNumberEnc), phone: m.phoneEnc ? decryptPii(ctx.env.keys, m.phoneEnc) : null };
    await audit(tx, {
      action: 'pii.unmask',
      objectType: 'member',
      objectId: m.id,
      orgId: m.orgId,
      orgPath,
      detail: { fields: ['idNumber', ...(m.phoneEnc ? ['phone'] : [])] },
    });
    return out;
  });
}
