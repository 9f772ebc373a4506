import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FactDef } from './facts/fact.ts';
import type { Job } from './jobs/job.ts';
import type { SeedStep } from './seed.ts';

/**
 * One server module's whole definition: `app.ts` registers its routes, the job runner runs its jobs, the facts
 * registry serves its figures and the demo seed runs its step. Adding a module is its folder plus one line in
 * `server/modules/index.ts`; nothing in `platform/` imports a module.
 */
export type ModuleDef = {
  /** the glossary name, as the folder (`meeting`, `study`, `fivegood`, …) */
  name: string;
  routes: FastifyPluginAsyncZod[];
  jobs?: Job[];
  facts?: FactDef[];
  /** the module's "year of activity" in the demo organisation, run in list order after orgs, members and accounts */
  seed?: SeedStep;
};

/** Declares a module (identity: the type is the point, so a missing or misspelt field fails the build). */
export const defineModule = (def: ModuleDef): ModuleDef => def;
