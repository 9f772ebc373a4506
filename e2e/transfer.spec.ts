// Issue 3 (part B): 组织关系转接 in the browser — a branch secretary sends a member to another enterprise's branch,
// the receiving secretary confirms, both see the history; an introduction letter is issued, downloaded and receipted.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { idCheckChar } from '../common/idcard.ts';
import { apiClient, type Session } from './api.ts';
import { ADMIN_PASSWORD, choose, eventually, expect, launchBrowser, loginUi, newPage, shot } from './helpers.ts';

const { call, sessionOf: session } = apiClient();

const ADMIN_FINAL = 'Qi-Zhi#2026-Hong!';
const INITIAL = 'Chu-Shi#2026-Kou';
const FINAL = 'Xin-Kou#2026-Ling';

let n = 0;
function idNumber(birth: string): string {
  const first17 = `652301${birth.replaceAll('-', '')}${String(100 + ++n * 2 + 1).slice(-3)}`;
  return first17 + idCheckChar(first17);
}

async function addMember(staff: Session, orgId: string, name: string) {
  const r = await call(staff, 'POST', '/api/members', {
    orgId,
    name,
    gender: 'male',
    ethnicity: '汉族',
    birthDate: '1988-04-12',
    education: '大学本科',
    idNumber: idNumber('1988-04-12'),
    phone: `1390991${String(1000 + n).slice(-4)}`,
    category: 'full',
    joinedOn: '2012-07-01',
    fullMemberOn: '2013-07-01',
    position: null,
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.id as string;
}

let browser: Browser;
const org: Record<string, string> = {};
const suffix = Date.now().toString(36).slice(-4);
const FROM = `昌吉收费站党支部${suffix}`;
const TO = `阜康匝道收费站党支部${suffix}`;

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await session('admin', [ADMIN_PASSWORD, ADMIN_FINAL], ADMIN_FINAL);
  const me = await call(admin, 'GET', '/api/auth/me');
  const rootId = me.json.roles[0].orgId as string;
  const mkUser = async (username: string, name: string, role: string, orgId: string) => {
    const r = await call(admin, 'POST', '/api/users', { username, name, password: INITIAL, roles: [{ role, orgId }] });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return session(username, [INITIAL], FINAL);
  };
  const sasac = await mkUser(`zz${suffix}`, '周正', 'sasac_staff', rootId);
  const mkOrg = async (parentId: string, name: string, type: string) => {
    const r = await call(sasac, 'POST', '/api/orgs', { parentId, name, type, isEnterprise: type === 'committee' });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return r.json.id as string;
  };
  org.e1 = await mkOrg(rootId, `新疆交投集团昌吉分公司党委${suffix}`, 'committee');
  org.e2 = await mkOrg(rootId, `昌吉州能源投资集团党委${suffix}`, 'committee');
  org.from = await mkOrg(org.e1, FROM, 'branch');
  org.to = await mkOrg(org.e2, TO, 'branch');
  org.m1 = await addMember(sasac, org.from, '马建军');
  org.m2 = await addMember(sasac, org.from, '古丽娜');
  await mkUser(`sa${suffix}`, '王芳', 'branch_secretary', org.from);
  await mkUser(`sb${suffix}`, '李强', 'branch_secretary', org.to);
});
afterAll(async () => {
  await browser?.close();
});

async function open(username: string): Promise<Page> {
  const { page } = await newPage(browser);
  await loginUi(page, username, FINAL);
  await page.getByRole('menuitem', { name: '组织关系转接' }).click();
  await page.waitForURL(/\/transfers/);
  return page;
}

describe('组织关系转接', () => {
  test('转出方发起系统内转接，接收方确认后党员转入，双方都能看到记录', async () => {
    const a = await open(`sa${suffix}`);
    await a.getByRole('button', { name: '发起转接' }).click();
    const dialog = a.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '党员' }).fill('马建军');
    await a.getByTitle(`马建军（${FROM}）`).click();
    await dialog.getByRole('combobox', { name: '接收党支部' }).fill('阜康匝道');
    await choose(a, dialog.getByRole('combobox', { name: '接收党支部' }), `${TO}（昌吉州能源投资集团党委${suffix}）`);
    await dialog.getByLabel('转接原因').fill('工作调动');
    await dialog.getByRole('button', { name: '发起转接' }).click();
    await a.getByText(`已发起转接，等待${TO}确认`).waitFor();
    await a.getByRole('tab', { name: '办理中' }).click();
    await a.getByRole('cell', { name: '马建军' }).waitFor();
    await a.getByText('待接收方确认').first().waitFor();
    await shot(a, 'transfer-01-sent');

    // the receiving secretary follows the reminder's link straight to the request
    const { page: b } = await newPage(browser);
    await loginUi(b, `sb${suffix}`, FINAL);
    await b.getByRole('heading', { name: /您好/ }).waitFor();
    const sb = await session(`sb${suffix}`, [FINAL], FINAL);
    const reminder = (await call(sb, 'GET', '/api/notifications?page=1&pageSize=20')).json.items.find(
      (x: { kind: string }) => x.kind === 'transfer_incoming',
    );
    expect(reminder.title).toBe(`马建军的组织关系转入${TO}，待确认`);
    await b.goto(reminder.link);
    await b.getByText(`组织关系转接 · 马建军`).waitFor();
    await b.getByRole('button', { name: '确认转入' }).click();
    await b.getByRole('tooltip').getByRole('button', { name: '确认转入' }).click();
    await b.getByText('已确认转入').waitFor();
    await b.getByRole('tab', { name: '全部记录' }).click();
    await b.getByText('已转入').first().waitFor();
    await shot(b, 'transfer-02-confirmed');

    await a.getByRole('tab', { name: '全部记录' }).click();
    await eventually(async () => {
      await a.reload();
      await a.getByRole('tab', { name: '全部记录' }).click();
      await a.getByText('已转入').first().waitFor({ timeout: 2000 });
    });
    await a.close();
    await b.close();
  });

  test('转出本系统：开具介绍信（docx，党费交至、有效期至），下载后登记回执', async () => {
    const a = await open(`sa${suffix}`);
    await a.getByRole('button', { name: '发起转接' }).click();
    const dialog = a.getByRole('dialog');
    await dialog.getByText('转出本系统（开具介绍信）').click();
    await dialog.getByRole('combobox', { name: '党员' }).fill('古丽娜');
    await a.getByTitle(`古丽娜（${FROM}）`).click();
    await dialog.getByLabel('接收党组织').fill('中共乌鲁木齐市某公司委员会');
    await dialog.getByLabel('转接原因').fill('调往外地工作');
    await dialog.getByRole('button', { name: '开具介绍信' }).click();
    await a.getByText(/已开具介绍信 .+，有效期至 \d{4}-\d{2}-\d{2}/).waitFor();
    await a.getByRole('tab', { name: '办理中' }).click();
    await a.getByRole('cell', { name: '古丽娜' }).click();
    const drawer = a.getByRole('dialog');
    await drawer.getByText('有效期至').waitFor();
    const [download] = await Promise.all([a.waitForEvent('download'), drawer.getByRole('button', { name: '下载介绍信' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^组织关系介绍信-古丽娜-.+\.docx$/);
    await shot(a, 'transfer-03-letter');
    await drawer.getByRole('button', { name: '登记回执' }).click();
    await a.getByRole('dialog', { name: '登记回执' }).getByRole('button', { name: '保存' }).click();
    await a.getByText('已登记回执，转接完成').waitFor();
    await a.getByRole('tab', { name: '全部记录' }).click();
    await a.getByText('已收到回执').first().waitFor();
    await a.close();
  });

  test('国资委工作人员看到组织设置预警，并为接收支部登记换届选举', async () => {
    const { page } = await newPage(browser);
    await loginUi(page, `zz${suffix}`, FINAL);
    await page.getByRole('menuitem', { name: '组织设置预警' }).click();
    await page.waitForURL(/\/orgs\/warnings/);
    await page.getByRole('row').filter({ hasText: TO }).getByText('正式党员 1 人，不足 3 人，应与邻近单位成立联合党支部').waitFor();
    await shot(page, 'transfer-04-warnings');

    await page.getByRole('menuitem', { name: '委员会与换届' }).click();
    await page.waitForURL(/\/committees/);
    await page.getByRole('button', { name: '登记换届选举' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '党组织' }).fill(TO);
    await page.getByTitle(`${TO}（党支部）`, { exact: true }).last().click();
    await dialog.getByLabel('选举日期').fill('2025-06-01');
    await dialog.getByLabel('选举日期').press('Enter');
    await choose(page, dialog.getByRole('combobox', { name: '委员 1' }), `马建军（${TO}）`);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText(`已登记换届：${TO}，任期至 2028-06-01`).waitFor();
    await page.getByText('全部', { exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: TO });
    await row.getByText('任期内').waitFor();
    await row.getByRole('button', { name: '历届' }).click();
    await page.getByText('书记 马建军').waitFor();
    await shot(page, 'transfer-05-committee');
    await page.close();
  });
});
