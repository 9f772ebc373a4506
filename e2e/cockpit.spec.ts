// 驾驶舱 in the browser: the SASAC demo account opens the cockpit on the demo organisation, sees the headline figures
// and charts, drills into an enterprise and back up by the breadcrumb; the page also works at phone width. The
// demo organisation is only seeded on an empty data dir, so this spec starts its own server (like study.spec.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { apiClient } from './api.ts';
import { type DemoServer, startDemoServer } from './demo-server.ts';
import { expect, launchBrowser, shot } from './helpers.ts';

const FINAL = 'Jia-Shi#2026-Cang!';
const ENTERPRISE = '新疆交投集团昌吉分公司党委';
let demo: DemoServer | null = null;
let base = '';
const { sessionOf } = apiClient(() => base);
/** A session of a demo account, doing the forced first password change to FINAL. */
const session = (username: string) => sessionOf(username, [demo?.passwords[username] ?? '', FINAL], FINAL);
let browser: Browser;

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
  demo = await startDemoServer('cockpit', [3180, 3189]);
  base = demo.base;
  await session('sasac');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
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
