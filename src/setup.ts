import type { Db } from './db.js';
import type { Config } from './config.js';
import { MIGRATIONS_DIR, PG_MIGRATIONS_DIR, loadMigrations, migrateDeploy, providerOf } from './migrations.js';
import { seedDemo } from './demo/index.js';
import { keyringOf, reencryptPersonalData } from './lib/personal-data.js';
import { exclusively } from './lib/locks.js';

/**
 * Start-up: apply pending migrations; outside production, fill an empty database with the
 * 东明镇 demo data. In production no demo data and no default account is ever created
 * (`npm run user:create` makes the first account).
 */
export async function prepareDatabase(db: Db, config: Config): Promise<void> {
  // Instances starting together on one PostgreSQL database take turns: one migrates and seeds.
  await exclusively(config.DATABASE_URL, 'portal:startup', () => migrateAndSeed(db, config), { wait: true });
}

async function migrateAndSeed(db: Db, config: Config): Promise<void> {
  if (!(await migrationsUpToDate(db, config))) await migrate(db, config);
  // Phone numbers of a database from before encryption, or under DATA_KEY_PREVIOUS: to the current key.
  const encrypted = await reencryptPersonalData(db, keyringOf(config));
  if (encrypted) console.log(`Personal data: ${encrypted} values encrypted under the current DATA_KEY`);
  if (config.isProduction || !config.SEED_DEMO) return;
  if ((await db.township.count()) > 0) return;
  console.log('Empty database: filling it with the 东明镇 demo data …');
  await seedDemo(db);
  console.log('Demo data ready. Log in as staff / Dongming@2023 (see README).');
}

/**
 * Whether every migration folder is recorded as applied: then a restart skips loading the schema
 * engine (WebAssembly), the larger part of start-up. Any doubt (no table yet, a failed or
 * rolled-back migration, a new folder) goes through the engine.
 */
async function migrationsUpToDate(db: Db, config: Config): Promise<boolean> {
  const dir = providerOf(config.DATABASE_URL) === 'postgresql' ? PG_MIGRATIONS_DIR : MIGRATIONS_DIR;
  const folders = loadMigrations(dir).migrationDirectories.map((d) => d.path);
  try {
    const rows = await db.$queryRaw<Array<{ name: string; finished: unknown; rolledBack: unknown }>>`
      SELECT migration_name AS name, finished_at AS finished, rolled_back_at AS "rolledBack" FROM _prisma_migrations`;
    if (rows.some((r) => r.finished === null && r.rolledBack === null)) return false; // failed: the engine reports it
    const applied = new Set(rows.filter((r) => r.finished !== null && r.rolledBack === null).map((r) => r.name));
    return folders.every((f) => applied.has(f));
  } catch {
    return false;
  }
}

async function migrate(db: Db, config: Config): Promise<void> {
  // The schema engine migrates with `locking_mode=EXCLUSIVE`, which a WAL database refuses while
  // another connection has it open: close ours (Prisma reconnects on the next query).
  await db.$disconnect();
  const applied = await migrateDeploy(config.DATABASE_URL);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
}
