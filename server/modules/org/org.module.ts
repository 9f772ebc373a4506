import { defineModule } from '../../platform/module.ts';
import { orgExportRoutes } from './org.export.routes.ts';
import { orgRoutes } from './org.routes.ts';
import { orgWarningRoutes } from './org.warnings.routes.ts';

/** 党组织: the org tree, its export and the establishment warnings. */
export const orgModule = defineModule({
  name: 'org',
  routes: [orgRoutes, orgWarningRoutes, orgExportRoutes],
  jobs: [],
  facts: [],
});
