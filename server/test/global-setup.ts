// Vitest globalSetup: migrate ONE database per run, and let every test app clone it instead of migrating its own.
// - PostgreSQL (TEST_DATABASE_URL set): a template database `liangqi_tpl_…`, migrated here, that
//   build-test-app.ts copies with `CREATE DATABASE x TEMPLATE tpl`; dropped at the end of the run.
// - PGlite: an in-memory database migrated here and dumped (`dumpDataDir`) to a tarball that build-test-app.ts
//   loads with `new PGlite({ loadDataDir })`; deleted at the end of the run.
// Both are rebuilt on every run through `migrateDatabase`, so they follow whatever migrations the tree holds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../db/client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL: the migrated template database test apps clone */
    pgTemplate: string | null;
    /** PGlite: the path of the migrated data-dir tarball test apps load */
    pgliteSnapshot: string | null;
  }
}

async function adminQuery(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

export default async function setup(project: TestProject) {
  const started = performance.now();
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `liangqi_tpl_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(url, `create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openDatabase({ url: u.toString() });
    try {
      await migrateDatabase(database);
    } finally {
      // a template must have no open connection when it is cloned
      await database.close();
    }
    project.provide('pgTemplate', name);
    project.provide('pgliteSnapshot', null);
    console.log(`globalSetup: migrated template database ${name} in ${Math.round(performance.now() - started)} ms`);
    return async () => {
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'liangqi-pglite-tpl-'));
  const file = path.join(dir, 'migrated.tar');
  const client = new PGlite();
  await client.waitReady;
  const database = await openDatabase({ pglite: client });
  await migrateDatabase(database);
  const dump = await client.dumpDataDir('none');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgTemplate', null);
  project.provide('pgliteSnapshot', file);
  console.log(`globalSetup: migrated PGlite snapshot in ${Math.round(performance.now() - started)} ms`);
  return () => {
    rmSync(dir, { recursive: true, force: true });
  };
}
