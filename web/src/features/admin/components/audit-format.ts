import { ROLE_LABELS, type Role } from '../../../../../common/access.ts';
import type { AuditRecord } from '../api.ts';

const OBJECT_LABELS: Record<string, string> = {
  user: '账号',
  org: '组织',
  member: '党员',
  file: '附件',
  setting: '设置',
  notification: '提醒',
};

/** Role codes as recorded (comma-separated) shown with their Chinese names. */
export function roleNames(v: string | null): string {
  if (!v) return '—';
  return v
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((r) => ROLE_LABELS[r as Role] ?? r)
    .join('、');
}

/** 对象 column: the object type's Chinese name and its id. */
export function objectName(r: AuditRecord): string {
  if (!r.objectType) return '—';
  return `${OBJECT_LABELS[r.objectType] ?? r.objectType} ${r.objectId ?? ''}`;
}
