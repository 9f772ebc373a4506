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
  await first.post('/api/auth/password', { oldPassword: a.password, newPassword: 'Qz7!demo-Wuhao-2026' });
  return login(t, username, 'Qz7!demo-Wuhao-2026');
}

describe('demo: "五个好" creation', () => {
  it('last year named with plaques and a rectification ledger; this year in progress at every step; the board adds up', async () => {
    const sasac = await as('sasac');
    const campaigns = (await sasac.get('/api/fivegood/campaigns')).json() as {
      id: string;
      year: number;
      status: string;
      byStatus: Record<string, number>;
    }[];
    expect(campaigns.map((c) => [c.year, c.status])).toEqual([
      [2026, 'open'],
      [2025, 'named'],
    ]);
    expect(Object.keys(campaigns[0].byStatus).sort()).toEqual(['confirmed', 'draft', 'forwarded', 'returned', 'submitted']);
    const plaques = (await sasac.get('/api/fivegood/ratings?plaques=1')).json() as { plaqueStatus: string; revokedReason: string | null }[];
    expect(plaques.filter((p) => p.plaqueStatus === 'active').length).toBeGreaterThan(5);
    expect(plaques.filter((p) => p.plaqueStatus === 'revoked')).toHaveLength(1);
    const rect = (await sasac.get('/api/fivegood/rectifications')).json() as { status: string }[];
    expect(rect.some((r) => r.status === 'open')).toBe(true);
    expect(rect.some((r) => r.status === 'closed')).toBe(true);
    const board = (await sasac.get(`/api/fivegood/campaigns/${campaigns[0].id}/board`)).json();
    expect(board.totals.branches).toBe(
      board.children.reduce((s: number, c: { branches: number }) => s + c.branches, 0) + board.branches.length,
    );
    expect(board.totals.promotion.base).toBeGreaterThan(0);
    const last = (await sasac.get(`/api/fivegood/campaigns/${campaigns[1].id}/board`)).json();
    expect(last.totals.fiveGoodShare).toBeGreaterThan(0.3);
  });

  it('the 阜康匝道收费站 secretary finds this year’s self-assessment to do, with last year’s 五个好 plaque', async () => {
    const fk = await as('fukang');
    const campaigns = (await fk.get('/api/fivegood/campaigns')).json() as { id: string }[];
    const mine = (await fk.get(`/api/fivegood/campaigns/${campaigns[0].id}/assessments`)).json();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ orgName: '阜康匝道收费站党支部', status: 'draft' });
    const ratings = (await fk.get('/api/fivegood/ratings')).json();
    expect(ratings[0]).toMatchObject({ label: '五个好', plaqueStatus: 'active' });
    const proposals = await fk.get(`/api/fivegood/assessments/${mine[0].id}/proposals`);
    expect(proposals.statusCode).toBe(200);
    expect(proposals.json().find((p: { key: string }) => p.key === 'members_assembly').evidence.length).toBeGreaterThan(0);
  });
});
