import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Org, OrgCreate, OrgUpdate } from '../../../common/org.ts';
import { api } from './api.ts';

export type { Org } from '../../../common/org.ts';

const KEY = ['orgs'] as const;

/** Every org in the caller's scope, flat (the tree is built on the client from parentId). */
export function useOrgs(opts: { includeDissolved?: boolean; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...KEY, { includeDissolved: Boolean(opts.includeDissolved) }],
    queryFn: () => api<Org[]>('/api/orgs', { query: { includeDissolved: opts.includeDissolved ? 1 : undefined } }),
    enabled: opts.enabled ?? true,
  });
}

/** Create, edit/move and dissolve; each refreshes the tree. */
export function useOrgMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: KEY });
  return {
    create: useMutation({ mutationFn: (body: OrgCreate) => api<Org>('/api/orgs', { method: 'POST', body }), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, ...body }: OrgUpdate & { id: string }) => api<Org>(`/api/orgs/${id}`, { method: 'PATCH', body }),
      onSuccess,
    }),
    dissolve: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason: string }) => api(`/api/orgs/${id}`, { method: 'DELETE', query: { reason } }),
      onSuccess,
    }),
  };
}
