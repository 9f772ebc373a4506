import { sql } from 'drizzle-orm';
import type { Permission } from '../../../common/access.ts';
import { scopePaths } from '../access/actor.ts';
import { cstDate } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import type { FactScope } from './fact.ts';

/** The calendar year of `now` in China Standard Time. */
export const currentYear = (now: Date) => Number(cstDate(now).slice(0, 4));

/** Org paths the actor reaches with any of `permissions`, without the ones an ancestor path covers. */
export function factScopePaths(ctx: Ctx, permissions: Iterable<Permission>): string[] {
  const all = [...new Set([...permissions].flatMap((p) => scopePaths(ctx.actor, p)))];
  return all.filter((p) => !all.some((q) => q !== p && p.startsWith(q)));
}

/**
 * Where facts are counted: `orgId` (default: the caller's top org among `paths`) for `year` (default: the current
 * one). An org that does not exist or lies outside `paths` is 404, as every other out-of-scope object.
 */
export async function resolveFactScope(ctx: Ctx, paths: string[], q: { orgId?: string; year?: number }): Promise<FactScope> {
  const year = q.year ?? currentYear(ctx.now);
  const top = [...paths].sort((a, b) => a.length - b.length)[0];
  const id = q.orgId ?? top?.split('/').filter(Boolean).at(-1);
  if (!id) throw notFound('组织');
  // raw SQL: the platform reads the org tree without importing the org module
  const res = (await ctx.db.execute(sql`select id::text as id, path, name from orgs where id = ${id}`)) as unknown as {
    rows: { id: string; path: string; name: string }[];
  };
  const org = res.rows[0];
  if (!org || !paths.some((p) => org.path.startsWith(p))) throw notFound('组织');
  return factScopeOf(org, year, ctx.now);
}

/** The scope of `org`'s subtree in `year`, as of 31 December (or today, for the current year). */
export function factScopeOf(org: { id: string; path: string; name: string }, year: number, now: Date): FactScope {
  const today = cstDate(now);
  const to = `${year}-12-31`;
  return { org: { id: org.id, path: org.path, name: org.name }, year, from: `${year}-01-01`, to, asOf: today < to ? today : to };
}

/** Whether the scope's org lies in a subtree where the actor holds `permission`. */
export const scopeAllows = (ctx: Ctx, permission: Permission, scope: FactScope) =>
  scopePaths(ctx.actor, permission).some((p) => scope.org.path.startsWith(p));
