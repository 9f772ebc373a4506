import type { Ctx } from '../context.ts';

/** A daily job (reminder checks, retention, account hygiene). `run` must be idempotent for one day. */
export type Job = { name: string; run(ctx: Ctx): Promise<string | undefined> };
