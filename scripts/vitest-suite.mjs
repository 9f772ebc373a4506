// Shared by scripts/test.mjs and scripts/test-pg.mjs: one vitest run with the console reporter AND a JSON
// report in a temp file, summarised as { passed, failed, skipped }.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Runs `vitest run` with `env` and extra CLI args; never throws on test failures, only reports them. */
export async function runVitest({ env, args = [] }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'liangqi-vitest-'));
  const report = path.join(dir, 'report.json');
  const code = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
      { stdio: 'inherit', env },
    );
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  let summary;
  try {
    const j = JSON.parse(readFileSync(report, 'utf8'));
    // a file that fails to load has no failed test but a failed suite: count it so it cannot pass silently
    const brokenFiles = (j.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
    summary = {
      passed: j.numPassedTests,
      failed: j.numFailedTests + brokenFiles,
      skipped: j.numPendingTests + j.numTodoTests,
    };
  } catch {
    summary = { passed: 0, failed: 1, skipped: 0 };
  }
  if (code !== 0 && summary.failed === 0) summary.failed = 1;
  rmSync(dir, { recursive: true, force: true });
  return { ...summary, code };
}

/** `name: N passed, M failed[, K skipped]` — the closing-line format CI greps for. */
export function closingLine(name, s) {
  return `${name}: ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`;
}
