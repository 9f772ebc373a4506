// Materialized org paths (`/root/…/id/`): the ids along a path, the deepest path shared by many orgs, and
// per-subtree totals added up along the paths (one pass over grouped rows instead of one query per org).

/** The org ids of a path, root first (the org itself last). */
export const pathIds = (path: string) => path.split('/').filter(Boolean);

/** The deepest path that every given path starts with ('/' for none in common). */
export function commonPath(paths: string[]): string {
  if (!paths.length) return '/';
  let ids = pathIds(paths[0]);
  for (const p of paths.slice(1)) {
    const other = pathIds(p);
    let i = 0;
    while (i < ids.length && ids[i] === other[i]) i++;
    ids = ids.slice(0, i);
  }
  return ids.length ? `/${ids.join('/')}/` : '/';
}

/**
 * Adds rows grouped by org path into the subtree totals of `targets` (each row counts for every target on its
 * path, the target itself included); targets without rows get zeros.
 */
export function subtreeTotals<K extends string>(targets: string[], rows: ({ path: string } & Record<K, number>)[], keys: K[]) {
  const out = new Map(targets.map((id) => [id, Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>]));
  for (const r of rows)
    for (const id of pathIds(r.path)) {
      const t = out.get(id);
      if (t) for (const k of keys) t[k] += Number(r[k]);
    }
  return out;
}
