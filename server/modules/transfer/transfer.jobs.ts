import type { Job } from '../../platform/jobs/job.ts';
import { expireLetters } from './transfer.out.ts';

/** Daily job: expired letters flagged and the sending side told. */
export const letterExpiryJob: Job = { name: 'transfer-letter-expiry', run: expireLetters };
