// The shape of a web feature's manifest (`features/<f>/<f>.feature.ts`). The list of features is
// `features/index.ts`; the router, the menu and the dashboard's quick links read it (the dashboard through
// `NavContext`, so no feature imports the list).
import { type ComponentType, createContext } from 'react';
import type { Permission } from '../../../common/access.ts';

type PageModule = { default: ComponentType };

/** One admin page inside the signed-in layout. */
export type AppRoute = {
  /** absolute path below the layout, e.g. '/orgs' */
  path: string;
  /** menu and breadcrumb title */
  title: string;
  icon?: ComponentType;
  /** shown (and reachable) with any one of these permissions; none = every signed-in user */
  permission?: Permission | readonly Permission[];
  /** key of a menu group (a feature's `menuGroups`) to nest the item under */
  group?: string;
  /** routable but not in the menu (detail pages) */
  hideInMenu?: boolean;
  page: () => Promise<PageModule>;
};

/** A page that stands alone, outside the signed-in layout (login, password change). */
export type BareRoute = { path: string; page: () => Promise<PageModule> };

/** A sub-menu: its items are the routes naming it as `group`, placed where its first item comes. */
export type MenuGroup = { title: string; icon: ComponentType };

export type FeatureDef = {
  /** the folder name under `features/` */
  name: string;
  /** pages in the layout, in menu order */
  routes?: AppRoute[];
  bareRoutes?: BareRoute[];
  menuGroups?: Record<string, MenuGroup>;
};

/** Declares a feature (identity: the type is the point, so a missing or misspelt field fails the build). */
export const defineFeature = (def: FeatureDef): FeatureDef => def;

/** Every route of the features, provided by the layout: what the dashboard lists without importing the list. */
export const NavContext = createContext<readonly AppRoute[]>([]);
