import { defineModule } from '../../platform/module.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { ledgerRoutes } from './ledger.routes.ts';
import { meetingFacts } from './meeting.facts.ts';
import { meetingReminderJob } from './meeting.jobs.ts';
import { meetingRoutes } from './meeting.routes.ts';
import { seedMeetings } from './meeting.seed.ts';
import { signinRoutes } from './signin.routes.ts';
import { topicRoutes } from './topic.routes.ts';

/** 组织生活 and the 第一议题 system: meetings, topics, ledger, calendar, sign-in, reminders. */
export const meetingModule = defineModule({
  name: 'meeting',
  routes: [meetingRoutes, topicRoutes, ledgerRoutes, calendarRoutes, signinRoutes],
  jobs: [meetingReminderJob],
  facts: meetingFacts,
  seed: seedMeetings,
});
