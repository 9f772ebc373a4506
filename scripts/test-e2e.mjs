// `npm run test:e2e`: the browser suite. Builds the web app into a temp dir, then for each e2e spec file starts
// a fresh server (free port 3100–3199, temp data dir) so specs never share accounts, runs the file in Debian's
// Chromium, stops the server; ends with `e2e: N passed, M failed`. Without Chromium it says it SKIPPED
// (exit 0), unless LIANGQI_REQUIRE_E2E=1. Arguments filter the spec files by path substring.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closingLine, runVitest } from './vitest-suite.mjs';

const chromium = process.env.LIANGQI_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`浏览器测试已跳过：未找到 Chromium（${chromium}）。安装：sudo apt-get install -y chromium fonts-noto-cjk`);
  console.log(`Browser suite SKIPPED: Chromium not found at ${chromium}. Install: sudo apt-get install -y chromium fonts-noto-cjk`);
  console.log('(or set LIANGQI_CHROMIUM to the browser executable)');
  process.exit(process.env.LIANGQI_REQUIRE_E2E === '1' ? 1 : 0);
}

const ADMIN_PASSWORD = 'E2e-Init#2026-Start';
const work = mkdtempSync(path.join(tmpdir(), 'liangqi-e2e-'));
const webDist = path.join(work, 'web-dist');

/** A port of 3100–3199 nobody listens on, probed from a random start (other engineers' runs share the range). */
function freePort(from = 3100, to = 3199) {
  const span = to - from + 1;
  const start = Math.floor(Math.random() * span);
  return new Promise((resolve, reject) => {
    const tryPort = (i) => {
      if (i >= span) return reject(new Error(`no free port in ${from}–${to}`));
      const p = from + ((start + i) % span);
      const srv = net.createServer();
      srv.once('error', () => tryPort(i + 1));
      srv.listen(p, '127.0.0.1', () => srv.close(() => resolve(p)));
    };
    tryPort(0);
  });
}

/** Waits for OUR server's "running" line on this port (a health check could be answered by someone else's). */
async function waitForListening(url, child, out, ms = 120_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    if (out.text.includes(`is running: ${url}`)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start in time');
}

/** A fresh server on an empty embedded database; resolves to { url, stop, out }. */
async function startServerOnce(name) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(work, `data-${name.replace(/\W+/g, '_')}-`));
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    LIANGQI_DATA_DIR: dataDir,
    LIANGQI_DEMO: '0',
    LIANGQI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LIANGQI_WEB_DIST: webDist,
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { text: '' };
  child.stdout.on('data', (d) => {
    out.text += d;
  });
  child.stderr.on('data', (d) => {
    out.text += d;
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForListening(url, child, out);
  } catch (e) {
    await stop();
    throw new Error(`${e.message}\n--- server output ---\n${out.text}`);
  }
  return { url, stop, out };
}

/** Starts a server, retrying twice: a port taken meanwhile or a migration being regenerated in the shared checkout. */
async function startServer(name) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(name);
    } catch (e) {
      if (attempt >= 3) throw e;
      console.log(`e2e: server start failed (${e.message.split('\n')[0]}), retrying`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

function specFiles(dir = 'e2e') {
  const found = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'artifacts') found.push(...specFiles(p));
    else if (e.name.endsWith('.spec.ts')) found.push(p);
  }
  return found.sort();
}

const filters = process.argv.slice(2);
const total = { passed: 0, failed: 0, skipped: 0 };
try {
  console.log('==> vite build');
  const build = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', webDist, '--emptyOutDir'],
    {
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('vite build failed');

  for (const file of specFiles().filter((f) => !filters.length || filters.some((x) => f.includes(x)))) {
    const needsServer = !readFileSync(file, 'utf8').startsWith('// e2e: no server');
    console.log(`\n==> ${file}`);
    let server = null;
    let r = { passed: 0, failed: 1, skipped: 0 };
    try {
      if (needsServer) server = await startServer(path.basename(file));
      r = await runVitest({
        env: {
          ...process.env,
          LIANGQI_E2E_URL: server?.url ?? '',
          LIANGQI_CHROMIUM: chromium,
          LIANGQI_E2E_ADMIN_PASSWORD: ADMIN_PASSWORD,
          LIANGQI_WEB_DIST: webDist,
        },
        args: ['--config', 'vitest.e2e.config.ts', file],
      });
    } catch (e) {
      console.error(`e2e: ${file}: ${e.message}`);
    } finally {
      await server?.stop();
    }
    if (r.failed && server) console.log(`--- server output of ${file} (last 3000 chars) ---\n${server.out.text.slice(-3000)}`);
    total.passed += r.passed;
    total.failed += r.failed;
    total.skipped += r.skipped;
  }
} catch (e) {
  console.error(`e2e: ${e.message}`);
  total.failed += 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(closingLine('e2e', total));
process.exit(total.failed ? 1 : 0);
