import { defineModule } from '../../platform/module.ts';
import { orgExportRoutes } from './org.export.routes.ts';
import { orgFacts } from './org.facts.ts';
import { orgRoutes } from './org.routes.ts';

/** 党组织: the org tree and its export. */
export const orgModule = defineModule({
  name: 'org',
  routes: [orgRoutes, orgExportRoutes],
  jobs: [],
  facts: orgFacts,
});
