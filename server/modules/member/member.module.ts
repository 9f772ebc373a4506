import { defineModule } from '../../platform/module.ts';
import { memberFacts } from './member.facts.ts';
import { probationReminderJob } from './member.jobs.ts';
import { memberRoutes } from './member.routes.ts';
import { seedMemberActivity } from './member.seed.ts';
import { memberAccountRoutes } from './member-account.routes.ts';
import { memberIoRoutes } from './member-io.routes.ts';
import { memberSelfRoutes } from './member-self.routes.ts';

/** 党员: the roster, its import and export, members' own view and accounts, probation reminders. */
export const memberModule = defineModule({
  name: 'member',
  routes: [memberIoRoutes, memberSelfRoutes, memberAccountRoutes, memberRoutes],
  jobs: [probationReminderJob],
  facts: memberFacts,
  seed: seedMemberActivity,
});
