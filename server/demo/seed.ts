import type { Db } from '../db/client.ts';
import { rebuildCockpitRollups } from '../modules/cockpit/cockpit-rollup.service.ts';
import { modules } from '../modules/index.ts';
import { audit } from '../platform/audit/audit.service.ts';
import { cstDate } from '../platform/clock.ts';
import { type AppEnv, systemCtx, withTx } from '../platform/context.ts';
import type { Demo } from '../platform/seed.ts';
import { demoCredentials, seedAccounts } from './demo.accounts.ts';
import { seedCommittees } from './demo.committees.ts';
import { seedMembers } from './demo.members.ts';
import { seedOrgs } from './demo.orgs.ts';
import { createRng } from './demo.rng.ts';

/** Fixed seed: the same demo organisation on every start. */
const DEMO_SEED = 20231120;

/** Seeds the demo organisation of the mission text in one transaction; returns the demo accounts to print. */
export async function seedDemo(db: Db, env: AppEnv, rootId: string): Promise<{ username: string; password: string; role: string }[]> {
  // argon2 runs on worker threads while the database work proceeds
  const credentials = demoCredentials();
  const ctx = systemCtx(db, env);
  const demo = await withTx(ctx, async (tx) => {
    const d: Demo = { ctx: tx, rng: createRng(DEMO_SEED), rootId, today: cstDate(tx.now), orgs: [], members: [], accounts: [] };
    await seedOrgs(d);
    await seedMembers(d);
    await seedCommittees(d);
    await seedAccounts(d, credentials);
    // then each module's "year of activity" (its `seed` step, `<module>.seed.ts`), in the order of the module list
    for (const m of modules) if (m.seed) await m.seed(d);
    // the triggers kept the 驾驶舱 roll-ups right; a recomputation makes the seed independent of how steps write
    await rebuildCockpitRollups(tx.db);
    await audit(tx, {
      action: 'demo.seed',
      objectType: 'org',
      objectId: rootId,
      orgId: rootId,
      orgPath: d.orgs[0].path,
      detail: { orgs: d.orgs.length - 1, members: d.members.length, accounts: d.accounts.map((a) => a.username) },
    });
    return d;
  });
  return demo.accounts.map((a) => ({ username: a.username, password: a.password, role: a.label }));
}
