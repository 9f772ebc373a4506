import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, isRedirectError } from '../lib/api.ts';

export type Loaded<T> = { data: T | null; error: string | null; loading: boolean; reload: () => void };

/** Minimal GET hook for the light member H5 (no query library in this bundle). */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a reload
  useEffect(() => {
    if (!path) return;
    let live = true;
    api<T>(path).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e: unknown) => {
        if (!live || isRedirectError(e)) return;
        setState({ data: null, error: e instanceof ApiError ? e.message : '无法连接服务器', loading: false });
      },
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  return { ...state, reload };
}
