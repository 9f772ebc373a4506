// Issue 5: 指尖课堂 on a phone-sized screen. A member reads a material (the server counts visible reading time), takes a
// quiz and sees the score and review, logs 自学 and sees the hours change; a team leader records a 班组10分钟课堂 and
// gets the QR code. Members' accounts are linked to member records only by the demo seed, so this spec starts its
// own server with the demo organisation (LIANGQI_DEMO=1) on a temp data dir and a free port, and stops it afterwards.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { apiClient } from './api.ts';
import { type DemoServer, startDemoServer } from './demo-server.ts';
import { eventually, expect, launchBrowser, shot } from './helpers.ts';

const FINAL = 'Zhi-Jian#2026-Ke!';
let demo: DemoServer | null = null;
let base = '';
const { call, sessionOf } = apiClient(() => base);
/** A session of a demo account, doing the forced first password change to FINAL. */
const session = (username: string) => sessionOf(username, [demo?.passwords[username] ?? '', FINAL], FINAL);
let browser: Browser;

async function phone(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto('/login?next=/m/study');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('口令').fill(FINAL);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.goto('/m/study');
  return { context, page };
}
const hoursOf = async (page: Page) => Number((await page.getByTestId('my-hours').innerText()).split('/')[0].trim());

const MATERIAL = `指尖课堂测试资料${Date.now().toString(36).slice(-4)}`;
const QUIZ = `指尖课堂测试${Date.now().toString(36).slice(-4)}`;

beforeAll(async () => {
  browser = await launchBrowser();
  demo = await startDemoServer('study', [3190, 3199]);
  base = demo.base;
  const sasac = await session('sasac');
  await session('dangyuan');
  const rootId = (await call(sasac, 'GET', '/api/auth/me')).json.roles[0].orgId;
  const m = await call(sasac, 'POST', '/api/study/materials', {
    orgId: rootId,
    title: MATERIAL,
    theme: 'xinjiang_work',
    bodyHtml: '<h2>学习要点</h2><p>完整准确全面贯彻新时代党的治疆方略。</p><script>alert(1)</script>',
  });
  expect(m.status, JSON.stringify(m.json)).toBe(201);
  const q1 = await call(sasac, 'POST', '/api/study/questions', {
    orgId: rootId,
    kind: 'judge',
    stem: '党员每年学习不少于32学时。',
    options: ['正确', '错误'],
    answer: [0],
  });
  const q2 = await call(sasac, 'POST', '/api/study/questions', {
    orgId: rootId,
    kind: 'single',
    stem: '预备党员的预备期为？',
    options: ['半年', '一年'],
    answer: [1],
    explanation: '党章规定预备期为一年。',
  });
  const now = Date.now();
  const quiz = await call(sasac, 'POST', '/api/study/quizzes', {
    orgId: rootId,
    title: QUIZ,
    timeLimitMinutes: 10,
    questionIds: [q1.json.id, q2.json.id],
    opensAt: new Date(now - 3_600_000).toISOString(),
    closesAt: new Date(now + 86_400_000).toISOString(),
  });
  expect(quiz.status, JSON.stringify(quiz.json)).toBe(201);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('指尖课堂（手机）', () => {
  test('党员阅读资料（计时）、答题并查看回顾、登记自学后学时增加', async () => {
    const { context, page } = await phone('dangyuan');
    await page.getByTestId('my-hours').waitFor();
    const before = await hoursOf(page);
    await shot(page, 'study-01-home');

    await page.getByRole('link', { name: new RegExp(MATERIAL) }).click();
    await page.getByRole('heading', { name: MATERIAL }).waitFor();
    expect(await page.locator('script', { hasText: 'alert' }).count()).toBe(0);
    await page.mouse.wheel(0, 200);
    await eventually(async () => {
      expect(await page.getByRole('status', { name: '已计学习时长' }).innerText()).toMatch(/已计学习 0 分 (1[5-9]|20) 秒/);
    }, 30_000);
    await shot(page, 'study-02-reading');

    await page.goto('/m/study');
    await page.getByRole('link', { name: new RegExp(QUIZ) }).click();
    await page.getByRole('timer').waitFor();
    await page
      .getByRole('group', { name: /32学时/ })
      .getByLabel('A. 正确')
      .check();
    await page
      .getByRole('group', { name: /预备期/ })
      .getByLabel('A. 半年')
      .check();
    await page.getByRole('button', { name: '交卷' }).click();
    await page.getByText('得分 50').waitFor();
    await page.getByText('正确答案：B. 一年').waitFor();
    await page.getByText('解析：党章规定预备期为一年。').waitFor();
    await shot(page, 'study-03-quiz-review');

    await page.goto('/m/study/self');
    await page.getByLabel('学习内容').fill('《习近平谈治国理政》第四卷');
    await page.getByLabel('时长（分钟）').fill('30');
    await page.getByLabel('学习心得').fill('深刻领会新时代党的治疆方略，立足岗位做好本职工作。');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('已登记自学 30 分钟').waitFor();
    await page.goto('/m/study');
    await page.getByTestId('my-hours').waitFor();
    await eventually(async () => expect(Math.abs((await hoursOf(page)) - before - 0.5)).toBeLessThan(0.11)); // hours shown to 0.1
    await context.close();
  });

  test('班组长用手机一分钟内记录班组10分钟课堂，生成签到二维码，学时计入', async () => {
    const { context, page } = await phone('dangyuan');
    await page.getByTestId('my-hours').waitFor();
    const before = await hoursOf(page);
    const t0 = Date.now();
    await page.getByRole('link', { name: '记录班组课堂' }).click();
    await page.getByLabel('课堂主题').fill('收费站安全生产与党员责任区');
    await page.getByRole('textbox', { name: '班组', exact: true }).fill('阜康匝道收费站一班');
    const someone = page
      .getByRole('group', { name: /在场党员/ })
      .getByRole('checkbox')
      .first();
    await someone.check();
    await page.getByRole('button', { name: '保存并生成签到码' }).click();
    await page.getByRole('img', { name: '课堂签到二维码' }).waitFor();
    expect(Date.now() - t0).toBeLessThan(60_000);
    await page.getByText('已登记 2 人').waitFor();
    await shot(page, 'study-04-class-qr');
    await page.getByRole('link', { name: '完成' }).click();
    await page.getByTestId('my-hours').waitFor();
    await eventually(async () => expect(Math.abs((await hoursOf(page)) - before - 0.2)).toBeLessThan(0.11)); // hours shown to 0.1
    await context.close();
  });

  test('国资委在学时统计中看到各企业学时汇总与落后人员', async () => {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto('/login');
    await page.getByLabel('用户名').fill('sasac');
    await page.getByLabel('口令').fill(FINAL);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: /您好/ }).waitFor();
    await page.getByRole('menuitem', { name: '理论学习' }).click();
    await page.getByRole('menuitem', { name: '学时统计' }).click();
    await page.getByRole('cell', { name: '州电信公司党委' }).waitFor();
    await page.getByRole('cell', { name: '州园林宾馆党总支' }).waitFor();
    await page.getByText(/合计（州国资委党委）/).waitFor();
    await page.getByText('进度落后').first().waitFor();
    await shot(page, 'study-05-sasac-hours');
    await page.getByRole('menuitem', { name: '学习计划' }).click();
    await page.getByText('已完成').first().waitFor();
    await shot(page, 'study-06-plan-vs-actual');
    await context.close();
  });
});
