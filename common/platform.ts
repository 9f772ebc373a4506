// The platform's own endpoints (health): the API contract shared by the server and the web.
import { named } from './named.ts';
import { z } from './zod-locale.ts';

export const HealthOut = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
  embeddedInProduction: z.boolean().optional(),
});
named('platform', { Health: HealthOut });
