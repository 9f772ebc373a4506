import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Permission } from '../../../common/access.ts';
import type { Db } from '../../db/client.ts';
import { forbidden, notFound } from '../errors.ts';
import { type Actor, scopePaths } from './actor.ts';

/**
 * Where an object lies: the org paths it belongs to (in scope when any one is; a transfer has two, an account one
 * per role). `reachesDown`: also readable from inside those subtrees (a 第一议题 pushed down the tree).
 */
export type Located = { paths: string[]; reachesDown?: boolean };

/**
 * Locates one kind of object named by a route's declared target (`resource`). Each module declares its own in
 * `<module>.scope.ts`; the guard receives them all as one list.
 */
export type ResourceResolver = {
  resource: string;
  /** what a missing or out-of-scope object is called in the 404 message (组织, 会议, …) */
  label: string;
  /** null when no such object exists */
  locate(db: Db, id: string): Promise<Located | null>;
};

/** The permission whose scope is the "read scope" of an action: out of it an object is answered as missing (404). */
const READ_OF: Partial<Record<Permission, Permission>> = {
  'org:write': 'org:read',
  'user:write': 'user:read',
  'session:manage': 'user:read',
  'file:write': 'file:read',
  'member:write': 'member:read',
  'member:import': 'member:read',
  'member:export': 'member:read',
  'pii:view': 'member:read',
  'pii:export': 'member:read',
  'meeting:write': 'meeting:read',
  'meeting:review': 'meeting:read',
  'meeting:config': 'meeting:read',
  'topic:write': 'meeting:read',
  'study:write': 'study:read',
  'study:manage': 'study:read',
  'fivegood:assess': 'fivegood:read',
  'fivegood:review': 'fivegood:read',
  'fivegood:manage': 'fivegood:read',
};

export const readPermissionOf = (p: Permission): Permission => READ_OF[p] ?? p;

const under = (path: string, scope: string[]) => scope.some((s) => path.startsWith(s));

/** True when the object at `at` lies in the actor's scope for `permission` (write scope: strictly its own paths). */
export function reaches(actor: Actor | null, permission: Permission, at: Located, opts: { down?: boolean } = {}): boolean {
  const scope = scopePaths(actor, permission);
  if (at.paths.some((p) => under(p, scope))) return true;
  return !!(opts.down && at.reachesDown && scope.some((s) => at.paths.some((p) => s.startsWith(p))));
}

/**
 * The one scope rule for an object a request names: outside the read scope of `permission` (or missing) it is
 * answered like a missing object (404); readable but outside the scope of `permission` itself → 403.
 */
export function enforceScope(actor: Actor | null, permission: Permission, at: Located | null | undefined, label: string): void {
  const read = readPermissionOf(permission);
  if (!at || at.paths.length === 0) throw notFound(label);
  if (!reaches(actor, read, at, { down: true }) && !reaches(actor, permission, at, { down: permission === read })) throw notFound(label);
  if (permission !== read && !reaches(actor, permission, at)) throw forbidden('您没有在该组织执行此操作的权限');
}

/** Reads a declared target's value: `field` may be dotted (`member.orgId`). */
export function fieldValue(container: unknown, field: string): unknown {
  let v: unknown = container;
  for (const k of field.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** Runs a query returning `path` (and optionally `down`) rows: none → null (missing), else where the object lies. */
export async function locateBy(db: Db, query: SQL): Promise<Located | null> {
  const r = (await db.execute(query)) as unknown as { rows: { path: string | null; down?: boolean }[] };
  if (r.rows.length === 0) return null;
  return { paths: r.rows.flatMap((x) => (x.path ? [x.path] : [])), reachesDown: r.rows.some((x) => x.down) };
}

/** The usual case: a row of `table` (by its `id`) lies in the org its `via` column names. */
export const locateRow = (db: Db, table: PgTable, id: string, via = 'org_id') =>
  locateBy(db, sql`select o.path from ${table} x join orgs o on o.id = x.${sql.identifier(via)} where x.id = ${id}`);

/** A resolver for rows of `table` located by their org column. */
export const rowResolver = (resource: string, label: string, table: PgTable, via = 'org_id'): ResourceResolver => ({
  resource,
  label,
  locate: (db, id) => locateRow(db, table, id, via),
});
