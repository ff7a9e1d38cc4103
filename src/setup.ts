import type { Db } from './db.js';
import type { Config } from './config.js';
import { migrateDeploy } from './migrations.js';
import { seedDemo } from './demo/index.js';
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
  // The schema engine migrates with `locking_mode=EXCLUSIVE`, which a WAL database refuses while
  // another connection has it open: close ours (Prisma reconnects on the next query).
  await db.$disconnect();
  const applied = await migrateDeploy(config.DATABASE_URL);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  if (config.isProduction || !config.SEED_DEMO) return;
  if ((await db.township.count()) > 0) return;
  console.log('Empty database: filling it with the 东明镇 demo data …');
  await seedDemo(db);
  console.log('Demo data ready. Log in as staff / Dongming@2023 (see README).');
}
