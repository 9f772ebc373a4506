import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditActionList, AuditPageT, AuditQueryT as AuditQuery, AuditVerify } from '../../../../common/audit.ts';
import type { PolicyOutT, SecurityPolicy } from '../../../../common/security-policy.ts';
import type { RoleAtT as RoleAt, UserPageT, UserQuery, UserRow } from '../../../../common/user.ts';
import { api } from '../../lib/api.ts';

export type { RoleAtT as RoleAt, UserQuery, UserRow } from '../../../../common/user.ts';

/** 账号 of the caller's scope, paged. */
export function useUsers(q: UserQuery) {
  return useQuery({ queryKey: ['users', q], queryFn: () => api<UserPageT>('/api/users', { query: q }) });
}

/** Account writes; every one refreshes the list. */
export function useUserMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['users'] });
  const post = (path: string, body?: unknown) => api(path, { method: 'POST', body });
  return {
    create: useMutation({
      mutationFn: (body: { username: string; name: string; password: string; roles: RoleAt[] }) =>
        api<UserRow>('/api/users', { method: 'POST', body }),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: { id: string; name?: string; roles?: RoleAt[]; disabled?: boolean }) =>
        api<UserRow>(`/api/users/${id}`, { method: 'PATCH', body }),
      onSuccess,
    }),
    resetPassword: useMutation({
      mutationFn: ({ id, password }: { id: string; password: string }) => post(`/api/users/${id}/reset-password`, { password }),
      onSuccess,
    }),
    unlock: useMutation({ mutationFn: (id: string) => post(`/api/users/${id}/unlock`), onSuccess }),
    revokeSessions: useMutation({ mutationFn: (id: string) => post(`/api/users/${id}/revoke-sessions`), onSuccess }),
  };
}

type PolicyOut = PolicyOutT;

/** The 安全策略 (sec_admin). */
export function useSecurityPolicy() {
  const qc = useQueryClient();
  const query = useQuery({ queryKey: ['security-policy'], queryFn: () => api<PolicyOut>('/api/security/policy') });
  const save = useMutation({
    mutationFn: (policy: SecurityPolicy) => api<PolicyOut>('/api/security/policy', { method: 'PUT', body: policy }),
    onSuccess: (r) => qc.setQueryData(['security-policy'], r),
  });
  return { query, save };
}

export type { AuditQueryT as AuditQuery, AuditRecord } from '../../../../common/audit.ts';

/** 审计日志 search (audit_admin). */
export function useAudit(q: AuditQuery) {
  return useQuery({ queryKey: ['audit', q], queryFn: () => api<AuditPageT>('/api/audit', { query: q }) });
}

/** The action codes with their Chinese labels, for the filter. */
export function useAuditActions() {
  return useQuery({
    queryKey: ['audit', 'actions'],
    queryFn: () => api<AuditActionList>('/api/audit/actions'),
    staleTime: Infinity,
  });
}

/** 校验日志完整性: walks the hash chain on the server. */
export function useAuditVerify() {
  return useMutation({ mutationFn: () => api<AuditVerify>('/api/audit/verify') });
}
