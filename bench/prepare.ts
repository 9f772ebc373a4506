// A fresh database for one bench run: PostgreSQL (a new database on the server, dropped afterwards) or PGlite
// (a temp data dir), migrated, bootstrapped, filled by the generator, with one logged-in-able bench account.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, type Db, migrateDatabase, openDatabase } from '../server/db/client.ts';
import { rebuildCockpitRollups } from '../server/modules/cockpit/cockpit-rollup.service.ts';
import { rebuildScoringRollups } from '../server/modules/fivegood/scoring-rollup.service.ts';
import { normalizeUsername } from '../server/platform/auth/password.rules.ts';
import { hashPassword } from '../server/platform/auth/password.service.ts';
import { userRoles, users } from '../server/platform/auth/user.table.ts';
import { bootstrap } from '../server/platform/bootstrap.ts';
import { deriveKeys } from '../server/platform/pii/keys.ts';
import { type Generated, generate } from './generate.ts';
import type { Scale } from './scales.ts';

export const SECRET = 'bench-master-key-0123456789-abcdefghijklmnopqrstuvwxyz';
export const BENCH_USER = 'bench_staff';
/** 国资委党建工作人员 (the whole SASAC in scope), same password */
export const BENCH_SASAC_USER = 'bench_sasac';
export const BENCH_PASSWORD = 'Bench#Passw0rd!2026';

export type Prepared = {
  kind: 'postgres' | 'pglite';
  dataDir: string;
  databaseUrl?: string;
  gen: Generated;
  rootId: string;
  seconds: number;
  open(): Promise<Database>;
  dispose(): Promise<void>;
};

async function adminQuery(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** Creates, migrates and fills the database; the bench accounts are 企业党建工作人员 of the first enterprise and 国资委党建工作人员. */
export async function prepare(kind: 'postgres' | 'pglite', scale: Scale, serverUrl: string): Promise<Prepared> {
  const t0 = Date.now();
  const dataDir = mkdtempSync(path.join(tmpdir(), `liangqi-bench-${kind}-`));
  let databaseUrl: string | undefined;
  let drop = async () => {};
  if (kind === 'postgres') {
    const name = `liangqi_bench_${process.pid}`;
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    await adminQuery(serverUrl, `create database ${name}`);
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    drop = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  }
  const open = () => openDatabase({ url: databaseUrl, dataDir: databaseUrl ? undefined : path.join(dataDir, 'pgdata') });
  const database = await open();
  await migrateDatabase(database);
  const now = new Date();
  const boot = await bootstrap(database.db, { rootOrgName: '州国资委党委', adminPassword: 'Bench#Admin2026x', now });
  const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${kind}: ${s}`);
  // one transaction on one connection, the cockpit's row triggers off (a bulk load); the roll-ups are rebuilt after
  const gen = await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local liangqi.cockpit_rollup = 'off'`);
    await tx.execute(sql`set local liangqi.scoring_rollup = 'off'`);
    return generate(tx as unknown as Db, deriveKeys(SECRET), boot.rootId, scale, now, undefined, log);
  });
  const t = Date.now();
  await rebuildCockpitRollups(database.db);
  log(`cockpit roll-ups rebuilt in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const t2 = Date.now();
  await rebuildScoringRollups(database.db);
  log(`scoring roll-ups rebuilt in ${((Date.now() - t2) / 1000).toFixed(1)} s`);
  const [u] = await database.db
    .insert(users)
    .values({
      username: BENCH_USER,
      usernameNorm: normalizeUsername(BENCH_USER),
      name: '压测用户',
      passwordHash: await hashPassword(BENCH_PASSWORD),
      mustChangePassword: false,
      passwordChangedAt: now,
    })
    .returning();
  const [s] = await database.db
    .insert(users)
    .values({
      username: BENCH_SASAC_USER,
      usernameNorm: normalizeUsername(BENCH_SASAC_USER),
      name: '压测国资委用户',
      passwordHash: u.passwordHash,
      mustChangePassword: false,
      passwordChangedAt: now,
    })
    .returning();
  await database.db.insert(userRoles).values([
    { userId: u.id, role: 'enterprise_staff', orgId: gen.enterpriseIds[0] },
    { userId: s.id, role: 'sasac_staff', orgId: boot.rootId },
  ]);
  await database.exec('analyze');
  await database.close();
  return {
    kind,
    dataDir,
    databaseUrl,
    gen,
    rootId: boot.rootId,
    seconds: (Date.now() - t0) / 1000,
    open,
    dispose: async () => {
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
