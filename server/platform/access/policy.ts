import type { Permission } from '../../../common/access.ts';

/** Where a route finds the org its action is about, for scope checks and for the authorization matrix test. */
export type Target = {
  in: 'params' | 'query' | 'body';
  field: string;
  /** what the field identifies; `org` = an org id, else an object located in an org */
  resource: string;
  /** for list/query filters that may be omitted (the caller's whole scope is then used) */
  optional?: boolean;
};

export type Policy =
  | { kind: 'public'; csrf?: false }
  | { kind: 'session'; allowPendingPasswordChange?: boolean }
  | { kind: 'permission'; permission: Permission; target?: Target };

export const publicRoute = (opts: { csrf?: false } = {}): Policy => ({ kind: 'public', ...opts });
export const anyUser = (opts: { allowPendingPasswordChange?: boolean } = {}): Policy => ({
  kind: 'session',
  ...opts,
});
export const can = (permission: Permission, target?: Target): Policy => ({
  kind: 'permission',
  permission,
  target,
});

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
}
