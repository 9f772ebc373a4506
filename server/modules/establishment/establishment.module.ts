import { defineModule } from '../../platform/module.ts';
import { establishmentFacts } from './establishment.facts.ts';
import { orgWarningRoutes } from './establishment.routes.ts';

/**
 * 组织设置预警: the establishment rules of domain.md §2.2 checked over the org tree, its members and its committees
 * (above org, member and committee, so none of those imports it).
 */
export const establishmentModule = defineModule({
  name: 'establishment',
  routes: [orgWarningRoutes],
  jobs: [],
  facts: establishmentFacts,
});
