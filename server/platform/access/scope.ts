import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { Permission } from '../../../common/access.ts';
import { type Actor, scopePaths } from './actor.ts';

/**
 * The one org-scope predicate: `column` (an org materialized path) lies in a subtree where the actor holds
 * `permission`. Lists, aggregates and exports filter with it in SQL, never in JS afterwards.
 */
export function scopeWhere(actor: Actor | null, permission: Permission, pathColumn: AnyColumn | SQL): SQL {
  const paths = scopePaths(actor, permission);
  if (paths.length === 0) return sql`false`;
  const parts = paths.map((p) => sql`${pathColumn} like ${`${escapeLike(p)}%`}`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
