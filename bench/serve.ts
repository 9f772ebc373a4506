// The bench's server process: the app on BENCH_APP_PORT and, in the same process on the same database client,
// the ceilings on BENCH_CEILING_PORT (the scenarios' SQL through the bare driver, no framework, no session) and a
// bare Fastify "hello" route on BENCH_HELLO_PORT.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { systemClock } from '../server/platform/clock.ts';
import type { AppEnv } from '../server/platform/context.ts';
import { deriveKeys, loadMasterKey } from '../server/platform/pii/keys.ts';
import { B1_COUNT_SQL, B1_PAGE_SQL, B1_SESSION_SQL } from './scenarios/sql.ts';

type Client = { query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return parts.length ? JSON.parse(Buffer.concat(parts).toString('utf8')) : {};
}

/** B3's ceiling: the meeting, its attendance rows and one hash-chained audit row, in one transaction. */
async function ceilingMeeting(input: Record<string, unknown>, transaction: <T>(fn: (c: Client) => Promise<T>) => Promise<T>) {
  const ids = input.attendeeIds as string[];
  await transaction(async (c) => {
    const now = new Date();
    const [m] = (
      await c.query(
        `insert into meetings (org_id, type, title, starts_at, ends_at, place, host, recorder, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) returning id`,
        [input.orgId, input.type, input.title, input.startsAt, input.endsAt, input.place, input.host, input.recorder, now],
      )
    ).rows;
    const values = ids.map((_, i) => `($1, $${i + 2})`).join(',');
    await c.query(`insert into meeting_attendance (meeting_id, member_id) values ${values}`, [m.id, ...ids]);
    await c.query('select pg_advisory_xact_lock(731001)');
    const [last] = (await c.query('select hash from audit_log order by id desc limit 1')).rows;
    const prev = String(last?.hash ?? '0'.repeat(64));
    const hash = createHash('sm3')
      .update(prev)
      .update(JSON.stringify([now, m.id, ids.length]))
      .digest('hex');
    await c.query(
      `insert into audit_log (at, action, object_type, object_id, org_id, result, detail, prev_hash, hash)
       values ($1, 'meeting.plan', 'meeting', $2, $3, 'success', $4, $5, $6)`,
      [now, m.id, input.orgId, JSON.stringify({ expected: ids.length }), prev, hash],
    );
  });
}

async function main() {
  const config = loadConfig();
  const keys = deriveKeys(loadMasterKey(config));
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pgdata'),
  });
  const env: AppEnv = { config, dbKind: database.kind, keys, filesDir: path.join(config.dataDir, 'files'), clock: systemClock };
  const app = await buildApp({ db: database.db, env, webDist: null });
  await app.listen({ port: config.port, host: '127.0.0.1' });

  const raw = (database.db as unknown as { $client: Client & { connect?: () => Promise<Client & { release(): void }> } }).$client;
  const transaction = async <T>(fn: (c: Client) => Promise<T>): Promise<T> => {
    if (raw.connect) {
      const c = await raw.connect();
      try {
        await c.query('begin');
        const r = await fn(c);
        await c.query('commit');
        return r;
      } catch (e) {
        await c.query('rollback');
        throw e;
      } finally {
        c.release();
      }
    }
    const lite = raw as unknown as { transaction<R>(f: (tx: Client) => Promise<R>): Promise<R> };
    return lite.transaction(fn);
  };
  const ceiling = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let out: unknown = { ok: true };
      if (url.pathname === '/b1') {
        const args = [url.searchParams.get('path'), url.searchParams.get('category'), Number(url.searchParams.get('offset') ?? 0)];
        const [page, count] = await Promise.all([raw.query(B1_PAGE_SQL, args), raw.query(B1_COUNT_SQL, args.slice(0, 2))]);
        out = { items: page.rows, total: count.rows[0].total };
      } else if (url.pathname === '/b1-full') {
        const idHash = createHash('sha256')
          .update(url.searchParams.get('sid') ?? '')
          .digest('hex');
        // prepared like the app's (node-postgres takes a named statement; PGlite caches the parse itself)
        if (raw.connect)
          await (raw.query as unknown as (q: object) => Promise<unknown>)({ name: 'b1_session', text: B1_SESSION_SQL, values: [idHash] });
        else await raw.query(B1_SESSION_SQL, [idHash]);
        const args = [url.searchParams.get('path'), url.searchParams.get('category'), Number(url.searchParams.get('offset') ?? 0)];
        const [page, count] = await Promise.all([raw.query(B1_PAGE_SQL, args), raw.query(B1_COUNT_SQL, args.slice(0, 2))]);
        out = { items: page.rows, total: count.rows[0].total };
      } else if (url.pathname === '/b3') {
        await ceilingMeeting(await body(req), transaction);
        res.statusCode = 201;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(out));
    } catch (e) {
      res.statusCode = 500;
      res.end(String(e));
    }
  });
  await new Promise<void>((r) => ceiling.listen(Number(process.env.BENCH_CEILING_PORT), '127.0.0.1', r));
  // B2's ceiling: the framework's own limit, a bare Fastify route in this process
  const hello = Fastify();
  hello.get('/hello', async () => ({ hello: 'world' }));
  await hello.listen({ port: Number(process.env.BENCH_HELLO_PORT), host: '127.0.0.1' });
  process.send?.('ready');
  let closing = false;
  const close = async () => {
    if (closing) return; // SIGTERM and the parent's disconnect both arrive
    closing = true;
    ceiling.close();
    await hello.close();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', close);
  process.on('disconnect', close);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
