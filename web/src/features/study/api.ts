import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/auth.ts';

export type { HoursRow, OrgHours, Rollup, RollupRowT as RollupRow } from '../../../../common/study.ts';

/** The org (default: the caller's first role org) and year a study page looks at. */
export function useOrgYear() {
  const me = useMe().data;
  const [orgId, setOrgId] = useState<string | undefined>();
  const [year, setYear] = useState(dayjs().year());
  return { orgId: orgId ?? me?.roles[0]?.orgId, setOrgId, year, setYear };
}

/** GET helper bound to TanStack Query. */
export function useGet<T>(key: unknown[], path: string, query?: Record<string, string | number | undefined>, enabled = true) {
  return useQuery({ queryKey: [path, ...key], queryFn: () => api<T>(path, { query }), enabled });
}
