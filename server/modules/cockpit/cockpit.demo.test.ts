import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { checkCockpitRollups } from './cockpit.consistency.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.db, t.env, t.rootId);
});
afterAll(() => t.close());

describe('cockpit roll-ups on the demo organisation', () => {
  it('the roll-ups the demo seed leaves equal a full recomputation', async () => {
    const { maintained, rebuilt } = await checkCockpitRollups(t.db);
    expect(rebuilt.monthly.length).toBeGreaterThan(100);
    expect(maintained.totals).toEqual(rebuilt.totals);
    expect(maintained.own).toEqual(rebuilt.own);
    expect(maintained.monthly).toEqual(rebuilt.monthly);
  });
});
