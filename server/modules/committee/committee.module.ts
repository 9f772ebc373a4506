import { defineModule } from '../../platform/module.ts';
import { termReminderJob } from './committee.jobs.ts';
import { committeeRoutes } from './committee.routes.ts';

/** 班子: committees, their terms and elections, term-end reminders. */
export const committeeModule = defineModule({
  name: 'committee',
  routes: [committeeRoutes],
  jobs: [termReminderJob],
  facts: [],
});
