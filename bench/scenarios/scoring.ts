// B5: the 五个好 data-backed proposals (第一议题, 三会一课, terms, org findings, study hours) for every branch, through
// the module's own per-branch path, in this process against the generated database. No ceiling: the target is
// a time (≤ 2 s for 5,000 branches at region scale); at prefecture scale the per-branch time is what extrapolates.
import type { Database } from '../../server/db/client.ts';
import { proposals } from '../../server/modules/fivegood/indicator.sources.ts';
import { defaultRubric } from '../../server/modules/fivegood/rubric.yaml.ts';
import { permissionsOf } from '../../server/platform/access/actor.ts';
import { systemClock } from '../../server/platform/clock.ts';
import type { AppEnv, Ctx } from '../../server/platform/context.ts';
import { rssMb } from '../load.ts';
import type { ScenarioResult } from './result.ts';

/** Scores every branch once (sequentially, as a batch job would); figures are per-branch latencies. */
export async function b5(
  database: Database,
  env: AppEnv,
  rootId: string,
  branchIds: string[],
  db: 'postgres' | 'pglite',
  scale: 'prefecture' | 'region',
): Promise<ScenarioResult> {
  const roles = [{ role: 'sasac_staff' as const, orgId: rootId, orgPath: `/${rootId}/`, orgName: '州国资委党委' }];
  const actor = {
    userId: rootId,
    username: 'bench',
    name: '压测',
    memberId: null,
    roles,
    permissions: permissionsOf(roles),
    mustChangePassword: false,
    isAdmin: false,
  };
  const ctx: Ctx = { db: database.db, actor, now: systemClock(), ip: null, requestId: null, env };
  const inds = defaultRubric().dimensions.flatMap((d) => d.indicators);
  const year = ctx.now.getUTCFullYear();
  const each: number[] = [];
  let errors = 0;
  let firstError = '';
  const t0 = performance.now();
  for (const id of branchIds) {
    const t = performance.now();
    try {
      await proposals(ctx, id, year, inds);
    } catch (e) {
      errors++;
      firstError ||= (e as Error).message;
    }
    each.push(performance.now() - t);
  }
  const total = performance.now() - t0;
  if (firstError) console.error(`B5: ${errors} branches failed, first: ${firstError}`);
  each.sort((a, b) => a - b);
  const at = (q: number) => each[Math.min(each.length - 1, Math.floor(q * each.length))];
  return {
    id: 'B5',
    db,
    scale,
    rps: (branchIds.length / total) * 1000,
    p50_ms: at(0.5),
    p95_ms: at(0.95),
    p99_ms: at(0.99),
    errors,
    rss_mb: rssMb(process.pid),
    ceiling_rps: null,
    ratio: null,
    note: `${branchIds.length} 个支部共 ${Math.round(total)} ms（逐支部路径；5,000 个支部约 ${Math.round((total / branchIds.length) * 5)} s，目标 ≤ 2 s）; rps = branches/s`,
  };
}
