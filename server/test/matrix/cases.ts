/**
 * The authorization matrix: ONE ROW PER REGISTERED ROUTE. matrix.test.ts walks every /api route × every
 * principal × every org position and compares the answer with an oracle written from the role → permission
 * table (common/access.ts). It fails on a registered route without a row here, on a row naming no route,
 * and on any mismatch (printing them as a table).
 *
 * Adding your route: append a row to your module's file (cases.org.ts, cases.meeting.ts, cases.study.ts,
 * cases.fivegood.ts, or a new cases.<module>.ts merged below), keyed exactly `METHOD /url/:param` as registered.
 *
 *   'PATCH /api/things/:id': {
 *     build: async (fx, orgId) => ({
 *       url: `/api/things/${await fx.inOrg(orgId, (o) => createThing(fx, o))}`,
 *       payload: { name: fx.unique('事项') },
 *     }),
 *   },
 *
 * `build(fx, orgId)` returns a VALID request (url with query string, optional JSON payload or multipart body
 * with headers) whose target lies in `orgId`. It runs once per case, so state-changing routes get a fresh
 * object every time; a valid request means an allowed principal must get a success (< 400).
 * - Which org is `orgId`? If the route's policy names a target (`can('perm', { in, field, resource })`), the
 *   matrix calls build for each position — own (E1), descendant (B1), ancestor (root), sibling (E2), other
 *   enterprise (B3), nonexistent (`fx.ghost`) — and, for `optional` targets, `none` (omit the filter; orgId
 *   is then E1). Put `orgId` where the policy's target says: the org itself for `resource: 'org'`, otherwise
 *   an object of that resource created inside `orgId` (or in a fresh child of it, e.g. `fx.leafOrg(orgId)`).
 *   Routes without a target are called once per principal with `orgId` = E1.
 * - The nonexistent position: `fx.inOrg(orgId, create)` and `fx.user(orgId)` return a random id for
 *   `fx.ghost`, so the request names an object that does not exist; expect 404 like any out-of-scope object.
 * - Principals: one account per role held at E1, plus anonymous, a disabled account (session of a user
 *   disabled after login) and an account that must change its password. Oracle: public → success;
 *   anonymous/disabled → 401; pending password change → 403 PASSWORD_CHANGE_REQUIRED unless
 *   `anyUser({ allowPendingPasswordChange: true })`; session → success; permission missing from the role →
 *   403 FORBIDDEN; held, target outside E1's subtree or missing → 404 NOT_FOUND; held and in scope → success.
 * - `caller` (third argument: `{ kind, agent, userId }`, userId null when anonymous) is for routes on the
 *   caller's own objects (e.g. mark one's own notification read): create the object for `caller.userId`.
 * - `freshPrincipal: true` when the route changes the caller's own session or account (logout, password
 *   change): each case then gets a new principal instead of the shared one.
 * - Helpers (fixture.ts `Fx`): `fx.org.{root,E1,B1,G1,B2,E2,B3}`, `fx.unique(prefix)`, `fx.childType(orgId)`,
 *   `fx.leafOrg(orgId)`, `fx.user(orgId, role)`, `fx.inOrg(orgId, create)`, `fx.as(role)` (an agent holding
 *   `role` at the root, to create objects through the API), `fx.t` (the TestApp: db, clock, sys()).
 */

import { factsCases } from './cases.facts.ts';
import { fivegoodCases } from './cases.fivegood.ts';
import { meetingCases } from './cases.meeting.ts';
import { orgCases } from './cases.org.ts';
import { studyCases } from './cases.study.ts';
import type { Fx, MatrixRequest, Principal } from './fixture.ts';

export type MatrixCase = {
  build: (fx: Fx, orgId: string, caller: Principal) => Promise<MatrixRequest> | MatrixRequest;
  freshPrincipal?: boolean;
};

/** Every row, by module (cases.<module>.ts); a key written in two files is an error, never a silent override. */
function merge(...parts: Record<string, MatrixCase>[]): Record<string, MatrixCase> {
  const all: Record<string, MatrixCase> = {};
  for (const part of parts)
    for (const [key, row] of Object.entries(part)) {
      if (key in all) throw new Error(`matrix row "${key}" is written twice`);
      all[key] = row;
    }
  return all;
}

export const cases = merge(orgCases, meetingCases, studyCases, fivegoodCases, factsCases);
