import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDeploy } from '../../src/migrations.js';

/**
 * Migrates one template database for the whole run; each test file copies it
 * (tests/helpers/test-db.ts), which is much faster than migrating every time.
 */
export default async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renda-test-'));
  const template = path.join(dir, 'template.db');
  await migrateDeploy(`file:${template}`);
  process.env.TEST_TEMPLATE_DB = template;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
