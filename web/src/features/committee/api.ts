import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Committee, CommitteeCreate, Postpone } from '../../../../common/committee.ts';
import type { MemberPage } from '../../../../common/member.ts';
import { api } from '../../lib/api.ts';

export type { Committee, Seat } from '../../../../common/committee.ts';
export type TermFilter = 'attention' | 'overdue' | undefined;

/** Current committees in scope with their term state. */
export function useTerms(q: { orgId?: string; state?: TermFilter }) {
  return useQuery({ queryKey: ['committees', q], queryFn: () => api<Committee[]>('/api/committees', { query: q }) });
}

/** Every term of one org, the current one first. */
export function useOrgCommittees(orgId: string | undefined) {
  return useQuery({
    queryKey: ['committees', 'org', orgId],
    queryFn: () => api<Committee[]>(`/api/orgs/${orgId}/committees`),
    enabled: !!orgId,
  });
}

/** Full members of an org's subtree, for choosing 委员. */
export function useFullMembers(orgId: string | undefined) {
  return useQuery({
    queryKey: ['members', 'full', orgId],
    queryFn: () =>
      api<MemberPage>('/api/members', {
        query: { orgId, category: 'full', pageSize: 200 },
      }),
    enabled: !!orgId,
  });
}

/** 登记换届 and 延期; both refresh committees and warnings. */
export function useCommitteeMutations() {
  const qc = useQueryClient();
  const onSuccess = () => {
    qc.invalidateQueries({ queryKey: ['committees'] });
    qc.invalidateQueries({ queryKey: ['org-warnings'] });
  };
  return {
    elect: useMutation({
      mutationFn: ({ orgId, ...body }: CommitteeCreate & { orgId: string }) =>
        api<Committee>(`/api/orgs/${orgId}/committees`, { method: 'POST', body }),
      onSuccess,
    }),
    postpone: useMutation({
      mutationFn: ({ id, ...body }: Postpone & { id: string }) =>
        api<Committee>(`/api/committees/${id}/postpone`, { method: 'POST', body }),
      onSuccess,
    }),
  };
}
