import type { Ctx } from '../context.ts';
import { factNotFound } from '../errors.ts';
import type { FactDef } from './fact.ts';

export type FactRegistry = {
  all: readonly FactDef[];
  /** the fact named `key`; FACT_NOT_FOUND (404) when none is, or when the caller's role may not read it */
  get(ctx: Ctx, key: string): FactDef;
  /** the facts the caller's role may read, in registration order */
  readable(ctx: Ctx): FactDef[];
};

/** The registry of every module's facts; a key declared twice fails at start. */
export function createFactRegistry(facts: readonly FactDef[]): FactRegistry {
  const byKey = new Map<string, FactDef>();
  for (const f of facts) {
    if (byKey.has(f.key)) throw new Error(`fact "${f.key}" is declared twice`);
    byKey.set(f.key, f);
  }
  const may = (ctx: Ctx, f: FactDef) => !!ctx.actor?.permissions.has(f.permission);
  return {
    all: facts,
    get(ctx, key) {
      const f = byKey.get(key);
      if (!f || !may(ctx, f)) throw factNotFound(key);
      return f;
    },
    readable: (ctx) => facts.filter((f) => may(ctx, f)),
  };
}
