// 审计日志 /api/audit: the API contract shared by the server routes and the web client.
import { named } from './named.ts';
import { z } from './zod-locale.ts';

const when = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { message: '时间格式应为 YYYY-MM-DD 或 ISO 8601' });

export const AuditQuery = z.strictObject({
  from: when.optional(),
  /** a date includes that whole day (China Standard Time) */
  to: when.optional(),
  userId: z.string().uuid('用户编号格式不正确').optional(),
  username: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  orgId: z.string().uuid('组织编号格式不正确').optional(),
  result: z.enum(['success', 'failure', 'denied']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQueryT = z.infer<typeof AuditQuery>;

export const AuditRecordOut = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  roles: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  orgId: z.string().nullable(),
  result: z.enum(['success', 'failure', 'denied']),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const AuditPage = z.object({ items: z.array(AuditRecordOut), total: z.number() });
export const AuditActions = z.array(z.object({ action: z.string(), label: z.string() }));
export const AuditVerifyOut = z.object({ ok: z.boolean(), checked: z.number(), brokenAt: z.number().nullable() });

named('audit', {
  AuditActions,
  AuditPage,
  AuditVerifyOut,
});

export type AuditRecord = z.infer<typeof AuditRecordOut>;
export type AuditPageT = z.infer<typeof AuditPage>;

export type AuditActionList = z.infer<typeof AuditActions>;
export type AuditVerify = z.infer<typeof AuditVerifyOut>;
