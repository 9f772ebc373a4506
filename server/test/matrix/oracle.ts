import { ROLE_PERMISSIONS, ROLES, type Role } from '../../../common/access.ts';
import type { Policy } from '../../platform/access/policy.ts';
import type { Position, PrincipalKind } from './fixture.ts';

/** What a case must produce: any success (< 400), or an exact status and error code. */
export type Expectation = { ok: true } | { ok: false; status: number; code: string };

const OK: Expectation = { ok: true };
const deny = (status: number, code: string): Expectation => ({ ok: false, status, code });

/** Positions inside the subtree of E1, where every role principal holds its role. */
const IN_SCOPE: readonly Position[] = ['own', 'descendant', 'none'];

const isRole = (k: PrincipalKind): k is Role => (ROLES as readonly string[]).includes(k);

/**
 * The oracle, written from the rules of the contract and the role → permission table (common/access.ts), not
 * from the guard or the services: who may call a route with this policy on an object at this position.
 */
export function expected(policy: Policy, principal: PrincipalKind, position: Position): Expectation {
  if (policy.kind === 'public') return OK;
  if (principal === 'anonymous' || principal === 'disabled') return deny(401, 'UNAUTHENTICATED');
  if (principal === 'pendingPassword')
    return policy.kind === 'session' && policy.allowPendingPasswordChange ? OK : deny(403, 'PASSWORD_CHANGE_REQUIRED');
  if (!isRole(principal)) throw new Error(`unknown principal ${principal}`);
  if (policy.kind === 'session') return OK;
  if (!ROLE_PERMISSIONS[principal].includes(policy.permission)) return deny(403, 'FORBIDDEN');
  if (!policy.target) return OK;
  return IN_SCOPE.includes(position) ? OK : deny(404, 'NOT_FOUND');
}

/** The positions a route is exercised at: every position when the policy names a target org, else none. */
export function positionsFor(policy: Policy, all: readonly Position[]): Position[] {
  if (policy.kind !== 'permission' || !policy.target) return ['none'];
  return policy.target.optional ? ['none', ...all] : [...all];
}
