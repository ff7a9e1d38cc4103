/**
 * The bench's databases, built once and cached under tmp/bench/ (keyed by the migrations, the demo
 * seed and the generator, so that a schema change rebuilds them). Each run works on a copy.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createDb } from '../../src/db.js';
import { hashPassword } from '../../src/auth/password.js';
import { migrateDeploy, MIGRATIONS_DIR } from '../../src/migrations.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/index.js';
import { keyringOf, reencryptPersonalData } from '../../src/lib/personal-data.js';
import { SCALES, fillScale } from './generate.js';

export type Scale = 'township' | 'banner' | 'city';
export const SCALE_NAMES: Scale[] = ['township', 'banner', 'city'];
export const BENCH_DIR = path.join(PROJECT_ROOT, 'tmp', 'bench');
export const BENCH_PASSWORD = DEMO_PASSWORD;
/** The DATA_KEY the bench's databases are encrypted under and its app runs with (production needs one). */
export const BENCH_DATA_KEY = 'be'.repeat(32);
export const BENCH_KEYS = keyringOf({ dataKey: Buffer.from(BENCH_DATA_KEY, 'hex') });

/** Every file whose change changes the data. */
function cacheKey(scale: Scale): string {
  const h = crypto.createHash('sha256').update(scale);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(MIGRATIONS_DIR);
  walk(path.join(PROJECT_ROOT, 'src', 'demo'));
  files.push(
    path.join(import.meta.dirname, 'generate.ts'),
    import.meta.filename,
    path.join(PROJECT_ROOT, 'src', 'lib', 'personal-data.ts'),
  );
  for (const f of files) if (fs.existsSync(f)) h.update(f).update(fs.readFileSync(f));
  return h.digest('hex').slice(0, 12);
}

function progressBar(label: string) {
  const started = Date.now();
  return (done: number, total: number) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    const secs = (Date.now() - started) / 1000;
    const eta = done ? (secs / done) * (total - done) : 0;
    process.stderr.write(
      `\r  ${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} suggestions, ${secs.toFixed(0)} s, ~${eta.toFixed(0)} s left   `,
    );
    if (done === total) process.stderr.write('\n');
  };
}

/** The path of the pristine database of a scale, built when missing. */
export async function benchDatabase(scale: Scale, log: (line: string) => void = console.log): Promise<string> {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `${scale}-${cacheKey(scale)}.db`);
  if (fs.existsSync(file)) return file;
  for (const old of fs.readdirSync(BENCH_DIR).filter((f) => f.startsWith(`${scale}-`))) {
    fs.rmSync(path.join(BENCH_DIR, old), { force: true });
  }
  const started = Date.now();
  log(`Building the ${scale} database (cached as ${path.relative(PROJECT_ROOT, file)}) …`);
  const building = `${file}.building`;
  for (const f of [building, `${building}-wal`, `${building}-shm`]) fs.rmSync(f, { force: true });
  const url = `file:${building}`;
  await migrateDeploy(url);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const db = createDb(url, { keys: BENCH_KEYS });
  await seedDemo(db, { passwordHash });
  await db.$disconnect();
  if (scale !== 'township') {
    const raw = new Database(building);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = OFF');
    raw.pragma('cache_size = -200000');
    const counts = fillScale(raw, SCALES[scale], { now: new Date(), passwordHash, progress: progressBar(scale) });
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    // The generator writes phones in clear: encrypt them now, so the app's start finds nothing to do.
    const filled = createDb(url, { keys: BENCH_KEYS });
    await reencryptPersonalData(filled, BENCH_KEYS);
    await filled.$disconnect();
    log(
      `  ${Object.entries(counts)
        .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
        .join(', ')}`,
    );
  }
  fs.renameSync(building, file);
  for (const f of [`${building}-wal`, `${building}-shm`]) fs.rmSync(f, { force: true });
  log(`  ${scale} database ready in ${((Date.now() - started) / 1000).toFixed(0)} s, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`);
  return file;
}

/** A working copy of a scale's database for one run (the app writes sessions, reminders …). */
export function workingCopy(pristine: string, dir: string): string {
  const file = path.join(dir, path.basename(pristine));
  fs.copyFileSync(pristine, file);
  return file;
}
