import type { Org } from './org-api.ts';

export type OrgNode = Org & { children: OrgNode[]; totalMembers: number };

/** Builds the forest from the flat list (roots = orgs whose parent is outside the list) with subtree member totals. */
export function buildForest(orgs: Org[]): OrgNode[] {
  const byId = new Map<string, OrgNode>();
  for (const o of orgs) byId.set(o.id, { ...o, children: [], totalMembers: 0 });
  const roots: OrgNode[] = [];
  for (const n of byId.values()) {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  const order = (a: OrgNode, b: OrgNode) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');
  const total = (n: OrgNode): number => {
    n.children.sort(order);
    n.totalMembers = n.memberCount + n.children.reduce((s, c) => s + total(c), 0);
    return n.totalMembers;
  };
  roots.sort(order).forEach(total);
  return roots;
}

/** Ids of the orgs whose name matches, plus every ancestor (to expand them); null when there is no query. */
export function matchWithAncestors(orgs: Org[], q: string): { matches: Set<string>; expand: Set<string> } | null {
  const query = q.trim().toLowerCase();
  if (!query) return null;
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const matches = new Set<string>();
  const expand = new Set<string>();
  for (const o of orgs) {
    if (!o.name.toLowerCase().includes(query) && !(o.unitName ?? '').toLowerCase().includes(query)) continue;
    matches.add(o.id);
    let p = o.parentId ? byId.get(o.parentId) : undefined;
    while (p && !expand.has(p.id)) {
      expand.add(p.id);
      p = p.parentId ? byId.get(p.parentId) : undefined;
    }
  }
  return { matches, expand };
}

/** The org and all its descendants (paths end with '/', so a prefix is the subtree); never a valid new parent. */
export function subtreeIds(orgs: Org[], rootId: string): Set<string> {
  const root = orgs.find((o) => o.id === rootId);
  if (!root) return new Set();
  return new Set(orgs.filter((o) => o.path.startsWith(root.path)).map((o) => o.id));
}
