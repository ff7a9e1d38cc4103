import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db, type DbOptions } from '../../src/db.js';
import { pgPoolConfig } from '../../src/db-url.js';

export type TestDb = { db: Db; url: string; file: string; cleanup: () => Promise<void> };

/** The database server the suite runs against: TEST_DATABASE_URL (PostgreSQL), or none (SQLite files). */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

/** `url` with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the server of `url`, outside any database of the suite. */
export async function adminQuery(url: string, sql: string): Promise<void> {
  await withAdmin(url, (client) => client.query(sql));
}

/**
 * Drops database `name`. WITH (FORCE) ends the connections a test left open, but a role without
 * pg_signal_backend may not end an autovacuum worker (42501: it belongs to no role) — one starts in a
 * database that just took a few thousand rows. A plain DROP stops autovacuum itself (and waits up to 5 s
 * for other sessions), so that is the second try.
 */
export async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    await client.query(`DROP DATABASE IF EXISTS "${name}"`);
  }
}

/** Runs `fn` with a connection to the server of `url`, outside any database of the suite. */
export async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...pgPoolConfig(url), application_name: 'portal tests' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let counter = 0;

/**
 * A fresh, migrated database of its own: a copy of the run's template database (global-setup.ts) —
 * a SQLite file, or with TEST_DATABASE_URL a PostgreSQL database created from the template
 * (`CREATE DATABASE … TEMPLATE`), dropped again by cleanup. `options.onQuery` sees SQLite's statements only.
 */
export async function createTestDb(options: DbOptions = {}): Promise<TestDb> {
  const server = testDatabaseUrl();
  if (server) {
    const template = process.env.TEST_TEMPLATE_PG;
    if (!template) throw new Error('TEST_TEMPLATE_PG is not set: run the tests through vitest (globalSetup)');
    const name = `${template.replace(/_tpl$/, '')}_${process.pid}_${++counter}`;
    await adminQuery(server, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    const url = withDatabase(server, name);
    const db = createDb(url, options);
    return {
      db,
      url,
      file: '',
      cleanup: async () => {
        await db.$disconnect();
        await withAdmin(server, (client) => dropDatabase(client, name));
      },
    };
  }
  const template = process.env.TEST_TEMPLATE_DB;
  if (!template) throw new Error('TEST_TEMPLATE_DB is not set: run the tests through vitest (globalSetup)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renda-db-'));
  const file = path.join(dir, 'test.db');
  fs.copyFileSync(template, file);
  const url = `file:${file}`;
  const db = createDb(url, options);
  return {
    db,
    url,
    file,
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The integration suite's second run, on PostgreSQL: tests that work on the SQLite file itself skip it. */
export const ON_POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
