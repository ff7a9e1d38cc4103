import Database from 'better-sqlite3';
import { createTestApp, type TestApp } from './test-app.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/index.js';
import { hashPassword } from '../../src/auth/password.js';
import { fillScale, type ScaleSpec } from '../bench/generate.js';

/**
 * The app on the 东明镇 demo with a bench-size year (or more) written into the same township in
 * bulk through better-sqlite3 (tests/bench/generate.ts): SQLite only. Returns the township's id.
 */
export async function scaleApp(spec: ScaleSpec): Promise<{ t: TestApp; township: number }> {
  const t = await createTestApp();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await seedDemo(t.services.db, { passwordHash });
  const raw = new Database(t.testDb.file);
  try {
    fillScale(raw, spec, { now: new Date(), passwordHash });
  } finally {
    raw.close();
  }
  const township = (await t.services.db.township.findFirstOrThrow({ where: { name: '东明镇' } })).id;
  return { t, township };
}
