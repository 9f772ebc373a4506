import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberPage } from '../../../common/member.ts';
import type { Destinations, InTransfer, InternalTransfer, OutTransfer, Transfer, TransferQuery } from '../../../common/transfer.ts';
import { api } from './api.ts';

export type { Transfer, TransferQuery } from '../../../common/transfer.ts';

/** Transfers either side of which is in the caller's scope. */
export function useTransfers(q: TransferQuery) {
  return useQuery({ queryKey: ['transfers', q], queryFn: () => api<Transfer[]>('/api/transfers', { query: q }) });
}

/** One transfer (a reminder's link opens it). */
export function useTransfer(id: string | null) {
  return useQuery({ queryKey: ['transfers', 'one', id], queryFn: () => api<Transfer>(`/api/transfers/${id}`), enabled: !!id });
}

/** Members of the caller's scope matching a name, for the pickers. */
export function useMemberSearch(q: string) {
  return useQuery({
    queryKey: ['members', 'pick', q],
    queryFn: () => api<MemberPage>('/api/members', { query: { q, pageSize: 20 } }),
  });
}

/** Branches anywhere on the platform that can receive a member. */
export function useDestinations(q: string) {
  return useQuery({
    queryKey: ['transfer-destinations', q],
    queryFn: () => api<Destinations>('/api/transfers/destinations', { query: { q } }),
  });
}

/** Every transfer action; each refreshes the lists, the roster and the warnings. */
export function useTransferMutations() {
  const qc = useQueryClient();
  const onSuccess = () => {
    for (const key of ['transfers', 'members', 'org-warnings', 'orgs']) qc.invalidateQueries({ queryKey: [key] });
  };
  const post = (path: string) => (body: unknown) => api<Transfer>(path, { method: 'POST', body });
  const act =
    (action: string) =>
    ({ id, ...body }: { id: string }) =>
      api<Transfer>(`/api/transfers/${id}/${action}`, { method: 'POST', body });
  return {
    request: useMutation({ mutationFn: post('/api/transfers') as (b: InternalTransfer) => Promise<Transfer>, onSuccess }),
    letter: useMutation({ mutationFn: post('/api/transfers/out') as (b: OutTransfer) => Promise<Transfer>, onSuccess }),
    transferIn: useMutation({ mutationFn: post('/api/transfers/in') as (b: InTransfer) => Promise<Transfer>, onSuccess }),
    confirm: useMutation({ mutationFn: act('confirm') as (b: { id: string; note?: string | null }) => Promise<Transfer>, onSuccess }),
    reject: useMutation({ mutationFn: act('reject') as (b: { id: string; note: string }) => Promise<Transfer>, onSuccess }),
    cancel: useMutation({ mutationFn: act('cancel') as (b: { id: string; note?: string | null }) => Promise<Transfer>, onSuccess }),
    receipt: useMutation({
      mutationFn: act('receipt') as (b: { id: string; receivedOn: string; note?: string | null }) => Promise<Transfer>,
      onSuccess,
    }),
  };
}
