import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { hours } from '../clock.ts';
import type { Job } from '../jobs/job.ts';
import { removeQuietly } from './files.storage.ts';

/** Daily: removes upload temp files a crashed or cut-off request left behind (older than a day). */
export const filesTmpCleanupJob: Job = {
  name: 'files.tmp-cleanup',
  async run(ctx) {
    const dir = path.join(ctx.env.filesDir, 'tmp');
    const names = await readdir(dir).catch(() => [] as string[]);
    let removed = 0;
    for (const n of names) {
      const p = path.join(dir, n);
      const s = await stat(p).catch(() => null);
      if (s?.isFile() && ctx.now.getTime() - s.mtimeMs > hours(24)) {
        await removeQuietly(p);
        removed++;
      }
    }
    return `removed ${removed}`;
  },
};
