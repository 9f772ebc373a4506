import type { MenuProps } from 'antd';
import { createElement } from 'react';
import { allows } from '../../lib/access.ts';
import type { Me } from '../../lib/auth.ts';
import type { AppRoute } from '../../lib/feature.ts';
import { MENU_GROUPS, routes } from '../routes.ts';

type Item = Required<MenuProps>['items'][number];

/** The routes this user may open. */
export function visibleRoutes(me: Me | undefined): AppRoute[] {
  return routes.filter((r) => allows(me, r.permission));
}

/** Menu items from the route table, grouped by MENU_GROUPS, hiding what the permissions do not allow. */
export function buildMenu(me: Me | undefined): Item[] {
  const items: Item[] = [];
  const groups = new Map<string, Item[]>();
  for (const r of visibleRoutes(me)) {
    if (r.hideInMenu) continue;
    const item: Item = { key: r.path, label: r.title, icon: r.icon ? createElement(r.icon) : undefined };
    if (!r.group) {
      items.push(item);
      continue;
    }
    let children = groups.get(r.group);
    if (!children) {
      children = [];
      groups.set(r.group, children);
      const g = MENU_GROUPS[r.group];
      items.push({ key: `group:${r.group}`, label: g?.title ?? r.group, icon: g ? createElement(g.icon) : undefined, children });
    }
    children.push(item);
  }
  return items;
}

/** The route a location belongs to: the longest route path that prefixes it. */
export function matchRoute(pathname: string): AppRoute | undefined {
  let best: AppRoute | undefined;
  for (const r of routes) {
    const hit = r.path === '/' ? pathname === '/' : pathname === r.path || pathname.startsWith(`${r.path}/`);
    if (hit && (!best || r.path.length > best.path.length)) best = r;
  }
  return best;
}
