import { useQuery } from '@tanstack/react-query';
import type { OrgWarning, WarningLevel } from '../../../common/org.ts';
import { api } from './api.ts';

export type { OrgWarning, WarningLevel };

export const LEVEL_LABELS: Record<WarningLevel, string> = { error: '违规', warning: '预警', notice: '提示' };
export const LEVEL_COLORS: Record<WarningLevel, string> = { error: 'red', warning: 'orange', notice: 'blue' };

/** 组织设置预警 of the caller's scope, or of one org's subtree. */
export function useOrgWarnings(q: { orgId?: string; level?: WarningLevel } = {}) {
  return useQuery({ queryKey: ['org-warnings', q], queryFn: () => api<OrgWarning[]>('/api/orgs/warnings', { query: q }) });
}

/** The findings of one org alone (for badges on its detail panel). */
export function useOneOrgWarnings(orgId: string | undefined) {
  return useQuery({
    queryKey: ['org-warnings', 'one', orgId],
    queryFn: () => api<OrgWarning[]>(`/api/orgs/${orgId}/warnings`),
    enabled: !!orgId,
  });
}
