import type { Db } from '../db/client.ts';
import { rebuildCockpitRollups } from '../modules/cockpit/cockpit.rollup.ts';
import { audit } from '../platform/audit/audit.service.ts';
import { cstDate } from '../platform/clock.ts';
import { type AppEnv, systemCtx, withTx } from '../platform/context.ts';
import { demoCredentials, seedAccounts } from './demo.accounts.ts';
import { seedCommittees } from './demo.committees.ts';
import type { Demo, DemoStep } from './demo.context.ts';
import { seedMembers } from './demo.members.ts';
import { seedOrgs } from './demo.orgs.ts';
import { createRng } from './demo.rng.ts';
import { seedFivegood } from './fivegood.seed.ts';
import { seedMeetings } from './meetings.seed.ts';
import { seedMemberActivity } from './members.seed.ts';
import { seedStudy } from './study.seed.ts';
import { seedTransfers } from './transfers.seed.ts';

/** Fixed seed: the same demo organisation on every start. */
const DEMO_SEED = 20231120;

/**
 * The steps after the accounts: later modules add their "year of activity" here (meetings, study, 五个好), each a
 * `DemoStep` in its own file (e.g. `meetings.seed.ts`) reading `demo.orgs` and `demo.members`.
 */
const ACTIVITY_STEPS: DemoStep[] = [seedMeetings, seedTransfers, seedMemberActivity, seedStudy, seedFivegood];

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
    for (const step of ACTIVITY_STEPS) await step(d);
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
