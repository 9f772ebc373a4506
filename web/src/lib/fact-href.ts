/**
 * Where a figure's records are listed: the generic records page of fact `key` (features/facts) for `orgId`'s subtree
 * in `year`. Every number a board shows links here.
 */
export function factHref(key: string, q: { orgId?: string; year?: number } = {}): string {
  const qs = new URLSearchParams();
  if (q.orgId) qs.set('orgId', q.orgId);
  if (q.year) qs.set('year', String(q.year));
  const s = qs.toString();
  return `/facts/${encodeURIComponent(key)}${s ? `?${s}` : ''}`;
}
