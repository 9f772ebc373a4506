// `npm run test:pg`: the same vitest suite on PostgreSQL. The run migrates one template database on the server of
// TEST_DATABASE_URL (server/test/global-setup.ts); each test app clones it (`CREATE DATABASE … TEMPLATE`) and drops
// its copy afterwards. Extra arguments go to vitest (e.g. a file filter).
import pg from 'pg';
import { closingLine, runVitest } from './vitest-suite.mjs';

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const shown = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const { rows } = await client.query('show server_version');
  console.log(`PostgreSQL ${rows[0].server_version} @ ${shown}`);
} catch (e) {
  console.error(`无法连接 PostgreSQL / cannot reach PostgreSQL at ${shown}: ${e.message}`);
  console.error('请启动 PostgreSQL 或设置 TEST_DATABASE_URL / start PostgreSQL or set TEST_DATABASE_URL');
  console.log('pg: 0 passed, 1 failed');
  process.exit(1);
} finally {
  await client.end().catch(() => {});
}

const result = await runVitest({ env: { ...process.env, TEST_DATABASE_URL: url }, args: process.argv.slice(2) });
console.log(closingLine('pg', result));
process.exit(result.failed > 0 ? 1 : 0);
