import { defineModule } from '../../platform/module.ts';
import { transferFacts } from './transfer.facts.ts';
import { letterExpiryJob } from './transfer.jobs.ts';
import { transferRoutes } from './transfer.routes.ts';
import { seedTransfers } from './transfer.seed.ts';

/** 组织关系转接: transfers in and out, letters and their expiry. */
export const transferModule = defineModule({
  name: 'transfer',
  routes: [transferRoutes],
  jobs: [letterExpiryJob],
  facts: transferFacts,
  seed: seedTransfers,
});
