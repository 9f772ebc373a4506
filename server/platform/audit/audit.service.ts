import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Ctx } from '../context.ts';
import { auditLog } from './audit.table.ts';

export type AuditEvent = {
  action: string;
  objectType?: string;
  objectId?: string | null;
  orgId?: string | null;
  orgPath?: string | null;
  result?: 'success' | 'failure' | 'denied';
  detail?: Record<string, unknown>;
  /** for events before a session exists (failed login) */
  username?: string;
};

const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every level: jsonb does not keep key order, the hash must not depend on it. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

function chainHash(prev: string, r: Omit<typeof auditLog.$inferInsert, 'prevHash' | 'hash'>): string {
  const body = canonical([
    r.at instanceof Date ? r.at.toISOString() : r.at,
    r.userId ?? null,
    r.username ?? null,
    r.roles ?? null,
    r.ip ?? null,
    r.action,
    r.objectType ?? null,
    r.objectId ?? null,
    r.orgId ?? null,
    r.result,
    r.requestId ?? null,
    r.detail ?? null,
  ]);
  return createHash('sm3').update(prev).update(body).digest('hex');
}

/**
 * Appends one audit record in the caller's transaction (call it last, just before commit: it takes the chain
 * lock). If the insert fails, the caller's write fails with it.
 */
export async function audit(ctx: Ctx, e: AuditEvent): Promise<void> {
  const a = ctx.actor;
  const row = {
    at: ctx.now,
    userId: a?.userId ?? null,
    username: a?.username ?? e.username ?? null,
    roles: a ? a.roles.map((r) => r.role).join(',') : null,
    ip: ctx.ip,
    action: e.action,
    objectType: e.objectType ?? null,
    objectId: e.objectId ?? null,
    orgId: e.orgId ?? null,
    orgPath: e.orgPath ?? null,
    result: e.result ?? 'success',
    requestId: ctx.requestId,
    detail: e.detail ?? null,
  } as const;
  await ctx.db.execute(sql`select pg_advisory_xact_lock(731001)`);
  const [last] = await ctx.db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS;
  await ctx.db.insert(auditLog).values({ ...row, prevHash, hash: chainHash(prevHash, row) });
}

/** Audit outside any business write (denials, failed logins): its own small transaction. */
export async function auditAlone(ctx: Ctx, e: AuditEvent): Promise<void> {
  await ctx.db.transaction((tx) => audit({ ...ctx, db: tx as unknown as Db }, e));
}

/** Walks the chain in id order; returns the first broken record id, or null when intact. */
export async function verifyAuditChain(db: Db): Promise<{ ok: boolean; checked: number; brokenAt: number | null }> {
  let prev: string | null = null;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(2000);
    if (rows.length === 0) break;
    for (const r of rows) {
      // the first surviving record anchors the chain (older ones may have been purged by retention)
      if (prev !== null && r.prevHash !== prev) return { ok: false, checked, brokenAt: r.id };
      if (chainHash(r.prevHash, r) !== r.hash) return { ok: false, checked, brokenAt: r.id };
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
  }
  return { ok: true, checked, brokenAt: null };
}
