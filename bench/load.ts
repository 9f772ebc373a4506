// The load generator: autocannon's CLI in a separate process on loopback, bounded by its duration; and the
// peak resident memory of the server process, sampled from /proc while the load runs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type Load = { rps: number; p50: number; p95: number; p99: number; errors: number; ok: number; rssMb: number };
export type LoadSpec = {
  url: string;
  connections: number;
  seconds: number;
  /** a fixed number of requests instead of a duration (every request completes: counts can be checked) */
  amount?: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
};

const AUTOCANNON = path.resolve('node_modules/autocannon/autocannon.js');

/** Resident memory of a process in MB (0 when it cannot be read). */
export function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** Runs one bounded autocannon burst against `spec.url` while sampling the RSS of `serverPid`. */
export async function runLoad(spec: LoadSpec, serverPid: number): Promise<Load> {
  const args = [AUTOCANNON, '-j', '-t', '30', '-c', String(spec.connections), '-m', spec.method ?? 'GET'];
  args.push(...(spec.amount ? ['-a', String(spec.amount)] : ['-d', String(spec.seconds)]));
  for (const [k, v] of Object.entries(spec.headers ?? {})) args.push('-H', `${k}=${v}`);
  if (spec.body) args.push('-b', spec.body);
  args.push(spec.url);
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(serverPid));
  }, 200);
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`autocannon exited ${code}`))));
  });
  clearInterval(timer);
  const r = JSON.parse(out);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    // autocannon reports p90 and p97.5: p95 is interpolated between them
    p95: r.latency.p90 + ((r.latency.p97_5 - r.latency.p90) * 5) / 7.5,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    ok: r['2xx'],
    rssMb: Math.max(peak, rssMb(serverPid)),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Rounds of app and ceiling, alternating; medians of each side. */
export async function alternate(rounds: number, app: () => Promise<Load>, ceiling: () => Promise<Load>) {
  const a: Load[] = [];
  const c: Load[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await app());
    c.push(await ceiling());
  }
  const sum = (xs: Load[], k: 'errors' | 'ok') => xs.reduce((s, x) => s + x[k], 0);
  const med = (xs: Load[]): Load => ({
    rps: median(xs.map((x) => x.rps)),
    p50: median(xs.map((x) => x.p50)),
    p95: median(xs.map((x) => x.p95)),
    p99: median(xs.map((x) => x.p99)),
    errors: sum(xs, 'errors'),
    ok: sum(xs, 'ok'),
    rssMb: Math.max(...xs.map((x) => x.rssMb)),
  });
  return { app: med(a), ceiling: med(c) };
}
