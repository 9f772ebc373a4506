// A server of the spec's own with the demo organisation (seeded only on an empty data dir), on a free port of
// `ports`, with the one-time demo passwords it prints collected.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type DemoServer = { base: string; passwords: Record<string, string>; stop: () => Promise<void> };

function freePort(from: number, to: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const tryPort = (p: number) => {
      if (p > to) return reject(new Error('no free port for the demo server'));
      const s = net.createServer();
      s.once('error', () => tryPort(p + 1));
      s.listen(p, '127.0.0.1', () => s.close(() => resolve(p)));
    };
    tryPort(from);
  });
}

export async function startDemoServer(name: string, [from, to]: [number, number]): Promise<DemoServer> {
  const port = await freePort(from, to);
  const dataDir = mkdtempSync(path.join(tmpdir(), `liangqi-e2e-${name}-`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    LIANGQI_DATA_DIR: dataDir,
    LIANGQI_DEMO: '1',
  };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  let out = '';
  server.stdout?.on('data', (d) => {
    out += d;
  });
  server.stderr?.on('data', (d) => {
    out += d;
  });
  const end = Date.now() + 240_000;
  while (!/演示账号[\s\S]*auditor\s+\S+/.test(out)) {
    if (server.exitCode !== null || Date.now() > end) {
      await stop();
      throw new Error(`demo server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  const passwords: Record<string, string> = {};
  for (const m of out.matchAll(/^\s{2}(\w+)\s+(\S+)\s{3}/gm)) passwords[m[1]] = m[2];
  return { base: `http://127.0.0.1:${port}`, passwords, stop };
}
