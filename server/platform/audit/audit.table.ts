import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * 审计日志: append-only for the app (triggers from migration 0002 reject UPDATE/DELETE/TRUNCATE outside the retention purge),
 * SM3 hash-chained in insertion order.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: uuid('user_id'),
    username: text('username'),
    roles: text('roles'),
    ip: text('ip'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    orgId: uuid('org_id'),
    orgPath: text('org_path'),
    result: text('result', { enum: ['success', 'failure', 'denied'] }).notNull(),
    requestId: text('request_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_user_idx').on(t.userId, t.at),
    index('audit_object_idx').on(t.objectType, t.objectId),
  ],
);
