import { defineModule } from '../../platform/module.ts';
import { assessmentRoutes } from './assessment.routes.ts';
import { campaignRoutes } from './campaign.routes.ts';
import { fivegoodFacts } from './fivegood.facts.ts';
import { fivegoodReminderJob } from './fivegood.jobs.ts';
import { seedFivegood } from './fivegood.seed.ts';
import { ratingRoutes } from './rating.routes.ts';
import { rubricRoutes } from './rubric.routes.ts';

/** The "五个好" creation: standard, campaign, assessments, naming and dynamic management. */
export const fivegoodModule = defineModule({
  name: 'fivegood',
  routes: [rubricRoutes, campaignRoutes, assessmentRoutes, ratingRoutes],
  jobs: [fivegoodReminderJob],
  facts: fivegoodFacts,
  seed: seedFivegood,
});
