// 驾驶舱 in the browser: the SASAC demo account opens the cockpit on the demo organisation, sees the headline figures
// and charts, drills into an enterprise and back up by the breadcrumb; the page also works at phone width. The
// demo organisation is only seeded on an empty data dir, so this spec starts its own server (like study.spec.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { expect, launchBrowser, shot } from './helpers.ts';

const FINAL = 'Jia-Shi#2026-Cang!';
const ENTERPRISE = '新疆交投集团昌吉分公司党委';
let server: ChildProcess | null = null;
let dataDir = '';
let base = '';
let browser: Browser;
const passwords: Record<string, string> = {};

function freePort(from = 3180, to = 3189): Promise<number> {
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

/** Starts a server with the demo organisation and collects the printed one-time passwords. */
async function startDemoServer(): Promise<void> {
  const port = await freePort();
  dataDir = mkdtempSync(path.join(tmpdir(), 'liangqi-e2e-cockpit-'));
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    LIANGQI_DATA_DIR: dataDir,
    LIANGQI_DEMO: '1',
  };
  delete env.DATABASE_URL;
  server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  server.stdout?.on('data', (d) => {
    out += d;
  });
  server.stderr?.on('data', (d) => {
    out += d;
  });
  const end = Date.now() + 240_000;
  while (!/演示账号[\s\S]*auditor\s+\S+/.test(out)) {
    if (server.exitCode !== null || Date.now() > end) throw new Error(`demo server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  for (const m of out.matchAll(/^\s{2}(\w+)\s+(\S+)\s{3}/gm)) passwords[m[1]] = m[2];
}

/** Does the forced first password change through the API. */
async function changePassword(username: string) {
  const first = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: passwords[username] }),
  });
  expect(first.status).toBe(200);
  const headers = {
    'content-type': 'application/json',
    cookie: (first.headers.get('set-cookie') ?? '').split(';')[0],
    'x-csrf-token': (await first.json()).csrfToken,
  };
  const res = await fetch(`${base}/api/auth/password`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ oldPassword: passwords[username], newPassword: FINAL }),
  });
  expect(res.status).toBe(204);
}

async function open(size: 'desktop' | 'phone'): Promise<Page> {
  const context = await browser.newContext(
    size === 'phone'
      ? { baseURL: base, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' }
      : { baseURL: base, viewport: { width: 1366, height: 860 }, locale: 'zh-CN' },
  );
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto('/login?next=/cockpit');
  await page.getByLabel('用户名').fill('sasac');
  await page.getByLabel('口令').fill(FINAL);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => u.pathname.startsWith('/cockpit'));
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  await startDemoServer();
  await changePassword('sasac');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('驾驶舱', () => {
  test('the SASAC account sees the figures of the whole system and drills into an enterprise and back', async () => {
    const page = await open('desktop');
    await expect.poll(() => page.getByRole('heading', { name: '驾驶舱 · 州国资委党委' }).isVisible(), { timeout: 30_000 }).toBe(true);
    const members = page.locator('.ant-statistic').filter({ hasText: '党员总数' }).locator('.ant-statistic-content-value');
    await expect
      .poll(async () => Number(((await members.textContent()) ?? '').replace(/,/g, '')), { timeout: 30_000 })
      .toBeGreaterThan(100);
    // the monthly chart is drawn (ECharts replaces the container's label with its own description once drawn)
    await page.locator('.ant-card').filter({ hasText: '年逐月情况' }).locator('canvas').first().waitFor({ timeout: 60_000 });
    await shot(page, 'cockpit-sasac');

    await page.getByRole('link', { name: ENTERPRISE }).click();
    await expect.poll(() => page.getByRole('heading', { name: `驾驶舱 · ${ENTERPRISE}` }).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByRole('link', { name: '阜康匝道收费站党支部' }).waitFor();
    expect(new URL(page.url()).searchParams.get('orgId')).toBeTruthy();

    await page.getByRole('navigation').getByRole('link', { name: '州国资委党委' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '驾驶舱 · 州国资委党委' }).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.context().close();
  }, 180_000);

  test('works at phone width', async () => {
    const page = await open('phone');
    await expect.poll(() => page.getByRole('heading', { name: '驾驶舱 · 州国资委党委' }).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.locator('.ant-statistic').filter({ hasText: '三会一课' }).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(page, 'cockpit-phone');
    await page.context().close();
  });
});
