import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { type Database, migrateDatabase, openDatabase } from '../db/client.ts';
import { bootstrap } from '../platform/bootstrap.ts';
import { fakeClock } from '../platform/clock.ts';
import { type AppEnv, type Ctx, systemCtx } from '../platform/context.ts';
import { deriveKeys } from '../platform/pii/keys.ts';

export const ADMIN_PASSWORD = 'Bootstrap#Admin2026';
export const TEST_PASSWORD = 'Test#Passw0rd!x';

/**
 * A new PostgreSQL database on the server of `url`: a copy of the run's migrated template (server/test/global-setup.ts)
 * when there is one, else an empty database that the caller migrates. Dropped by `drop()`.
 */
async function freshPostgres(url: string, template: string | null): Promise<Database & { drop(): Promise<void> }> {
  const name = `liangqi_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  return {
    ...database,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The run's migrated PGlite data dir (server/test/global-setup.ts), read once per test file. */
let snapshot: Blob | null | undefined;
function pgliteSnapshot(): Blob | null {
  if (snapshot === undefined) {
    const file = inject('pgliteSnapshot');
    snapshot = file ? new Blob([readFileSync(file)]) : null;
  }
  return snapshot;
}

/** A migrated database: cloned from the run's template or snapshot, or migrated here when the run has none. */
async function freshDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = inject('pgTemplate') ?? null;
    const database = await freshPostgres(url, template);
    if (!template) await migrateDatabase(database);
    return database;
  }
  const loadDataDir = pgliteSnapshot();
  if (loadDataDir) return openDatabase({ pglite: new PGlite({ loadDataDir }) });
  const database = await openDatabase({ dataDir: null });
  await migrateDatabase(database);
  return database;
}

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

/** A fresh app on a fresh database (PGlite in memory, or PostgreSQL when TEST_DATABASE_URL is set). */
export async function buildTestApp(overrides: Partial<Config> = {}) {
  const database = await freshDatabase();
  const clock = fakeClock();
  const filesDir = mkdtempSync(path.join(tmpdir(), 'liangqi-files-'));
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir: filesDir,
    rootOrgName: '州国资委党委',
    allowEmbedded: false,
    production: false,
    https: false,
    trustProxy: [],
    version: 'test',
    ...overrides,
  };
  const env: AppEnv = { config, dbKind: database.kind, keys: deriveKeys('test-master-key-0123456789-abcdefghijklmnop'), filesDir, clock };
  const boot = await bootstrap(database.db, { rootOrgName: config.rootOrgName, adminPassword: ADMIN_PASSWORD, now: clock() });
  const app = await buildApp({ db: database.db, env, webDist: null });
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    env,
    clock,
    rootId: boot.rootId,
    /** a service context without an actor, at the fake clock's time */
    sys: (): Ctx => systemCtx(database.db, env),
    async close() {
      await app.close();
      await database.close();
      if ('drop' in database) await (database as { drop(): Promise<void> }).drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export type Agent = {
  csrf: string;
  cookie: string;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string, body?: unknown): Promise<LightMyRequestResponse>;
};

/** Logs in through the API and returns an agent that sends the session cookie and the CSRF header. */
export async function login(t: TestApp, username: string, password: string, remoteAddress = '127.0.0.1'): Promise<Agent> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'lq_sid');
  if (!c) throw new Error('no session cookie');
  return agentFor(t, `lq_sid=${c.value}`, res.json().csrfToken, remoteAddress);
}

export function agentFor(t: TestApp, cookie: string, csrf: string, remoteAddress = '127.0.0.1'): Agent {
  const inject = (opts: InjectOptions) =>
    t.app.inject({ remoteAddress, ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });
  const withBody = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE') => (url: string, body?: unknown) =>
    inject({ method, url, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) });
  return {
    csrf,
    cookie,
    inject,
    get: (url) => inject({ method: 'GET', url }),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
    delete: withBody('DELETE'),
  };
}
