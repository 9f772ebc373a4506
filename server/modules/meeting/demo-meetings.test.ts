import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed.ts';
import { buildTestApp, login, type TestApp } from '../../test/build-test-app.ts';

let t: TestApp;
let accounts: Awaited<ReturnType<typeof seedDemo>>;
beforeAll(async () => {
  t = await buildTestApp();
  const t0 = performance.now();
  accounts = await seedDemo(t.db, t.env, t.rootId);
  console.log(`seedDemo with meetings: ${Math.round(performance.now() - t0)} ms (${t.env.dbKind})`);
});
afterAll(() => t.close());

async function firstLogin(username: string) {
  const a = accounts.find((x) => x.username === username)!;
  const first = await login(t, username, a.password);
  await first.post('/api/auth/password', { oldPassword: a.password, newPassword: 'Qz7!demo-Meeting-2026' });
  return login(t, username, 'Qz7!demo-Meeting-2026');
}

describe('demo year of organisational life', () => {
  it('shows a SASAC clerk the calendar, the ledger and the topic bank in use, and the branch its records', async () => {
    const sasac = await firstLogin('sasac');
    const year = Number(t.clock().toISOString().slice(0, 4));
    const ledger = (await sasac.get(`/api/first-topic-ledger?orgId=${t.rootId}&year=${year}`)).json();
    expect(ledger.total.studies).toBeGreaterThan(50);
    expect(ledger.children.reduce((s: number, c: { studies: number }) => s + c.studies, 0) + ledger.own.studies).toBe(ledger.total.studies);
    expect(ledger.total.followUps).toBeGreaterThan(0);
    const heat = (await sasac.get(`/api/meeting-calendar/heatmap?orgId=${t.rootId}&year=${year}`)).json();
    const cells = heat.orgs.flatMap((o: { months: string[] }) => o.months);
    expect(cells).toContain('green');
    expect(heat.gaps.length).toBeGreaterThan(0);
    expect((await sasac.get('/api/first-topics')).json().length).toBeGreaterThanOrEqual(10);

    const fukang = await firstLogin('fukang');
    const list = (await fukang.get('/api/meetings?pageSize=100')).json();
    expect(list.total).toBeGreaterThan(10);
    expect(list.items.some((m: { status: string }) => m.status === 'approved')).toBe(true);
    const member = await firstLogin('dangyuan');
    expect(Array.isArray((await member.get('/api/m/meetings')).json())).toBe(true);
  });
});
