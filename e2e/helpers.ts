import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Where scripts/test-e2e.mjs started the server. */
export const BASE_URL = process.env.LIANGQI_E2E_URL ?? 'http://127.0.0.1:3100';
export const ADMIN_PASSWORD = process.env.LIANGQI_E2E_ADMIN_PASSWORD ?? '';
const ARTIFACTS = path.resolve('e2e/artifacts');

/** Debian's Chromium, headless, without any network chatter of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.LIANGQI_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile (own cookies) at desktop or phone size. */
export async function newPage(browser: Browser, size: 'desktop' | 'phone' = 'desktop'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(
    size === 'phone'
      ? { baseURL: BASE_URL, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' }
      : { baseURL: BASE_URL, viewport: { width: 1366, height: 860 }, locale: 'zh-CN' },
  );
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Saves a full-page screenshot to e2e/artifacts/<name>.png (gitignored; CI keeps it as an artifact). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Waits until `fn` stops throwing (Playwright-style polling for vitest assertions). */
export async function eventually(fn: () => Promise<void>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/** Logs in through the login page. */
export async function loginUi(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('口令').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Completes the forced password change the first login leads to, and waits for the 工作台. */
export async function changeInitialPassword(page: Page, oldPassword: string, newPassword: string): Promise<void> {
  await page.waitForURL(/\/password/);
  await page.getByLabel('原口令').fill(oldPassword);
  await page.getByLabel('新口令', { exact: true }).fill(newPassword);
  await page.getByLabel('确认新口令').fill(newPassword);
  await page.getByRole('button', { name: '确认修改' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/password'));
  await page.getByRole('heading', { name: /您好/ }).waitFor();
}

/** The titles of the menu items visible to the user, after opening every sub-menu. */
export async function menuTitles(page: Page): Promise<string[]> {
  const menu = page.getByRole('menu').first();
  await menu.waitFor();
  const groups = menu.getByRole('menuitem', { name: '系统管理' });
  if ((await groups.count()) > 0 && (await groups.first().getAttribute('aria-expanded')) !== 'true') await groups.first().click();
  await page.waitForTimeout(300);
  const names = await menu.getByRole('menuitem').allInnerTexts();
  return names.map((n) => n.trim()).filter(Boolean);
}

/** Chooses an option of an antd Select / TreeSelect by its visible title. */
export async function choose(page: Page, field: Locator, title: string): Promise<void> {
  await field.click();
  await page.getByTitle(title, { exact: true }).last().click();
}

export { expect };
