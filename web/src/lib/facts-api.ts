import { useQuery } from '@tanstack/react-query';
import type { FactsOutT } from '../../../common/facts.ts';
import { api } from './api.ts';

export type Facts = FactsOutT;

/**
 * The figures of `orgId`'s subtree (default: the caller's top org) in `year` (default: this year) that the caller may
 * read (GET /api/facts). Every board reads its numbers here and links each to its records (factHref).
 */
export function useFacts(q: { orgId?: string; year?: number } = {}, enabled = true) {
  return useQuery({
    queryKey: ['/api/facts', q.orgId ?? null, q.year ?? null],
    queryFn: () => api<Facts>('/api/facts', { query: { orgId: q.orgId, year: q.year } }),
    enabled,
  });
}

/** A fact's value from a facts answer, or undefined when the caller may not read it. */
export const factValue = (facts: Facts | undefined, key: string) => facts?.items.find((x) => x.key === key)?.value;
