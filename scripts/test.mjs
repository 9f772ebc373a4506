// `npm test`: unit + integration tests on PGlite, then the browser suite, then (when TEST_DATABASE_URL is
// set) the PostgreSQL run. Ends with one closing line per suite and `total: N passed, M failed[, K skipped]`.
// Extra arguments go to vitest (e.g. `npm test -- server/modules/org`). Prints `stage <suite>: <seconds> s` after
// each suite (.ci/run prints its other stages the same way).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { closingLine, runVitest } from './vitest-suite.mjs';

const args = process.argv.slice(2);
const suites = [];

let stageStart = performance.now();
/** Prints the time since the previous stage ended: `stage <name>: <seconds> s`. */
function stageDone(name) {
  const now = performance.now();
  console.log(`stage ${name}: ${Math.round((now - stageStart) / 1000)} s`);
  stageStart = now;
}

/** Runs a node script, streaming its output, and returns its exit code and the text it printed. */
function runScript(file, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('exit', (c, signal) => resolve({ code: c ?? (signal ? 1 : 0), out }));
  });
}

/** The last `name: N passed, M failed[, K skipped]` line a suite printed, or null. */
function parseClosing(name, out) {
  const all = [...out.matchAll(new RegExp(`^${name}: (\\d+) passed, (\\d+) failed(?:, (\\d+) skipped)?`, 'gm'))];
  const m = all.at(-1);
  return m ? { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3] ?? 0) } : null;
}

// 1. PGlite: the embedded database, whatever TEST_DATABASE_URL says
const pgliteEnv = { ...process.env };
delete pgliteEnv.TEST_DATABASE_URL;
suites.push({ name: 'pglite', ...(await runVitest({ env: pgliteEnv, args })) });
stageDone('pglite');

// 2. the browser suite (scripts/test-e2e.mjs skips, exit 0, without Chromium unless LIANGQI_REQUIRE_E2E=1)
if (!existsSync('scripts/test-e2e.mjs')) {
  suites.push({ name: 'e2e', skippedSuite: 'scripts/test-e2e.mjs 不存在 / not present' });
} else if (args.length) {
  suites.push({ name: 'e2e', skippedSuite: '只运行了指定的测试文件 / a test filter was given' });
} else {
  const r = await runScript('scripts/test-e2e.mjs', process.env);
  const s = parseClosing('e2e', r.out);
  if (s) suites.push({ name: 'e2e', ...s, failed: s.failed || (r.code !== 0 ? 1 : 0) });
  else if (r.code === 0)
    suites.push({ name: 'e2e', skippedSuite: '未找到 Chromium / Chromium not found (apt-get install chromium fonts-noto-cjk)' });
  else suites.push({ name: 'e2e', passed: 0, failed: 1, skipped: 0 });
}
stageDone('e2e');

// 3. PostgreSQL, when a server is named
if (process.env.TEST_DATABASE_URL) {
  const r = await runScript('scripts/test-pg.mjs', process.env);
  const s = parseClosing('pg', r.out) ?? { passed: 0, failed: 1, skipped: 0 };
  suites.push({ name: 'pg', ...s, failed: s.failed || (r.code !== 0 ? 1 : 0) });
  stageDone('pg');
} else {
  suites.push({
    name: 'pg',
    skippedSuite: 'TEST_DATABASE_URL 未设置 / not set (npm run test:pg uses postgres://postgres@127.0.0.1:5432/postgres)',
  });
}

console.log('');
const total = { passed: 0, failed: 0, skipped: 0 };
for (const s of suites) {
  if (s.skippedSuite) {
    console.log(`${s.name}: SKIPPED — ${s.skippedSuite}`);
    continue;
  }
  console.log(closingLine(s.name, s));
  total.passed += s.passed;
  total.failed += s.failed;
  total.skipped += s.skipped;
}
console.log(closingLine('total', total));
process.exit(total.failed > 0 ? 1 : 0);
