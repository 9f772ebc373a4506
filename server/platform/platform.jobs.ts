import { auditRetentionJob } from './audit/audit.jobs.ts';
import { inactiveAccountsJob, passwordExpiryJob } from './auth/auth.jobs.ts';
import { filesTmpCleanupJob } from './files/files.jobs.ts';
import type { Job } from './jobs/job.ts';

/** The platform's own daily jobs (files, accounts, audit), run after the modules' jobs. */
export const platformJobs: Job[] = [filesTmpCleanupJob, passwordExpiryJob, inactiveAccountsJob, auditRetentionJob];
