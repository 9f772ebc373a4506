// The route table, read from the features list: path, menu title, icon and permission of every admin page. The
// router and the menu both read it, filtered by the `permissions` of /api/auth/me.
import { features } from '../features/index.ts';
import type { AppRoute, BareRoute, MenuGroup } from '../lib/feature.ts';

/** Sub-menus by key, from the features that declare them. */
export const MENU_GROUPS: Record<string, MenuGroup> = Object.assign({}, ...features.map((f) => f.menuGroups ?? {}));

/** Every page in the signed-in layout, in menu order. */
export const routes: readonly AppRoute[] = features.flatMap((f) => f.routes ?? []);

/** Pages outside the layout (login, password change). */
export const bareRoutes: readonly BareRoute[] = features.flatMap((f) => f.bareRoutes ?? []);
