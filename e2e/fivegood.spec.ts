// Issue 6: "五个好" in the browser — a branch self-assesses with evidence, the enterprise returns it, the branch
// resubmits, the enterprise forwards, the SASAC confirms, publishes the notice and names it; the board updates.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { PNG } from '../server/platform/files/files.fixtures.ts';
import { apiClient } from './api.ts';
import { ADMIN_PASSWORD, eventually, expect, launchBrowser, loginUi, newPage, shot } from './helpers.ts';

const { call, sessionOf: session } = apiClient();

const ADMIN_FINAL = 'Qi-Zhi#2026-Hong!';
const INITIAL = 'Chu-Shi#2026-Kou';
const FINAL = 'Wu-Hao#2026-Zhi!';

const daysAgo = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);
const suffix = Date.now().toString(36).slice(-4);
const BRANCH = `阜康匝道收费站党支部${suffix}`;
const ENT = `新疆交投集团昌吉分公司党委${suffix}`;
let browser: Browser;
let assessmentId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await session('admin', [ADMIN_PASSWORD, ADMIN_FINAL], ADMIN_FINAL);
  const rootId = (await call(admin, 'GET', '/api/auth/me')).json.roles[0].orgId as string;
  const mkUser = async (username: string, role: string, orgId: string) => {
    const r = await call(admin, 'POST', '/api/users', { username, name: username, password: INITIAL, roles: [{ role, orgId }] });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return session(username, [INITIAL], FINAL);
  };
  const sasac = await mkUser(`gz${suffix}`, 'sasac_staff', rootId);
  const mkOrg = async (parentId: string, name: string, type: string) => {
    const r = await call(sasac, 'POST', '/api/orgs', { parentId, name, type, isEnterprise: type === 'committee' });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return r.json.id as string;
  };
  const ent = await mkOrg(rootId, ENT, 'committee');
  const branch = await mkOrg(ent, BRANCH, 'branch');
  await mkUser(`qy${suffix}`, 'enterprise_staff', ent);
  const sec = await mkUser(`sj${suffix}`, 'branch_secretary', branch);
  const rubric = (await call(sasac, 'GET', '/api/fivegood/rubrics')).json[0];
  const year = Number(daysAgo(0).slice(0, 4));
  const c = await call(sasac, 'POST', '/api/fivegood/campaigns', {
    orgId: rootId,
    year,
    name: `${year}年度"五个好"党支部创建`,
    rubricId: rubric.id,
    deadlines: {
      selfAssess: `${year}-12-31`,
      enterpriseReview: `${year + 1}-01-20`,
      sasacReview: `${year + 1}-03-31`,
      rectify: `${year + 1}-06-30`,
    },
  });
  expect(c.status, JSON.stringify(c.json)).toBe(201);
  assessmentId = (await call(sec, 'GET', `/api/fivegood/campaigns/${c.json.id}/assessments`)).json[0].id;
  // every indicator but the first is scored beforehand; the browser does the first one, its evidence and the report
  const scores = rubric.content.dimensions
    .flatMap((d: { indicators: { key: string; points: number }[] }) => d.indicators)
    .slice(1)
    .map((i: { key: string; points: number }) => ({
      key: i.key,
      score: i.points,
      note: '',
      evidence: [{ kind: 'link', ref: `/meetings?k=${i.key}`, title: '台账' }],
    }));
  expect((await call(sec, 'PUT', `/api/fivegood/assessments/${assessmentId}/self`, { scores, report: '' })).status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
});

async function as(username: string): Promise<Page> {
  const { page } = await newPage(browser);
  await loginUi(page, username, FINAL);
  await page.getByRole('heading', { name: /您好/ }).waitFor();
  return page;
}

describe('"五个好" creation', () => {
  test('支部自评上传佐证并提交，企业党委退回，支部修改后重新提交，企业报送，国资委审定、公示、命名，看板随之更新', async () => {
    const sec = await as(`sj${suffix}`);
    await sec.goto('/fivegood/assessments');
    await sec.getByRole('link', { name: BRANCH }).click();
    await sec.getByLabel('自评 first_topic').fill('5');
    await sec
      .getByRole('row')
      .filter({ has: sec.getByLabel('自评 first_topic') })
      .locator('input[type=file]')
      .setInputFiles({ name: '第一议题会议记录.png', mimeType: 'image/png', buffer: PNG });
    await sec.getByText('已上传佐证：第一议题会议记录.png').waitFor();
    await sec.getByLabel('自评报告').fill('支委会逐项对照评分细则自评，第一议题、三会一课均按要求落实。');
    await sec.getByRole('button', { name: '书记提交' }).click();
    await sec.getByText('已提交企业党委考评').waitFor();
    await shot(sec, 'fivegood-01-submitted');

    const ent = await as(`qy${suffix}`);
    await ent.goto(`/fivegood/assessments/${assessmentId}`);
    await ent.getByRole('button', { name: '退回修改' }).click();
    await ent.getByRole('dialog').getByRole('textbox').fill('请补充对标对表会议的整改清单');
    await ent
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await ent.getByText('已退回支部').waitFor();

    await sec.reload();
    await sec.getByText('退回理由：请补充对标对表会议的整改清单').waitFor();
    await sec.getByRole('button', { name: '书记提交' }).click();
    await sec.getByText('已提交企业党委考评').waitFor();

    await ent.reload();
    await ent.getByLabel('实地查看情况').fill('查看了党员活动室和三会一课台账');
    await ent.getByLabel('党员群众满意度（%）').fill('96');
    await ent.getByRole('button', { name: '报送审定' }).click();
    await ent
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await ent.getByText('已报送国资委党委审定').waitFor();
    await shot(ent, 'fivegood-02-forwarded');

    const sasac = await as(`gz${suffix}`);
    await sasac.goto(`/fivegood/assessments/${assessmentId}`);
    await sasac.getByRole('button', { name: /^审\s*定$/ }).click();
    await sasac
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await sasac.getByRole('dialog').waitFor({ state: 'hidden' });
    // the decision is saved once the dialog closes; a slow refetch on a loaded machine shows it after a reload
    await eventually(async () => {
      if (!(await sasac.getByText('已审定', { exact: true }).first().isVisible())) await sasac.reload();
      await sasac.getByText('已审定', { exact: true }).first().waitFor({ timeout: 5_000 });
    }, 30_000);

    await sasac.goto('/fivegood/campaigns');
    await sasac.getByRole('button', { name: '发布公示' }).click();
    const dialog = sasac.getByRole('dialog', { name: '发布公示' });
    await dialog.getByLabel('公示开始日期').fill(daysAgo(10));
    await dialog.getByLabel('公示开始日期').press('Enter');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await sasac.getByText('已发布公示').waitFor();
    await sasac.getByRole('button', { name: /^命\s*名$/ }).click();
    await sasac
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await sasac.getByText('已命名，牌匾登记与整改台账已生成').waitFor();

    await sasac.goto('/fivegood/board');
    await sasac.getByText('五个好支部').waitFor();
    await sasac.getByRole('button', { name: ENT }).click();
    await sasac.getByRole('cell', { name: BRANCH }).waitFor();
    await sasac.getByRole('row').filter({ hasText: BRANCH }).getByText('已审定').waitFor();
    await shot(sasac, 'fivegood-03-board');

    await sasac.goto('/fivegood/dynamic');
    await sasac.getByRole('tab', { name: '命名与牌匾登记' }).click();
    await sasac.getByRole('row').filter({ hasText: BRANCH }).getByText('在牌').waitFor();
    await sec.close();
    await ent.close();
    await sasac.close();
  });
});
