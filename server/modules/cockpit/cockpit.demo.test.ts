import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CockpitOutT } from '../../../common/cockpit.ts';
import { seedDemo } from '../../demo/seed.ts';
import { buildTestApp, login, type TestApp } from '../../test/build-test-app.ts';
import { buildUser } from '../../test/factories.ts';
import { checkCockpitRollups } from './cockpit.fixtures.ts';
import { rebuildCockpitRollups } from './cockpit-rollup.service.ts';

// The seed ends with a recomputation; it is held back here so the check sees what the triggers alone maintained.
const hold = vi.hoisted(() => ({ back: true }));
vi.mock('./cockpit-rollup.service.ts', async (original) => {
  const real = await original<typeof import('./cockpit-rollup.service.ts')>();
  return { ...real, rebuildCockpitRollups: (db: never) => (hold.back ? Promise.resolve() : real.rebuildCockpitRollups(db)) };
});

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.db, t.env, t.rootId);
  hold.back = false;
}, 300_000);
afterAll(() => t.close());

describe('cockpit on the demo organisation', () => {
  it('the roll-ups the triggers maintained through the whole demo seed equal a full recomputation', async () => {
    const { maintained, rebuilt } = await checkCockpitRollups(t.db);
    expect(rebuilt.monthly.length).toBeGreaterThan(100);
    expect(maintained.totals).toEqual(rebuilt.totals);
    expect(maintained.own).toEqual(rebuilt.own);
    expect(maintained.monthly).toEqual(rebuilt.monthly);
  });

  it('shows the SASAC its enterprises with a year of activity, and times the query and a rebuild', async () => {
    const u = await buildUser(t, { roles: [{ role: 'sasac_staff', orgId: t.rootId }] });
    const a = await login(t, u.username, 'Test#Passw0rd!x');
    const year = Number(t.clock().toISOString().slice(0, 4));
    await a.get(`/api/cockpit?year=${year}`);
    const t0 = performance.now();
    const res = await a.get(`/api/cockpit?year=${year}`);
    const queryMs = performance.now() - t0;
    const f: CockpitOutT = res.json();
    expect(f.children.map((c) => c.org.name)).toContain('新疆交投集团昌吉分公司党委');
    expect(f.headline.members.total).toBeGreaterThan(100);
    expect(f.headline.orgs.branch).toBeGreaterThan(12);
    const t1 = performance.now();
    await rebuildCockpitRollups(t.db);
    console.log(
      `cockpit on demo data (${t.env.dbKind}): query ${queryMs.toFixed(1)} ms, rebuild ${(performance.now() - t1).toFixed(0)} ms`,
    );
  });
});
