import { defineModule } from '../../platform/module.ts';
import { cockpitFacts } from './cockpit.facts.ts';
import { cockpitRoutes } from './cockpit.routes.ts';

/** 驾驶舱: the SASAC's figures over the whole tree. */
export const cockpitModule = defineModule({
  name: 'cockpit',
  routes: [cockpitRoutes],
  jobs: [],
  facts: cockpitFacts,
});
