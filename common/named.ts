import type { z } from 'zod';
import { globalRegistry } from 'zod';

const owner = new Map<string, string>();

/**
 * Registers a module's shared schemas under their names: the OpenAPI document shows them as named components
 * and the contract test (server/test/contract) knows a route's schema comes from `common/`. Names are unique
 * across modules (a clash throws at start).
 */
export function named(module: string, schemas: Record<string, z.ZodType>): void {
  for (const [id, schema] of Object.entries(schemas)) {
    const was = owner.get(id);
    if (was && was !== module) throw new Error(`schema name ${id} is used by common/${was}.ts and common/${module}.ts`);
    owner.set(id, module);
    globalRegistry.add(schema, { ...globalRegistry.get(schema), id });
  }
}
