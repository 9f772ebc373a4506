// The shape of a module's demo seed step; the orchestration (orgs, members, accounts, then each module's step in
// one transaction) lives in server/demo/seed.ts.
export type { Demo, DemoStep as SeedStep } from '../demo/demo.context.ts';
