import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDeploy } from '../../src/migrations.js';
import { adminQuery, dropDatabase, testDatabaseUrl, withAdmin, withDatabase } from './test-db.js';

/**
 * Migrates one template database for the whole run; each test file copies it
 * (tests/helpers/test-db.ts), which is much faster than migrating every time. With
 * TEST_DATABASE_URL=postgresql://user:password@host/db (a role with CREATEDB) the template and the
 * per-file copies are PostgreSQL databases on that server (UTF-8, C.UTF-8: pg_trgm indexes Chinese).
 */
export default async function setup() {
  const server = testDatabaseUrl();
  if (server) {
    const run = `portal_test_${Date.now().toString(36)}_${process.pid}`;
    const template = `${run}_tpl`;
    await adminQuery(server, `CREATE DATABASE "${template}" TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'`);
    await migrateDeploy(withDatabase(server, template));
    process.env.TEST_TEMPLATE_PG = template;
    return async () => {
      // Every database of this run, including those of a test file that failed before its cleanup.
      await withAdmin(server, async (client) => {
        const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${run}%`]);
        for (const { datname } of rows) await dropDatabase(client, datname);
      });
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renda-test-'));
  const template = path.join(dir, 'template.db');
  await migrateDeploy(`file:${template}`);
  process.env.TEST_TEMPLATE_DB = template;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
