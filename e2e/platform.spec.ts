// Issue 2: login, forced password change, accounts, a small org tree, and the menu each role sees.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  ADMIN_PASSWORD,
  changeInitialPassword,
  choose,
  eventually,
  expect,
  launchBrowser,
  loginUi,
  menuTitles,
  newPage,
  shot,
} from './helpers.ts';

const ROOT = '州国资委党委';
const ENTERPRISE = '昌吉州能源投资集团有限公司党委';
const BRANCH = '能源投资集团机关第一党支部';
const GROUP = '机关第一党支部第一党小组';
const BRANCH2 = '能源投资集团机关第二党支部';
// a 1×1 PNG: the server sniffs the content, not the name
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const INITIAL = 'Chu-Shi#2026-Kou';
const FINAL = 'Xin-Kou#2026-Ling';
const ADMIN_FINAL = 'Qi-Zhi#2026-Hong!';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A new browser profile logged in as a fresh account (forced change done). */
async function firstLogin(username: string): Promise<Page> {
  const { page } = await newPage(browser);
  await loginUi(page, username, INITIAL);
  await changeInitialPassword(page, INITIAL, FINAL);
  return page;
}

async function createAccount(page: Page, a: { username: string; name: string; role: string; org: string }) {
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(a.username);
  await dialog.getByLabel('姓名').fill(a.name);
  await dialog.getByLabel('初始口令').fill(INITIAL);
  await choose(page, dialog.getByRole('combobox', { name: '角色 1' }), a.role);
  await choose(page, dialog.getByRole('combobox', { name: '任职组织' }), a.org);
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.getByText(`已新建账号：${a.username}`).waitFor();
  await expect(page.getByRole('cell', { name: a.username, exact: true }).count()).resolves.toBe(1);
}

async function createChildOrg(page: Page, o: { type: string; name: string; enterprise?: boolean }) {
  await page.getByRole('button', { name: '新建下级组织' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog.getByRole('combobox', { name: '组织类别' }), o.type);
  await dialog.getByLabel('组织名称').fill(o.name);
  if (o.enterprise) await dialog.getByLabel('是否企业党组织').click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.getByText(`已新建：${o.name}`).waitFor();
  // the new org is selected: its detail panel carries its name
  await page.getByRole('tree').getByText(o.name, { exact: true }).waitFor();
}

describe('平台：登录、账号、组织树、按角色显示菜单', () => {
  let admin: Page;
  let lina: Page;

  test('未登录访问跳转到登录页；口令错误时显示服务器的提示', async () => {
    const { page } = await newPage(browser);
    await page.goto('/orgs');
    await page.waitForURL(/\/login\?next=%2Forgs/);
    await page.getByText('州国资委党建工作平台').waitFor();
    await shot(page, '01-login');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('口令').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或口令错误' }).waitFor();
    await page.close();
  });

  test('admin 首次登录被要求修改初始口令，然后进入工作台', async () => {
    admin = (await newPage(browser)).page;
    await loginUi(admin, 'admin', ADMIN_PASSWORD);
    await admin.waitForURL(/\/password/);
    await admin.getByText('须先修改口令才能继续使用').waitFor();
    // a reload loses the in-memory CSRF token: the page asks to log in again instead of failing on submit
    await admin.reload();
    await admin.getByRole('button', { name: '重新登录' }).click();
    await admin.getByLabel('用户名').fill('admin');
    await admin.getByLabel('口令').fill(ADMIN_PASSWORD);
    await admin.getByRole('button', { name: '登录' }).click();
    await admin.waitForURL(/\/password\?forced=1/);
    // the live checklist reacts to what is typed
    await admin.getByLabel('新口令', { exact: true }).fill('short');
    await shot(admin, '02-password-forced');
    await changeInitialPassword(admin, ADMIN_PASSWORD, ADMIN_FINAL);
    await admin.getByText('组织概况（管理范围内）').waitFor();
    await admin.getByRole('img', { name: /饼图/ }).waitFor();
    await admin.waitForTimeout(1200); // the chart's entry animation
    await shot(admin, '03-dashboard-sys-admin');
    const menu = await menuTitles(admin);
    expect(menu).toContain('组织管理');
    expect(menu).toContain('账号管理');
    expect(menu).not.toContain('审计日志');
    expect(menu).not.toContain('安全策略');
  });

  test('系统管理员新建国资委党建工作人员（根组织）和三员账号', async () => {
    await admin.getByRole('menuitem', { name: '账号管理' }).click();
    await admin.waitForURL(/\/admin\/users/);
    await createAccount(admin, { username: 'zhangwei', name: '张伟', role: '国资委党建工作人员', org: `${ROOT}（党委）` });
    await createAccount(admin, { username: 'wangjun', name: '王军', role: '审计管理员', org: `${ROOT}（党委）` });
    await createAccount(admin, { username: 'zhaomin', name: '赵敏', role: '安全管理员', org: `${ROOT}（党委）` });
    await shot(admin, '04-users');
  });

  test('国资委党建工作人员建立企业党委 → 党支部 → 党小组', async () => {
    const staff = await firstLogin('zhangwei');
    const menu = await menuTitles(staff);
    expect(menu).toContain('组织管理');
    expect(menu).not.toContain('账号管理');
    expect(menu).not.toContain('审计日志');
    await staff.getByRole('menuitem', { name: '组织管理' }).click();
    await staff.waitForURL(/\/orgs/);
    await staff.getByRole('tree').getByText(ROOT, { exact: true }).click();
    await createChildOrg(staff, { type: '党委', name: ENTERPRISE, enterprise: true });
    await createChildOrg(staff, { type: '党支部', name: BRANCH });
    await createChildOrg(staff, { type: '党小组', name: GROUP });
    // 党小组 can have no children: the button is gone
    await eventually(async () => expect(await staff.getByRole('button', { name: '新建下级组织' }).count()).toBe(0));
    // search narrows the tree to the match and its ancestors
    await staff.getByLabel('搜索组织').fill('党小组');
    await eventually(async () => expect(await staff.getByRole('treeitem').count()).toBe(4));
    await shot(staff, '05-orgs-tree');
    await staff.close();
  });

  test('系统管理员在企业党委新建企业党委工作人员；其只看到本企业的组织', async () => {
    await admin.reload();
    await createAccount(admin, { username: 'lina', name: '李娜', role: '企业党委工作人员', org: `${ENTERPRISE}（党委）` });
    lina = await firstLogin('lina');
    const menu = await menuTitles(lina);
    expect(menu).toContain('组织管理');
    expect(menu).not.toContain('账号管理');
    await lina.getByRole('menuitem', { name: '组织管理' }).click();
    await lina.getByRole('tree').getByText(GROUP, { exact: true }).waitFor();
    expect(await lina.getByRole('tree').getByText(ROOT, { exact: true }).count()).toBe(0);
    await shot(lina, '06-orgs-enterprise-staff');
  });

  test('企业党委工作人员移动党小组、上传并下载附件、撤销组织', async () => {
    const tree = lina.getByRole('tree');
    await tree.getByText(ENTERPRISE, { exact: true }).click();
    await createChildOrg(lina, { type: '党支部', name: BRANCH2 });
    await tree.getByText(GROUP, { exact: true }).click();
    await lina.getByRole('button', { name: '移动' }).click();
    const dialog = lina.getByRole('dialog');
    await choose(lina, dialog.getByRole('combobox', { name: '新的上级组织' }), `${BRANCH2}（党支部）`);
    await dialog.getByRole('button', { name: '移动' }).click();
    await lina.getByText('已移动').waitFor();

    const [chooser] = await Promise.all([lina.waitForEvent('filechooser'), lina.getByRole('button', { name: '上传附件' }).click()]);
    await chooser.setFiles({ name: '党小组名册.png', mimeType: 'image/png', buffer: PNG });
    await lina.getByText('已上传：党小组名册.png').waitFor();
    const [download] = await Promise.all([
      lina.waitForEvent('download'),
      lina.getByRole('button', { name: '下载 党小组名册.png' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('党小组名册.png');
    await shot(lina, '07-orgs-detail-attachment');

    await lina.getByRole('button', { name: '撤销' }).click();
    await lina.getByRole('dialog').getByLabel('撤销原因').fill('党员调整后不再单独设立党小组');
    await lina.getByRole('button', { name: '确认撤销' }).click();
    await lina.getByText(`已撤销：${GROUP}`).waitFor();
    await eventually(async () => expect(await tree.getByText(GROUP, { exact: true }).count()).toBe(0));
    await lina.getByRole('switch', { name: '显示已撤销' }).click();
    await tree.getByText(GROUP, { exact: true }).waitFor();
    await lina.close();
  });

  test('审计管理员只看到审计日志，可按操作筛选并校验完整性', async () => {
    const auditor = await firstLogin('wangjun');
    const menu = await menuTitles(auditor);
    expect(menu).toContain('审计日志');
    expect(menu).not.toContain('组织管理');
    expect(menu).not.toContain('账号管理');
    await auditor.getByRole('menuitem', { name: '审计日志' }).click();
    await auditor.waitForURL(/\/admin\/audit/);
    await auditor.getByRole('cell', { name: 'zhangwei' }).first().waitFor();
    await auditor.getByRole('button', { name: '校验日志完整性' }).click();
    await auditor.getByText(/校验通过/).waitFor();
    await shot(auditor, '08-audit');
    await auditor.close();
  });

  test('安全管理员看到安全策略；低于等保要求的取值被拒绝', async () => {
    const sec = await firstLogin('zhaomin');
    const menu = await menuTitles(sec);
    expect(menu).toContain('安全策略');
    expect(menu).not.toContain('审计日志');
    await sec.getByRole('menuitem', { name: '安全策略' }).click();
    await sec.waitForURL(/\/admin\/security/);
    const retention = sec.getByLabel('审计日志保存期（天）');
    await retention.fill('100');
    await sec.getByRole('button', { name: '保存' }).click();
    await sec.getByText('审计日志保存期不得少于 184 天（六个月）').waitFor();
    await shot(sec, '09-security');
    await sec.close();
  });

  test('手机尺寸：登录页与党员之家 /m', async () => {
    const { page } = await newPage(browser, 'phone');
    await page.goto('/m');
    await page.waitForURL(/\/login\?next=%2Fm/);
    await shot(page, '10-phone-login');
    await page.getByLabel('用户名').fill('zhangwei');
    await page.getByLabel('口令').fill(FINAL);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/m$/);
    await page.getByText('张伟').waitFor();
    await page.getByLabel('本人信息').getByText(ROOT).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await shot(page, '11-phone-m');
    // the admin layout on a phone: the menu folds away and opens from the header
    await page.goto('/orgs');
    await page.getByRole('tree').getByText(ENTERPRISE, { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, '12-phone-orgs');
    await page.getByRole('button', { name: '展开菜单' }).click();
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.getByRole('heading', { name: /您好/ }).waitFor();
    await page.getByRole('img', { name: /饼图/ }).waitFor();
    await page.waitForTimeout(1200); // the chart's entry animation
    await shot(page, '13-phone-dashboard');
    await page.close();
  });
});
