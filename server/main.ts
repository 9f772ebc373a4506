import path from 'node:path';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { durabilityProblems, migrateDatabase, openDatabase } from './db/client.ts';
import { acquireDataDirLock } from './db/lock.ts';
import { seedDemo } from './demo/seed.ts';
import { jobs } from './jobs.ts';
import { ensureCockpitRollups } from './modules/cockpit/cockpit-rollup.service.ts';
import { ensureScoringRollups } from './modules/fivegood/scoring-rollup.service.ts';
import { bootstrap } from './platform/bootstrap.ts';
import { systemClock } from './platform/clock.ts';
import type { AppEnv } from './platform/context.ts';
import { startJobRunner } from './platform/jobs/runner.ts';
import { deriveKeys, loadMasterKey } from './platform/pii/keys.ts';

function fail(msg: string): never {
  console.error(`\n启动失败 / startup refused:\n${msg}\n`);
  process.exit(1);
}

/** config → database → migrations → bootstrap (+ demo) → app → listen; closes cleanly on SIGINT/SIGTERM. */
async function main() {
  const t0 = Date.now();
  const config = loadConfig();
  const embedded = !config.databaseUrl;
  if (config.production && embedded && !config.allowEmbedded)
    fail(
      '生产环境不能使用嵌入式数据库 PGlite：请设置 DATABASE_URL 指向 PostgreSQL，或明确设置 LIANGQI_ALLOW_EMBEDDED=1。\nProduction refuses the embedded PGlite database: set DATABASE_URL to PostgreSQL, or LIANGQI_ALLOW_EMBEDDED=1 explicitly.',
    );
  let release = () => {};
  if (embedded) {
    try {
      release = acquireDataDirLock(config.dataDir);
    } catch (e) {
      fail((e as Error).message);
    }
  }
  let keys: AppEnv['keys'];
  try {
    keys = deriveKeys(loadMasterKey(config));
  } catch (e) {
    fail((e as Error).message);
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: embedded ? path.join(config.dataDir, 'pgdata') : undefined });
  if (config.production && database.kind === 'postgres') {
    const problems = await durabilityProblems(database);
    if (problems.length) fail(`PostgreSQL 配置不满足生产要求 / PostgreSQL is not fit for production:\n- ${problems.join('\n- ')}`);
  }
  if (config.production && embedded)
    console.warn('警告：生产环境正在使用嵌入式数据库（LIANGQI_ALLOW_EMBEDDED=1），不具备 PostgreSQL 的持久性保证。');
  await migrateDatabase(database);
  await ensureCockpitRollups(database.db);
  await ensureScoringRollups(database.db);
  const env: AppEnv = { config, dbKind: database.kind, keys, filesDir: path.join(config.dataDir, 'files'), clock: systemClock };
  const boot = await bootstrap(database.db, { rootOrgName: config.rootOrgName, adminPassword: config.adminPassword, now: new Date() });
  const demo = config.demo ?? (embedded && boot.created);
  let demoAccounts: { username: string; password: string; role: string }[] = [];
  if (demo && boot.created && !config.production) demoAccounts = await seedDemo(database.db, env, boot.rootId);

  const app = await buildApp({ db: database.db, env, logger: process.env.LIANGQI_LOG === '1' });
  const stopJobs = startJobRunner(database.db, env, jobs);
  await app.listen({ port: config.port, host: config.host });

  const url = `http://${config.host}:${config.port}`;
  console.log(`\n亮旗 已启动 / liangqi is running: ${url}   (数据库 ${database.kind}，用时 ${Date.now() - t0} ms)`);
  if (boot.created && boot.adminPassword)
    console.log(`\n初始系统管理员 / bootstrap account:  admin / ${boot.adminPassword}   （仅显示一次，首次登录须修改口令）`);
  if (demoAccounts.length) {
    console.log('\n演示账号 / demo accounts（首次登录须修改口令）:');
    for (const a of demoAccounts) console.log(`  ${a.username.padEnd(14)} ${a.password}   ${a.role}`);
  }
  const close = async () => {
    stopJobs();
    await app.close();
    await database.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
}

main().catch((e) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
