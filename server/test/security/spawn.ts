import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

// Starting the real server (`node --import tsx server/main.ts`) for the boot-guard and lock-file tests.

export type Server = {
  child: ChildProcess;
  /** stdout and stderr so far */
  output(): string;
  /** resolves with the exit code (null when killed by a signal) */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process is gone */
  stop(): Promise<void>;
};

const BASE_ENV_KEYS = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'NODE_OPTIONS'];

/** Spawns the server with a clean environment plus `env` (nothing of the test's own environment leaks in). */
export function startServer(env: Record<string, string>): Server {
  const base = Object.fromEntries(BASE_ENV_KEYS.filter((k) => process.env[k]).map((k) => [k, process.env[k] as string]));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...base, LIANGQI_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits for the process to exit within `ms`; returns its exit code, or throws (and kills it) on timeout. */
export async function exitWithin(s: Server, ms: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const r = await Promise.race([s.exited, timeout]);
  clearTimeout(timer);
  if (r === 'timeout') {
    await s.stop();
    throw new Error(`server did not exit within ${ms} ms:\n${s.output()}`);
  }
  return r;
}

/** Polls GET /api/health on `port` until it answers 200 (or the process dies, or `ms` passes). */
export async function waitHealthy(s: Server, port: number, ms = 90_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (s.child.exitCode !== null) throw new Error(`server exited with ${s.child.exitCode}:\n${s.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return (await res.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on port ${port} not healthy within ${ms} ms:\n${s.output()}`);
}

const taken = new Set<number>();

/** A port in 3200–3299 (this suite's range) that nothing listens on now and this process has not handed out. */
export async function freePort(): Promise<number> {
  const start = 3200 + Math.floor(Math.random() * 100);
  for (let i = 0; i < 100; i++) {
    const port = 3200 + ((start - 3200 + i) % 100);
    if (taken.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (free) {
      taken.add(port);
      return port;
    }
  }
  throw new Error('no free port in 3200–3299');
}
