import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestApp } from '../test/build-test-app.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
let accounts: Awaited<ReturnType<typeof seedDemo>>;
beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-11-24T10:00:00+08:00');
  accounts = await seedDemo(t.db, t.env, t.rootId);
});
afterAll(() => t.close());

async function as(username: string) {
  const a = accounts.find((x) => x.username === username)!;
  const first = await login(t, username, a.password);
  await first.post('/api/auth/password', { oldPassword: a.password, newPassword: 'Qz7!demo-Study-2026' });
  return login(t, username, 'Qz7!demo-Study-2026');
}

type Row = { orgId: string; name: string; members: number; minutes: number; behindCount: number };

describe('demo: a year of theory study', () => {
  it('SASAC sees study across all enterprises; every level equals the sum of its parts', async () => {
    const sasac = await as('sasac');
    const top = (await sasac.get(`/api/study/rollup?orgId=${t.rootId}&year=2026`)).json() as { org: Row; direct: Row; children: Row[] };
    expect(top.children.length).toBeGreaterThan(5);
    expect(top.org.minutes).toBe(top.children.reduce((s, c) => s + c.minutes, 0) + top.direct.minutes);
    const onlinePerMember = async (name: string) => {
      const id = top.children.find((c) => c.name === name)!.orgId;
      const rows = (await sasac.get(`/api/study/hours?orgId=${id}&year=2026`)).json().rows as { byForm: { online: number } }[];
      return rows.reduce((s, r) => s + r.byForm.online, 0) / rows.length;
    };
    // 州电信公司: 指尖上的学习 — phone reading far above the others
    expect(await onlinePerMember('州电信公司党委')).toBeGreaterThan(3 * (await onlinePerMember('州园林宾馆党总支')));
    expect(top.org.behindCount).toBeGreaterThan(0);
    expect(top.org.behindCount).toBeLessThan(top.org.members / 3);

    const classes = (await sasac.get('/api/study/records?year=2026&form=team_micro_class')).json() as { orgName: string }[];
    expect(classes.length).toBeGreaterThan(50);
    expect(new Set(classes.map((c) => c.orgName))).toEqual(
      new Set(['综合办公室党支部', '客房部党支部', '餐饮部党支部', '工程保障部党支部']),
    );
    const quizzes = (await sasac.get('/api/study/quizzes')).json() as { attempts: number }[];
    expect(quizzes.length).toBe(4);
    const plans = (await sasac.get(`/api/study/plans?orgId=${t.rootId}&year=2026`)).json();
    expect(plans.summary.done).toBeGreaterThan(8);
  });

  it('the demo member sees their hours, materials and quizzes in 指尖课堂', async () => {
    const m = await as('dangyuan');
    const h = (await m.get('/api/m/study/hours?year=2026')).json();
    expect(h.hours).toBeGreaterThan(10);
    expect((await m.get('/api/m/study/materials')).json().length).toBeGreaterThan(5);
    expect((await m.get('/api/m/study/quizzes')).json().length).toBeGreaterThan(0);
  });
});
