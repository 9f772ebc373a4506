import { sql } from 'drizzle-orm';
import { securityPolicy } from '../auth/password.service.ts';
import { days } from '../clock.ts';
import { type Ctx, withTx } from '../context.ts';
import { invalid } from '../errors.ts';
import type { Job } from '../jobs/job.ts';
import { audit } from './audit.service.ts';

/** 网络安全法: logs are kept at least six months, which can be 184 days. */
export const MIN_AUDIT_RETENTION_DAYS = 184;

/**
 * Deletes audit records older than `retentionDays`, refusing anything under 184. Only a prefix of the chain is
 * removed (every record before the first one still in retention), so the survivors still verify; the
 * append-only trigger allows it because this transaction names the cut-off, and the purge is audited.
 */
export async function purgeAudit(ctx: Ctx, retentionDays: number): Promise<number> {
  if (!(retentionDays >= MIN_AUDIT_RETENTION_DAYS))
    throw invalid(`审计日志保存期不得少于 ${MIN_AUDIT_RETENTION_DAYS} 天（六个月），清理已拒绝`);
  const before = new Date(ctx.now.getTime() - days(retentionDays));
  return withTx(ctx, async (tx) => {
    await tx.db.execute(sql`select set_config('liangqi.audit_purge_before', ${before.toISOString()}, true)`);
    const r = (await tx.db.execute(sql`with d as (
        delete from audit_log where id < coalesce((select min(id) from audit_log where at >= ${before}), (select max(id) + 1 from audit_log))
        returning 1)
      select count(*)::int as n from d`)) as unknown as { rows: { n: number }[] };
    const deleted = Number(r.rows[0]?.n ?? 0);
    if (deleted > 0)
      await audit(tx, { action: 'audit.purge', objectType: 'audit_log', detail: { before: before.toISOString(), retentionDays, deleted } });
    return deleted;
  });
}

/** Daily: purge by the retention period of the security policy. */
export const auditRetentionJob: Job = {
  name: 'audit.retention',
  run: async (ctx) => `deleted ${await purgeAudit(ctx, (await securityPolicy(ctx.db)).auditRetentionDays)}`,
};
