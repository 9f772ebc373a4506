// B5: the 五个好 data-backed proposals (第一议题, 三会一课, terms, org findings, study hours) for every branch in one
// call of the module's batch scorer (the figures a campaign board needs; the records behind them are left out), in
// this process against the generated database. No ceiling: the target is a time (≤ 2 s for 5,000 branches).
import type { Database } from '../../server/db/client.ts';
import { scoreBranches } from '../../server/modules/fivegood/fivegood.scoring.ts';
import { defaultRubric } from '../../server/modules/fivegood/rubric.yaml.ts';
import { permissionsOf } from '../../server/platform/access/actor.ts';
import { systemClock } from '../../server/platform/clock.ts';
import type { AppEnv, Ctx } from '../../server/platform/context.ts';
import { rssMb } from '../load.ts';
import type { ScenarioResult } from './result.ts';

/** Scores every branch in one batch, `runs` times; the latencies are of the whole batch. */
export async function b5(
  database: Database,
  env: AppEnv,
  rootId: string,
  branchIds: string[],
  db: 'postgres' | 'pglite',
  scale: 'prefecture' | 'region',
  runs = 3,
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
  let scored = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    try {
      const out = await scoreBranches(ctx, branchIds, year, inds);
      scored = [...out.values()].filter((p) => p.length === inds.filter((x) => x.source).length).length;
    } catch (e) {
      errors++;
      firstError ||= (e as Error).message;
    }
    each.push(performance.now() - t);
  }
  if (firstError) console.error(`B5: ${errors} runs failed, first: ${firstError}`);
  if (scored !== branchIds.length) errors += branchIds.length - scored;
  each.sort((a, b) => a - b);
  const at = (q: number) => each[Math.min(each.length - 1, Math.floor(q * each.length))];
  const med = at(0.5);
  const per5000 = (med / branchIds.length) * 5000;
  return {
    id: 'B5',
    db,
    scale,
    rps: (branchIds.length / med) * 1000,
    p50_ms: at(0.5),
    p95_ms: at(0.95),
    p99_ms: at(0.99),
    errors,
    rss_mb: rssMb(process.pid),
    ceiling_rps: null,
    ratio: null,
    note: `${branchIds.length} 个支部一次评分 ${Math.round(med)} ms（${runs} 次中位数；折合 5,000 个支部 ${(per5000 / 1000).toFixed(2)} s，目标 ≤ 2 s ${per5000 <= 2000 ? '达标 / met' : '未达标 / missed'}）; p50–p99 = whole-batch ms; rps = branches/s`,
  };
}
