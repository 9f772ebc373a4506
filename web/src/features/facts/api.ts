import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FactRecordsOutT } from '../../../../common/facts.ts';
import { api } from '../../lib/api.ts';

export type FactRecords = FactRecordsOutT;
export type FactRecordsQuery = { orgId?: string; year?: number; q?: string; page: number; pageSize: number };

/** The records page of a fact (GET /api/facts/:key/records). */
export function useFactRecords(key: string, q: FactRecordsQuery) {
  return useQuery({
    queryKey: ['/api/facts/records', key, q],
    queryFn: () => api<FactRecords>(`/api/facts/${encodeURIComponent(key)}/records`, { query: q }),
    placeholderData: keepPreviousData,
  });
}
