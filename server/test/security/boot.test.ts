import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { exitWithin, freePort, startServer, waitHealthy } from './spawn.ts';

// DU-06 boot guards and DU-07 single-writer lock, on the real entry point (`node --import tsx server/main.ts`).
// Free ports in 3200–3299. PostgreSQL cases use throwaway databases (and a throwaway role) on TEST_DATABASE_URL's server.

const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET = 'boot-test-secret-key-0123456789-abcdefghijkl';
const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'liangqi-boot-'));
  dirs.push(d);
  return d;
};

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = PG_URL): Promise<T> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
const pgAvailable = await admin(async () => true).catch(() => false);
const urlFor = (db: string, user = 'postgres') => {
  const u = new URL(PG_URL);
  u.username = user;
  u.pathname = `/${db}`;
  return u;
};

const superDb = `liangqi_boot_su_${tag}`;
const appDb = `liangqi_boot_app_${tag}`;
const appRole = `liangqi_boot_role_${tag}`;

afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (pgAvailable)
    await admin(async (c) => {
      await c.query(`drop database if exists ${superDb} with (force)`);
      await c.query(`drop database if exists ${appDb} with (force)`);
      await c.query(`drop role if exists ${appRole}`);
    });
});

describe('production boot guards (DU-06)', () => {
  it('refuses the embedded database without LIANGQI_ALLOW_EMBEDDED, naming it', async () => {
    const s = startServer({
      NODE_ENV: 'production',
      PORT: String(await freePort()),
      LIANGQI_DATA_DIR: tempDir(),
      LIANGQI_SECRET_KEY: SECRET,
    });
    expect(await exitWithin(s, 60_000)).toBe(1);
    expect(s.output()).toContain('LIANGQI_ALLOW_EMBEDDED');
    expect(s.output()).toContain('PGlite');
  }, 90_000);

  it('refuses to start without LIANGQI_SECRET_KEY, naming it', async () => {
    const s = startServer({ NODE_ENV: 'production', PORT: String(await freePort()), DATABASE_URL: urlFor(superDb).toString() });
    expect(await exitWithin(s, 60_000)).toBe(1);
    expect(s.output()).toContain('LIANGQI_SECRET_KEY');
  }, 90_000);

  it.skipIf(!pgAvailable)(
    'refuses a superuser role, and synchronous_commit=off from the connection options',
    async () => {
      await admin((c) => c.query(`create database ${superDb}`));
      const su = startServer({
        NODE_ENV: 'production',
        PORT: String(await freePort()),
        DATABASE_URL: urlFor(superDb).toString(),
        LIANGQI_SECRET_KEY: SECRET,
      });
      expect(await exitWithin(su, 60_000)).toBe(1);
      expect(su.output()).toContain('superuser');
      expect(su.output()).toContain('超级用户');
      const url = `${urlFor(superDb)}?options=-c%20synchronous_commit%3Doff`;
      const async = startServer({ NODE_ENV: 'production', PORT: String(await freePort()), DATABASE_URL: url, LIANGQI_SECRET_KEY: SECRET });
      expect(await exitWithin(async, 60_000)).toBe(1);
      expect(async.output()).toContain('synchronous_commit');
      // refused before migrating: the database is left untouched
      const tables = await admin(async (c) => {
        const r = await c.query("select count(*)::int as n from information_schema.tables where table_schema = 'public'");
        return r.rows[0].n as number;
      }, urlFor(superDb).toString());
      expect(tables).toBe(0);
    },
    150_000,
  );

  it.skipIf(!pgAvailable)(
    'starts on durable PostgreSQL with an ordinary role',
    async () => {
      await admin(async (c) => {
        await c.query(`create role ${appRole} login`);
        await c.query(`create database ${appDb} owner ${appRole}`);
      });
      const port = await freePort();
      const s = startServer({
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: urlFor(appDb, appRole).toString(),
        LIANGQI_SECRET_KEY: SECRET,
        LIANGQI_DATA_DIR: tempDir(),
      });
      try {
        expect(await waitHealthy(s, port)).toMatchObject({ status: 'ok', db: 'postgres' });
      } finally {
        await s.stop();
      }
    },
    150_000,
  );
});

describe('PGlite single-writer lock (DU-07)', () => {
  const dataDir = tempDir();
  const lock = path.join(dataDir, 'liangqi.lock');

  it('a second process on the same data directory exits at once with the lock message; the first keeps answering', async () => {
    const port = await freePort();
    const first = startServer({ PORT: String(port), LIANGQI_DATA_DIR: dataDir });
    try {
      await waitHealthy(first, port);
      const t0 = Date.now();
      const second = startServer({ PORT: String(await freePort()), LIANGQI_DATA_DIR: dataDir });
      expect(await exitWithin(second, 30_000)).toBe(1);
      expect(Date.now() - t0).toBeLessThan(30_000);
      expect(second.output()).toContain(`PID ${first.child.pid}`);
      expect(second.output()).toContain('one process only');
      expect(await waitHealthy(first, port, 5_000)).toMatchObject({ status: 'ok', db: 'pglite' });
    } finally {
      await first.stop();
    }
    expect(existsSync(lock)).toBe(false);
  }, 180_000);

  it('a stale lock file (dead PID) is replaced', async () => {
    const dead = startServer({ PORT: 'not-a-port' });
    await dead.exited;
    writeFileSync(lock, String(dead.child.pid));
    const port = await freePort();
    const s = startServer({ PORT: String(port), LIANGQI_DATA_DIR: dataDir });
    try {
      await waitHealthy(s, port);
      expect(readFileSync(lock, 'utf8').trim()).toBe(String(s.child.pid));
    } finally {
      await s.stop();
    }
  }, 180_000);
});
