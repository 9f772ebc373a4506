import { termReminderJob } from './modules/committee/committee.job.ts';
import { fivegoodReminderJob } from './modules/fivegood/fivegood.job.ts';
import { meetingReminderJob } from './modules/meeting/meeting.jobs.ts';
import { probationReminderJob } from './modules/member/member.job.ts';
import { letterExpiryJob } from './modules/transfer/transfer.out.ts';
import { auditRetentionJob } from './platform/audit/audit.jobs.ts';
import { inactiveAccountsJob, passwordExpiryJob } from './platform/auth/auth.jobs.ts';
import { filesTmpCleanupJob } from './platform/files/files.job.ts';
import type { Job } from './platform/jobs/runner.ts';

/** Every scheduled daily job, in run order. Modules add theirs here. */
export const jobs: Job[] = [
  probationReminderJob,
  termReminderJob,
  meetingReminderJob,
  letterExpiryJob,
  fivegoodReminderJob,
  filesTmpCleanupJob,
  passwordExpiryJob,
  inactiveAccountsJob,
  auditRetentionJob,
];
