import type { FactRecordsOutT, FactsOutT } from '../../../common/facts.ts';
import type { Ctx } from '../context.ts';
import type { FactRegistry } from './fact.registry.ts';
import { factScopePaths, resolveFactScope, scopeAllows } from './fact.scope.ts';
import { factValues } from './fact.sql.ts';
import type { FactPage } from './fact.ts';

type Where = { orgId?: string; year?: number };

/** Every fact the caller may read, with its value for the org's subtree and year (api-contract.md "Facts"). */
export async function listFacts(ctx: Ctx, reg: FactRegistry, q: Where): Promise<FactsOutT> {
  const facts = reg.readable(ctx);
  const scope = await resolveFactScope(
    ctx,
    factScopePaths(
      ctx,
      facts.map((f) => f.permission),
    ),
    q,
  );
  const shown = facts.filter((f) => scopeAllows(ctx, f.permission, scope));
  const values = await factValues(ctx, shown, scope);
  const items = shown.map((f) => ({ key: f.key, label: f.label, unit: f.unit, value: values.get(f.key) ?? null }));
  return { org: { id: scope.org.id, name: scope.org.name }, year: scope.year, items };
}

/** A page of the records behind a fact, with their total and sum over every page. */
export async function factRecords(ctx: Ctx, reg: FactRegistry, key: string, q: Where & FactPage): Promise<FactRecordsOutT> {
  const f = reg.get(ctx, key);
  const scope = await resolveFactScope(ctx, factScopePaths(ctx, [f.permission]), q);
  const r = await f.records(ctx, scope, { page: q.page, pageSize: q.pageSize, q: q.q });
  return {
    fact: { key: f.key, label: f.label, unit: f.unit, kind: f.kind },
    org: { id: scope.org.id, name: scope.org.name },
    year: scope.year,
    ...r,
  };
}
