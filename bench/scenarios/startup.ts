// B8: `server/main.ts` (what `npm start` runs once the web build is current) on an existing data dir or database,
// from spawn to the first /api/health 200.
import { spawn } from 'node:child_process';
import type { ScenarioResult } from './result.ts';

async function once(env: NodeJS.ProcessEnv, port: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const keep = (d: Buffer) => {
    stderr = (stderr + d).slice(-2000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((r) => child.once('close', r));
  try {
    for (;;) {
      if (child.exitCode !== null) {
        await exited;
        throw new Error(`server exited ${child.exitCode} before /api/health answered: ${stderr.slice(-600)}`);
      }
      if (performance.now() - t0 > 60_000) throw new Error('no /api/health 200 within 60 s');
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
}

/** Starts the server `times` times in a row; figures are the median and worst start-up. */
export async function b8(db: 'postgres' | 'pglite', scale: 'prefecture' | 'region', env: NodeJS.ProcessEnv, port: number, times: number) {
  const runs: number[] = [];
  let errors = 0;
  for (let i = 0; i < times; i++) {
    try {
      runs.push(await once({ ...env, PORT: String(port), HOST: '127.0.0.1', LIANGQI_DEMO: '0' }, port));
    } catch (e) {
      errors++;
      console.error(`B8: ${(e as Error).message}`);
    }
  }
  runs.sort((a, b) => a - b);
  const med = runs.length ? runs[Math.floor((runs.length - 1) / 2)] : 0;
  const worst = runs.length ? runs[runs.length - 1] : 0;
  const r: ScenarioResult = {
    id: 'B8',
    db,
    scale,
    rps: 0,
    p50_ms: med,
    p95_ms: worst,
    p99_ms: worst,
    errors,
    rss_mb: 0,
    ceiling_rps: null,
    ratio: null,
    note: `${runs.length} 次启动 / starts; 目标 ≤ 3000 ms`,
  };
  return r;
}
