// Issue 4: a branch secretary plans, holds and records a 支委会 with a 第一议题 from the SASAC bank, exports the
// Word record, submits it, and sees the month of the compliance calendar turn green.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { makeIdNumber, memberInput } from '../server/modules/member/member.factory.ts';
import { apiClient } from './api.ts';
import { ADMIN_PASSWORD, choose, eventually, expect, launchBrowser, loginUi, newPage, shot } from './helpers.ts';

const { call, sessionOf } = apiClient();

// the other specs set the same final admin password; whichever runs first performs the forced change
const ADMIN_FINAL = 'Qi-Zhi#2026-Hong!';
const CLERK = { username: 'e2e_meeting_clerk', initial: 'Chu-Shi#2026-Hui', final: 'Dang-Ke#2026-Yi!' };
const SECRETARY = { username: 'e2e_meeting_sec', initial: 'Chu-Shi#2026-Zhi', final: 'Zhi-Bu#2026-Hui!' };
const BRANCH = '阜康匝道收费站党支部（会议测试）';
const TOPIC = '习近平总书记视察新疆重要讲话重要指示精神（会议测试）';

let browser: Browser;
const dir = mkdtempSync(path.join(tmpdir(), 'liangqi-e2e-meeting-'));

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await sessionOf('admin', [ADMIN_FINAL, ADMIN_PASSWORD], ADMIN_FINAL);
  const rootId = ((await call(admin, 'GET', '/api/auth/me')).json.roles as { orgId: string }[])[0].orgId;
  const roles = [{ role: 'sasac_staff', orgId: rootId }];
  expect(
    (await call(admin, 'POST', '/api/users', { username: CLERK.username, name: '会议测试专员', password: CLERK.initial, roles })).status,
  ).toBe(201);
  const clerk = await sessionOf(CLERK.username, [CLERK.initial], CLERK.final);
  const ent = await call(clerk, 'POST', '/api/orgs', {
    parentId: rootId,
    name: '州交投集团党委（会议测试）',
    type: 'committee',
    isEnterprise: true,
  });
  const branch = await call(clerk, 'POST', '/api/orgs', { parentId: ent.json.id, name: BRANCH, type: 'branch' });
  const branchId = branch.json.id as string;
  // seven full members: the branch has a committee, so a monthly 支委会 is required
  const memberIds: string[] = [];
  for (let i = 0; i < 7; i++) {
    const body = memberInput(branchId, {
      name: ['张建国', '李秀英', '王志强', '赵丽', '陈国华', '杨帆', '马伟'][i],
      birthDate: '1986-04-20',
      idNumber: makeIdNumber('1986-04-20', 'male', 9300 + i),
      phone: `1390930${String(1000 + i)}`,
    });
    const res = await call(clerk, 'POST', '/api/members', body);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    memberIds.push(res.json.id as string);
  }
  // the current term's five 委员: a 支委会 expects them (domain §4.2)
  const duties = ['secretary', 'organization_officer', 'publicity_officer', 'member', 'member'];
  const term = await call(clerk, 'POST', `/api/orgs/${branchId}/committees`, {
    electedOn: dayjs().subtract(1, 'year').format('YYYY-MM-DD'),
    members: duties.map((duty, i) => ({ memberId: memberIds[i], duty })),
  });
  expect(term.status, JSON.stringify(term.json)).toBe(201);
  const topic = await call(clerk, 'POST', '/api/first-topics', {
    orgId: rootId,
    title: TOPIC,
    source: '重要讲话',
    publishedOn: dayjs().subtract(3, 'day').format('YYYY-MM-DD'),
  });
  expect((await call(clerk, 'POST', `/api/first-topics/${topic.json.id}/push`, {})).status).toBe(200);
  const sec = {
    username: SECRETARY.username,
    name: '刘志青',
    password: SECRETARY.initial,
    roles: [{ role: 'branch_secretary', orgId: branchId }],
  };
  expect((await call(admin, 'POST', '/api/users', sec)).status).toBe(201);
  await sessionOf(SECRETARY.username, [SECRETARY.initial], SECRETARY.final);
});
afterAll(async () => {
  await browser?.close();
});

describe('组织生活：支委会与第一议题', () => {
  test('计划、召开并记录带第一议题的支委会，导出Word，合规日历本月变绿', async () => {
    const { page } = await newPage(browser);
    await loginUi(page, SECRETARY.username, SECRETARY.final);
    await page.getByRole('menuitem', { name: '合规日历' }).click();
    const month = dayjs().month() + 1;
    await page
      .getByRole('row', { name: new RegExp(BRANCH) })
      .first()
      .click();
    const cell = page.getByTestId(`branch_committee-${dayjs().format('YYYY-MM')}`);
    await expect(cell.getAttribute('data-status')).resolves.not.toBe('green');

    await page.getByRole('menuitem', { name: '组织生活' }).click();
    await page.getByRole('button', { name: '计划会议' }).click();
    const dialog = page.getByRole('dialog', { name: '计划会议' });
    await choose(page, dialog.getByLabel('党组织'), `${BRANCH}（党支部）`);
    await choose(page, dialog.getByLabel('会议类型'), '支部委员会');
    await dialog.getByLabel('会议名称').fill(`${month}月支部委员会`);
    const inputs = dialog.locator('.ant-picker-range input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill(dayjs().subtract(30, 'minute').format('YYYY-MM-DD HH:mm'));
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(dayjs().add(90, 'minute').format('YYYY-MM-DD HH:mm'));
    await inputs.nth(1).press('Enter');
    await dialog.getByLabel('会议地点').fill('收费站党员活动室');
    await dialog.getByLabel('主持人').fill('刘志青');
    await dialog.getByLabel('记录人').fill('王小红');
    await dialog.getByRole('button', { name: '保存' }).click();

    await page.getByText('应到/实到').waitFor();
    await page.getByRole('button', { name: '添加第一议题' }).click();
    await choose(page, page.getByLabel('第一议题学习内容'), `${TOPIC}（${dayjs().subtract(3, 'day').format('YYYY-MM-DD')}）`);
    await page.getByLabel('学习形式').fill('原文领学');
    await page.getByLabel('过程概况').fill('书记领学讲话原文，委员结合收费站安全生产交流体会');
    await page.getByRole('button', { name: '保存议程' }).click();
    await page.getByText('议程已保存').waitFor();

    await page.getByRole('button', { name: '标记已召开' }).click();
    await page.getByRole('button', { name: '其余人员均出席' }).click();
    await page.getByText('实到 5 人').waitFor();
    await page.getByLabel('研究讨论情况').fill('研究本月收费站安全生产和文明服务工作');
    await page.getByLabel('议定事项').fill('开展党员安全责任区月度排查');
    await page.getByRole('button', { name: '保存记录' }).click();
    await page.getByText('记录已保存').waitFor();
    await shot(page, 'meeting-record');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Word' }).click()]);
    const file = path.join(dir, 'record.docx');
    await download.saveAs(file);
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']).replace(/<[^>]+>/g, '');
    expect(xml).toContain(`${BRANCH}支部委员会记录`);
    expect(xml).toContain(`1. 【第一议题】${TOPIC}`);
    expect(xml).toContain('实到人数5');

    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('已提交待审核').first().waitFor();

    await page.getByRole('menuitem', { name: '合规日历' }).click();
    // the heat map refetches on return: pick the branch again until its detail shows this month green
    await eventually(async () => {
      await page
        .getByRole('row', { name: new RegExp(BRANCH) })
        .first()
        .click();
      const cell = page.getByTestId(`branch_committee-${dayjs().format('YYYY-MM')}`);
      expect(await cell.getAttribute('data-status', { timeout: 3_000 })).toBe('green');
    }, 30_000);
    await shot(page, 'meeting-calendar');
  });
});
