import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
/**
 * A database or a transaction: services accept either. No schema is bound (queries name their tables), so the
 * database layer imports no table and sits below platform/ and the modules; drizzle-kit finds the tables by
 * their suffix (drizzle.config.ts).
 */
export type Db = PgDatabase<PgQueryResultHKT>;
export type DbKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
  /** raw SQL for maintenance (migrations, checks); never with user input */
  exec(text: string): Promise<void>;
};

const here = path.dirname(fileURLToPath(import.meta.url));
const migrationsFolder = path.join(here, 'migrations');

/**
 * Session settings for the app's PostgreSQL connections, unless the URL brings its own `options`: the planner's
 * random_page_cost for solid-state storage (PostgreSQL's docs suggest 1.1; the default 4 models spinning disks and
 * makes the scoped lists scan whole tables instead of following the org and member indexes).
 */
function sessionOptions(url: string): string | undefined {
  const own = URL.canParse(url) && new URL(url).searchParams.has('options');
  return own ? undefined : '-c random_page_cost=1.1';
}

/** Opens PGlite (dataDir, or in memory when dataDir is null, or an already created `pglite` client) or PostgreSQL (url). */
export async function openDatabase(opts: { url?: string; dataDir?: string | null; pglite?: PGlite }): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 20, options: sessionOptions(opts.url) });
    pool.on('error', () => {});
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      close: () => pool.end(),
      exec: async (text) => {
        await pool.query(text);
      },
    };
  }
  const client = opts.pglite ?? (opts.dataDir ? new PGlite(opts.dataDir) : new PGlite());
  await client.waitReady;
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    close: () => client.close(),
    exec: async (text) => {
      await client.exec(text);
    },
  };
}

/** Applies the committed migrations (tables, and the triggers and functions of the roll-ups: nothing else runs at start). */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    await database.db.execute(sql`select pg_advisory_lock(424242)`);
    try {
      await migratePg(database.db as never, { migrationsFolder });
    } finally {
      await database.db.execute(sql`select pg_advisory_unlock(424242)`);
    }
  } else {
    await migratePglite(database.db as never, { migrationsFolder });
  }
}

/** Returns the Chinese+English reasons PostgreSQL is unfit for production; empty when durable. */
export async function durabilityProblems(database: Database): Promise<string[]> {
  const problems: string[] = [];
  const show = async (name: string) => {
    const r = (await database.db.execute(sql.raw(`show ${name}`))) as unknown as { rows: Record<string, unknown>[] };
    return String(r.rows[0][name]);
  };
  if ((await show('fsync')) !== 'on') problems.push('fsync 未开启 / fsync is off');
  if ((await show('synchronous_commit')) === 'off') problems.push('synchronous_commit 为 off / synchronous_commit is off');
  if ((await show('full_page_writes')) !== 'on') problems.push('full_page_writes 未开启 / full_page_writes is off');
  const r = (await database.db.execute(sql`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`)) as unknown as {
    rows: unknown[];
  };
  const role = r.rows[0] as { rolsuper: boolean; rolbypassrls: boolean } | undefined;
  if (role?.rolsuper) problems.push('数据库账号为超级用户 / the database role is a superuser');
  if (role?.rolbypassrls) problems.push('数据库账号可绕过行级安全 / the database role has BYPASSRLS');
  return problems;
}
