import { SECURITY_POLICY_LABELS, type SecurityPolicy } from '../../../common/security-policy.ts';
import { audit } from '../audit/audit.service.ts';
import { securityPolicy } from '../auth/password.service.ts';
import { type Ctx, withTx } from '../context.ts';
import { invalid } from '../errors.ts';
import { writeSetting } from './settings.service.ts';

/** The 安全策略 in force (stored values over the 等保 defaults) with the Chinese label of each field. */
export async function getSecurityPolicy(ctx: Ctx) {
  return { policy: await securityPolicy(ctx.db), labels: SECURITY_POLICY_LABELS };
}

function crossFieldProblem(p: SecurityPolicy): string | null {
  if (p.expiryWarnDays >= p.expiryDays) return '到期前提醒天数须小于口令有效期';
  if (p.adminMinLength < p.minLength) return '三员口令最小长度不得小于普通口令最小长度';
  if (p.adminIdleMinutes > p.idleMinutes) return '三员空闲超时不得长于普通用户空闲超时';
  return null;
}

/**
 * Replaces the policy (its schema keeps every figure within the 等保 bounds); the audit record keeps the old
 * and new values. Takes effect on the next request of every session.
 */
export async function updateSecurityPolicy(ctx: Ctx, next: SecurityPolicy) {
  const problem = crossFieldProblem(next);
  if (problem) throw invalid(problem);
  const old = await securityPolicy(ctx.db);
  await withTx(ctx, async (tx) => {
    await writeSetting(tx.db, 'security_policy', next, ctx.actor?.userId ?? null, ctx.now);
    const changed = (Object.keys(next) as (keyof SecurityPolicy)[]).filter((k) => next[k] !== old[k]);
    await audit(tx, {
      action: 'security.policy_update',
      objectType: 'setting',
      objectId: 'security_policy',
      detail: { old, new: next, changed },
    });
  });
  return getSecurityPolicy(ctx);
}
