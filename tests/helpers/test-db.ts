import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db, type DbOptions } from '../../src/db.js';

export type TestDb = { db: Db; url: string; file: string; cleanup: () => Promise<void> };

/** A fresh, migrated SQLite file of its own: a copy of the run's template database. */
export function createTestDb(options: DbOptions = {}): TestDb {
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
