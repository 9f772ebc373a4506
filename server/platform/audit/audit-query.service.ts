import { and, count, desc, eq, gte, ilike, isNull, like, lt, lte, or, type SQL } from 'drizzle-orm';
import { inScope, scopePaths } from '../access/actor.ts';
import { orgs } from '../access/org.table.ts';
import { escapeLike, scopeWhere } from '../access/scope.ts';
import { days } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { actionLabel } from './audit.labels.ts';
import type { AuditQueryT } from './audit.schema.ts';
import { auditAlone, verifyAuditChain } from './audit.service.ts';
import { auditLog } from './audit.table.ts';

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
const cstMidnight = (d: string) => new Date(`${d}T00:00:00+08:00`);

/** Records in the caller's audit:read subtree; records without an org only for a caller whose scope is the whole tree. */
function auditScope(ctx: Ctx): SQL {
  const coversRoot = scopePaths(ctx.actor, 'audit:read').some((p) => p.split('/').filter(Boolean).length === 1);
  const inTree = scopeWhere(ctx.actor, 'audit:read', auditLog.orgPath);
  return coversRoot ? (or(inTree, isNull(auditLog.orgPath)) as SQL) : inTree;
}

/** 审计日志 search, newest first; the read itself is audited (action audit.read). */
export async function listAudit(ctx: Ctx, q: AuditQueryT) {
  let orgPath: string | null = null;
  if (q.orgId) {
    const [o] = await ctx.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, q.orgId));
    if (!o || !inScope(ctx.actor, 'audit:read', o.path)) throw notFound('组织');
    orgPath = o.path;
  }
  const where = and(
    auditScope(ctx),
    q.from ? gte(auditLog.at, isDate(q.from) ? cstMidnight(q.from) : new Date(q.from)) : undefined,
    q.to ? (isDate(q.to) ? lt(auditLog.at, new Date(cstMidnight(q.to).getTime() + days(1))) : lte(auditLog.at, new Date(q.to))) : undefined,
    q.userId ? eq(auditLog.userId, q.userId) : undefined,
    q.username ? ilike(auditLog.username, `%${escapeLike(q.username)}%`) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
    orgPath ? like(auditLog.orgPath, `${escapeLike(orgPath)}%`) : undefined,
    q.result ? eq(auditLog.result, q.result) : undefined,
  );
  const [{ total }] = await ctx.db.select({ total: count() }).from(auditLog).where(where);
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const { page, pageSize, ...filters } = q;
  await auditAlone(ctx, { action: 'audit.read', objectType: 'audit_log', detail: { filters, page, returned: rows.length, total } });
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      userId: r.userId,
      username: r.username,
      roles: r.roles,
      ip: r.ip,
      action: r.action,
      actionLabel: actionLabel(r.action),
      objectType: r.objectType,
      objectId: r.objectId,
      orgId: r.orgId,
      result: r.result,
      requestId: r.requestId,
      detail: r.detail ?? null,
    })),
    total,
  };
}

/** Walks the hash chain and reports the first altered record; the check is audited. */
export async function verifyAudit(ctx: Ctx) {
  const r = await verifyAuditChain(ctx.db);
  await auditAlone(ctx, { action: 'audit.verify', objectType: 'audit_log', result: r.ok ? 'success' : 'failure', detail: r });
  return r;
}
