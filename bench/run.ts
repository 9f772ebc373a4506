// `npm run bench [-- --quick] [--db postgres|pglite] [--scale prefecture|region]`: for each database, a fresh
// generated data set, the server (app + ceilings) in a child process, the load in another, then the report.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/config.ts';
import { systemClock } from '../server/platform/clock.ts';
import type { AppEnv } from '../server/platform/context.ts';
import { deriveKeys } from '../server/platform/pii/keys.ts';
import { BENCH_PASSWORD, BENCH_SASAC_USER, BENCH_USER, type Prepared, prepare, SECRET } from './prepare.ts';
import { save } from './report.ts';
import { SCALES, type Scale } from './scales.ts';
import { b9 } from './scenarios/bundle.ts';
import { b1, b2, b3, type Target } from './scenarios/http.ts';
import { b4, importWorkbook } from './scenarios/import.ts';
import { b6 } from './scenarios/mixed.ts';
import type { ScenarioResult } from './scenarios/result.ts';
import { b5 } from './scenarios/scoring.ts';
import { b8 } from './scenarios/startup.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes('--quick');
const scale: Scale = quick ? SCALES.quick : SCALES[(opt('scale') as Scale['name']) ?? 'prefecture'];
const dbs = (opt('db') ? [opt('db')] : ['postgres', 'pglite']) as ('postgres' | 'pglite')[];
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const basePort = Number(process.env.BENCH_PORT ?? 38110);
const rounds = quick ? 2 : 3;
const seconds = quick ? 5 : 10;
const importRows = quick ? 3_000 : 10_000;
const mixedConnections = quick ? 200 : 500;
const mixedSeconds = quick ? 10 : 60;
const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

function serverEnv(p: Prepared, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LIANGQI_DATA_DIR: p.dataDir, LIANGQI_SECRET_KEY: SECRET };
  if (p.databaseUrl) env.DATABASE_URL = p.databaseUrl;
  else delete env.DATABASE_URL;
  return env;
}

function benchEnv(p: Prepared, kind: 'postgres' | 'pglite'): AppEnv {
  const config = loadConfig(serverEnv(p, basePort));
  return { config, dbKind: kind, keys: deriveKeys(SECRET), filesDir: path.join(p.dataDir, 'files'), clock: systemClock };
}

async function startServer(p: Prepared): Promise<ChildProcess> {
  const child = fork('bench/serve.ts', [], {
    execArgv: ['--import', 'tsx'],
    env: { ...serverEnv(p, basePort), BENCH_CEILING_PORT: String(basePort + 1), BENCH_HELLO_PORT: String(basePort + 3) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
  });
  return child;
}

async function stopServer(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function login(appUrl: string, username = BENCH_USER) {
  const res = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`bench login failed: ${res.status} ${await res.text()}`);
  const sid = res.headers.getSetCookie().find((c) => c.startsWith('lq_sid='));
  return { cookie: (sid ?? '').split(';')[0], csrf: (await res.json()).csrfToken as string };
}

async function benchDb(kind: 'postgres' | 'pglite'): Promise<ScenarioResult[]> {
  log(`${kind}: generating ${scale.name} data`);
  const p = await prepare(kind, scale, serverUrl);
  log(`${kind}: generated ${JSON.stringify(p.gen.counts)} in ${p.seconds.toFixed(1)} s`);
  const out: ScenarioResult[] = [];
  try {
    const server = await startServer(p);
    const appUrl = `http://127.0.0.1:${basePort}`;
    const s = await login(appUrl);
    const sasac = await login(appUrl, BENCH_SASAC_USER);
    const t: Target = {
      db: kind,
      scale: scale.reportAs,
      appUrl,
      ceilingUrl: `http://127.0.0.1:${basePort + 1}`,
      helloUrl: `http://127.0.0.1:${basePort + 3}`,
      pid: server.pid ?? 0,
      ...s,
      sasacCookie: sasac.cookie,
      rounds,
      seconds,
    };
    const eid = p.gen.enterpriseIds[0];
    const entBranches = p.gen.branchIds.slice(0, scale.branchesPerEnterprise);
    const attendees = entBranches.flatMap((b) => p.gen.membersByBranch.get(b) ?? []).slice(0, 30);
    log(`${kind}: B1`);
    out.push(await b1({ ...t, rounds: 1, seconds: 2 }, `/${p.rootId}/${eid}/`)); // warm-up, discarded
    out.pop();
    out.push(await b1(t, `/${p.rootId}/${eid}/`));
    const year = new Date().getUTCFullYear();
    log(`${kind}: B2`);
    out.push(await b2({ ...t, rounds: 1, seconds: 2 }, year)); // warm-up, discarded
    out.pop();
    out.push(await b2(t, year));
    log(`${kind}: B3`);
    const r3 = await b3(t, eid, attendees, quick ? 400 : 1500);
    out.push(r3.result);
    log(`${kind}: B4 (${importRows} rows)`);
    const refs = Array.from({ length: scale.branchesPerEnterprise * scale.groupsPerBranch }, (_, i) => {
      const b = Math.floor(i / scale.groupsPerBranch) + 1;
      return `州属第1号企业有限公司党委/第${b}党支部/第${(i % scale.groupsPerBranch) + 1}党小组`;
    });
    out.push(await b4(t, await importWorkbook(importRows, refs, p.gen.idNumbers), importRows));
    log(`${kind}: B6 (${mixedConnections} connections, ${mixedSeconds} s)`);
    out.push(await b6(t, eid, attendees, year, mixedConnections, mixedSeconds));
    await stopServer(server);

    const database = await p.open();
    const audited = (await database.db.execute(
      sql`select count(*)::int as n from audit_log a join meetings m on m.id::text = a.object_id::text
        where a.action = 'meeting.plan' and a.user_id is not null and m.title = '压测党委会议'`,
    )) as unknown as { rows: { n: number }[] };
    const scored = p.gen.branchIds;
    log(`${kind}: B5 (${scored.length} branches)`);
    out.push(await b5(database, benchEnv(p, database.kind), p.rootId, scored, kind, scale.reportAs));
    await database.close();
    const n = Number(audited.rows[0].n);
    r3.result.note = `audit rows ${n} = requests sent ${r3.appRequests}: ${n === r3.appRequests ? '一致 / match' : '不一致 / MISMATCH'}`;
    if (n !== r3.appRequests) r3.result.errors += Math.abs(n - r3.appRequests);
    log(`${kind}: B8`);
    out.push(await b8(kind, scale.reportAs, serverEnv(p, basePort + 2), basePort + 2, quick ? 2 : 3));
  } finally {
    await p.dispose();
  }
  return out;
}

async function main() {
  const results: ScenarioResult[] = [];
  for (const kind of dbs) results.push(...(await benchDb(kind)));
  log('B9');
  const web = b9(!quick);
  const b9row = (id: string, kb: number, budget: number): ScenarioResult => ({
    id,
    db: dbs[0],
    scale: scale.reportAs,
    rps: 0,
    p50_ms: 0,
    p95_ms: 0,
    p99_ms: 0,
    errors: 0,
    rss_mb: 0,
    ceiling_rps: null,
    ratio: null,
    kb,
    note: `${kb} KB gzip, 目标 ≤ ${budget} KB ${kb <= budget ? '达标 / met' : '未达标 / over'} (${web.source})`,
  });
  results.push(b9row('B9-m', web.mKb, 250), b9row('B9-admin', web.adminKb, 700));
  console.log(`\n${save(results, quick ? 'quick' : scale.name)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
