import type { Permission } from '../../../common/access.ts';
import { type Me, useMe } from './auth.ts';

/** Any-of check against the permissions /api/auth/me returned; the server stays the authority. */
export function allows(me: Me | undefined, need?: Permission | readonly Permission[]): boolean {
  if (!need) return true;
  if (!me) return false;
  const list = typeof need === 'string' ? [need] : need;
  return list.length === 0 || list.some((p) => me.permissions.includes(p));
}

/** Hook form of `allows` for buttons: `const can = useCan(); can('org:write')`. */
export function useCan(): (need?: Permission | readonly Permission[]) => boolean {
  const { data } = useMe();
  return (need) => allows(data, need);
}
