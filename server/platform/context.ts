import type { Config } from '../config.ts';
import type { Db, DbKind } from '../db/client.ts';
import type { Actor } from './access/actor.ts';
import { invalidateCaches } from './cache.ts';
import type { Clock } from './clock.ts';
import type { Keys } from './pii/keys.ts';

/** What the running app provides to every service: configuration, keys, storage, clock. */
export type AppEnv = {
  config: Config;
  dbKind: DbKind;
  keys: Keys;
  filesDir: string;
  clock: Clock;
};

/** Service context: plain data, no Fastify objects, so seeds, benches and tests call services directly. */
export type Ctx = {
  db: Db;
  actor: Actor | null;
  now: Date;
  ip: string | null;
  requestId: string | null;
  env: AppEnv;
};

/** Runs `fn` in one transaction; the audit record written inside commits or rolls back with the business write. */
export async function withTx<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  const out = await ctx.db.transaction((tx) => fn({ ...ctx, db: tx as unknown as Db }));
  invalidateCaches();
  return out;
}

/** A system context (jobs, bootstrap, seed): no actor. */
export function systemCtx(db: Db, env: AppEnv): Ctx {
  return { db, actor: null, now: env.clock(), ip: null, requestId: null, env };
}
