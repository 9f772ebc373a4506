import { modules } from './modules/index.ts';
import type { Job } from './platform/jobs/job.ts';
import { platformJobs } from './platform/platform.jobs.ts';

/** Every scheduled daily job, in run order: each module's jobs in list order, then the platform's. */
export const jobs: readonly Job[] = [...modules.flatMap((m) => m.jobs ?? []), ...platformJobs];
