import { useQuery } from '@tanstack/react-query';
import type { CockpitOutT } from '../../../../common/cockpit.ts';
import { api } from '../../lib/api.ts';

export type Cockpit = CockpitOutT;
export type CockpitChild = CockpitOutT['children'][number];

/** 驾驶舱 figures of `orgId` (default: the caller's top org) for `year`. */
export function useCockpit(orgId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['/api/cockpit', orgId ?? null, year],
    queryFn: () => api<Cockpit>('/api/cockpit', { query: { orgId, year } }),
    placeholderData: (prev) => prev,
  });
}
