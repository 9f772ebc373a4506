import { z } from 'zod';
import { named } from './named.ts';

/** The 安全策略 set by sec_admin. Defaults are the 等保 figures of docs/security.md. */
export const SecurityPolicySchema = z.object({
  minLength: z.number().int().min(8, '口令最小长度不得小于 8').max(64),
  adminMinLength: z.number().int().min(12, '三员口令最小长度不得小于 12').max(64),
  minClasses: z.number().int().min(3, '至少包含 3 类字符').max(4),
  historyCount: z.number().int().min(5, '不得少于最近 5 次').max(24),
  expiryDays: z.number().int().min(1).max(90, '口令有效期不得超过 90 天'),
  expiryWarnDays: z.number().int().min(1).max(30),
  lockoutThreshold: z.number().int().min(3).max(5, '连续失败次数上限不得超过 5 次'),
  lockoutMinutes: z.number().int().min(30, '锁定时间不得少于 30 分钟').max(1440),
  idleMinutes: z.number().int().min(5).max(30, '空闲超时不得超过 30 分钟'),
  adminIdleMinutes: z.number().int().min(3).max(10, '三员空闲超时不得超过 10 分钟'),
  absoluteHours: z.number().int().min(1).max(12, '会话最长不得超过 12 小时'),
  inactiveDisableDays: z.number().int().min(30).max(90, '长期未登录账号须在 90 天内停用'),
  auditRetentionDays: z.number().int().min(184, '审计日志保存期不得少于 184 天（六个月）').max(3650),
});
export type SecurityPolicy = z.infer<typeof SecurityPolicySchema>;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  minLength: 8,
  adminMinLength: 12,
  minClasses: 3,
  historyCount: 5,
  expiryDays: 90,
  expiryWarnDays: 15,
  lockoutThreshold: 5,
  lockoutMinutes: 30,
  idleMinutes: 30,
  adminIdleMinutes: 10,
  absoluteHours: 12,
  inactiveDisableDays: 90,
  auditRetentionDays: 365,
};

export const SECURITY_POLICY_LABELS: Record<keyof SecurityPolicy, string> = {
  minLength: '口令最小长度',
  adminMinLength: '三员口令最小长度',
  minClasses: '口令至少包含的字符类别数',
  historyCount: '不得重复使用最近几次口令',
  expiryDays: '口令有效期（天）',
  expiryWarnDays: '到期前提醒（天）',
  lockoutThreshold: '连续登录失败锁定次数',
  lockoutMinutes: '锁定时长（分钟）',
  idleMinutes: '空闲超时（分钟）',
  adminIdleMinutes: '三员空闲超时（分钟）',
  absoluteHours: '会话最长时长（小时）',
  inactiveDisableDays: '未登录自动停用（天）',
  auditRetentionDays: '审计日志保存期（天）',
};

/** What a new password of one account must satisfy, as the password form shows it (the server re-checks all). */
export const PasswordRulesSchema = z.object({
  /** the minimum length for this account (三员 accounts have the longer one) */
  minLength: z.number().int(),
  minClasses: z.number().int(),
  historyCount: z.number().int(),
  isAdmin: z.boolean(),
});
export type PasswordRules = z.infer<typeof PasswordRulesSchema>;

/** The password rules of the configured policy for an account. */
export const passwordRulesFor = (p: SecurityPolicy, isAdmin: boolean): PasswordRules => ({
  minLength: isAdmin ? p.adminMinLength : p.minLength,
  minClasses: p.minClasses,
  historyCount: p.historyCount,
  isAdmin,
});

/** The policy as GET/PUT /api/security/policy answer it, with the Chinese label of each field. */
export const PolicyOut = z.object({ policy: SecurityPolicySchema, labels: z.record(z.string(), z.string()) });
export type PolicyOutT = z.infer<typeof PolicyOut>;
export const SecurityPolicyBody = SecurityPolicySchema.strict();
named('settings', { SecurityPolicyWithLabels: PolicyOut, SecurityPolicy: SecurityPolicyBody, PasswordRules: PasswordRulesSchema });
