import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cstDate } from '../clock.ts';
import { type AppEnv, systemCtx } from '../context.ts';
import { jobRuns } from '../notify/notify.table.ts';
import type { Job } from './job.ts';

/**
 * Runs every job of `jobs` (the composed list, `server/jobs.ts`) that has not run yet on the clock's calendar day
 * (CST), or only those named in `only`; returns what each reported.
 */
export async function runDueJobs(db: Db, env: AppEnv, jobs: readonly Job[], only?: string[]): Promise<Record<string, string>> {
  const ctx = systemCtx(db, env);
  const today = cstDate(ctx.now);
  const results: Record<string, string> = {};
  for (const job of jobs) {
    if (only && !only.includes(job.name)) continue;
    const [last] = await db.select().from(jobRuns).where(eq(jobRuns.name, job.name));
    if (last?.lastRunOn === today) continue;
    let result: string;
    try {
      result = (await job.run(ctx)) || 'ok';
    } catch (e) {
      result = `error: ${(e as Error).message}`;
    }
    results[job.name] = result;
    await db
      .insert(jobRuns)
      .values({ name: job.name, lastRunOn: today, lastRunAt: ctx.now, lastResult: result })
      .onConflictDoUpdate({ target: jobRuns.name, set: { lastRunOn: today, lastRunAt: ctx.now, lastResult: result } });
  }
  return results;
}

/** Checks once a minute (and at start) for jobs due today. */
export function startJobRunner(db: Db, env: AppEnv, jobs: readonly Job[]): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runDueJobs(db, env, jobs);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
