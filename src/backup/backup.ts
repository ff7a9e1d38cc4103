/**
 * Backup and restore of the SQLite database (等保 8.1.4.10/11 数据备份恢复).
 *
 * A backup is made with SQLite's online backup API (better-sqlite3's `db.backup()`): a consistent
 * copy of the whole database, taken page by page while the portal keeps reading and writing. Each
 * copy is checked with `PRAGMA integrity_check` and described (how many deputies, suggestions, … and
 * the newest record), readable by the portal's user only (0600). Phone numbers stay encrypted in a
 * copy: restoring it needs the same DATA_KEY (or it as DATA_KEY_PREVIOUS).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { formatDateTime } from '../lib/format.js';
import { SIDE_FILES } from '../lib/data-files.js';

/** What a portal database holds, for people to check a backup at a glance. */
export type BackupSummary = {
  file: string;
  bytes: number;
  integrity: string;
  counts: Array<{ table: string; label: string; count: number }>;
  newest: Date | null;
  /** The ids of the keys the personal data in the file is encrypted under. */
  keyIds: string[];
};

/** The tables counted in a summary, with their names in Chinese and English. */
const COUNTED = [
  ['Township', '乡镇 townships'],
  ['Deputy', '代表 deputies'],
  ['Suggestion', '代表建议 suggestions'],
  ['Reception', '接待日 reception days'],
  ['VoterOpinion', '民情民意 voter opinions'],
  ['Activity', '履职活动 activities'],
  ['LivelihoodProject', '民生实事 projects'],
  ['SupervisionTask', '督办任务 tasks'],
  ['AnnualReport', '年度报告 reports'],
  ['User', '账号 accounts'],
  ['AuditLog', '审计记录 audit rows'],
] as const;

/** Tables whose rows say nothing about the portal's records (their dates are not "the newest record"). */
const NOT_RECORDS = new Set(['Session', 'LoginThrottle', 'LoginLock', '_prisma_migrations']);

/** Pages copied per step of the online backup (4 KB pages: 40 MB). */
const BACKUP_PAGES_PER_STEP = 10_000;

/** Why a file cannot be used as a portal backup. */
export class BackupError extends Error {}

/** Opens `file` read-only and describes it; throws BackupError when it is not a sound portal database. */
export function inspectDatabase(file: string): BackupSummary {
  if (!fs.existsSync(file)) throw new BackupError(`文件不存在 / no such file: ${file}`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new BackupError(`无法作为 SQLite 数据库打开 / not an SQLite database: ${(e as Error).message}`);
  }
  try {
    let integrity: string;
    try {
      const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
      integrity = rows.map((r) => r.integrity_check).join('; ');
    } catch (e) {
      throw new BackupError(`文件已损坏 / the file is corrupt: ${(e as Error).message}`);
    }
    if (integrity !== 'ok') throw new BackupError(`完整性检查未通过 / integrity_check failed: ${integrity.slice(0, 500)}`);
    const tables = new Set(
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name),
    );
    const missing = ['_prisma_migrations', 'Township', 'Deputy', 'Suggestion', 'User'].filter((t) => !tables.has(t));
    if (missing.length) {
      throw new BackupError(`不是本平台的数据库（缺少 ${missing.join('、')} 表）/ not a portal database (no table ${missing.join(', ')})`);
    }
    const counts = COUNTED.filter(([t]) => tables.has(t)).map(([table, label]) => ({
      table,
      label,
      count: (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n,
    }));
    let newest: Date | null = null;
    for (const table of tables) {
      if (table.startsWith('sqlite_') || NOT_RECORDS.has(table)) continue;
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name);
      for (const column of ['updatedAt', 'createdAt'].filter((c) => columns.includes(c))) {
        const { v } = db.prepare(`SELECT max("${column}") AS v FROM "${table}"`).get() as { v: string | number | null };
        const d = v === null ? null : new Date(v);
        if (d && !Number.isNaN(d.getTime()) && (!newest || d > newest)) newest = d;
      }
    }
    const keyIds = tables.has('Deputy')
      ? (db.prepare(`SELECT DISTINCT substr(phone, 5, 8) AS id FROM Deputy WHERE phone LIKE 'pd1.%'`).all() as Array<{ id: string }>).map(
          (r) => r.id,
        )
      : [];
    return { file, bytes: fs.statSync(file).size, integrity, counts, newest, keyIds };
  } finally {
    db.close();
  }
}

/** The summary as lines for a terminal, in Chinese and English. */
export function describeSummary(s: BackupSummary): string[] {
  return [
    `文件 / file: ${s.file} (${(s.bytes / 1024 / 1024).toFixed(1)} MB)`,
    `完整性检查 / integrity_check: ${s.integrity}`,
    ...s.counts.map((c) => `  ${c.label}: ${c.count}`),
    `最新记录 / newest record: ${s.newest ? `${formatDateTime(s.newest)} (${s.newest.toISOString()})` : '—'}`,
  ];
}

/**
 * Copies the live database at `source` to `target` with SQLite's online backup while other
 * connections keep working, then checks and describes the copy. The copy is written beside the
 * target and renamed into place only once it is complete and sound.
 */
export async function backupDatabase(source: string, target: string): Promise<BackupSummary> {
  if (!fs.existsSync(source)) throw new BackupError(`数据库不存在 / no database at ${source}`);
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  fs.closeSync(fs.openSync(partial, 'w', 0o600));
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // SQLite restarts an online backup when another connection writes between two of its steps, so
    // under steady writes small steps would never finish: copy up to 40 MB per step (a township's
    // whole database in one step, a few milliseconds; WAL readers never block the portal's writes).
    await db.backup(partial, { progress: () => BACKUP_PAGES_PER_STEP });
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  } finally {
    db.close();
  }
  // The copy is a database of its own: fold its WAL in (the backup API writes a rollback-journal copy,
  // but be sure) and leave one self-contained file.
  const copy = new Database(partial);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  for (const s of SIDE_FILES) fs.rmSync(partial + s, { force: true });
  fs.chmodSync(partial, 0o600);
  try {
    inspectDatabase(partial);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
  fs.renameSync(partial, target);
  return inspectDatabase(target);
}

/** `portal-20261205-031500.db`: sorts by time; the local time of the server. */
export function backupFileName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `portal-${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}.db`;
}

/** The daily backups in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^portal-\d{8}-\d{6}\.db$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * The daily backup into `dir` (data/backups/), keeping the newest `keep`. A small job object: `run()`
 * makes today's backup unless one exists (safe to call every hour and after every restart);
 * a multi-instance deployment can wrap it in a lock.
 */
export function createDailyBackup(options: { source: string; dir: string; keep: number; now?: () => Date }) {
  const now = options.now ?? (() => new Date());
  return {
    dir: options.dir,
    /** Makes today's backup if there is none yet and prunes the old ones; returns the new file or null. */
    async run(): Promise<string | null> {
      const today = backupFileName(now()).slice(0, 'portal-YYYYMMDD'.length);
      const existing = listBackups(options.dir);
      if (existing.some((f) => path.basename(f).startsWith(today))) return null;
      const file = path.join(options.dir, backupFileName(now()));
      await backupDatabase(options.source, file);
      const all = listBackups(options.dir);
      for (const old of all.slice(0, Math.max(0, all.length - options.keep))) fs.rmSync(old, { force: true });
      return file;
    },
  };
}
export type DailyBackup = ReturnType<typeof createDailyBackup>;

/**
 * Runs the daily backup in the portal's process: a first try some minutes after start (never in the
 * way of start-up or the first requests), then every hour; `run()` itself makes at most one a day.
 */
export function scheduleDailyBackup(job: DailyBackup, firstAfterMs = 5 * 60 * 1000): void {
  const run = () =>
    job.run().then(
      (file) => file && console.log(`Daily backup: ${file}`),
      (err: unknown) => console.error('Daily backup failed:', err),
    );
  setTimeout(() => void run(), firstAfterMs).unref();
  setInterval(() => void run(), 60 * 60 * 1000).unref();
}

// ───────────────────────────── The running portal ─────────────────────────────

/** The file in which a running portal notes its process id, beside the database. */
export function pidFileOf(dbFile: string): string {
  return `${dbFile}.pid`;
}

/** Notes this process as the portal serving `dbFile`; removed when it exits. */
export function writePidFile(dbFile: string): void {
  const file = pidFileOf(dbFile);
  const other = runningPortal(dbFile);
  if (other !== null && other !== process.pid) {
    console.warn(`Another portal (pid ${other}) serves ${dbFile}`);
    return;
  }
  fs.writeFileSync(file, String(process.pid), { mode: 0o600 });
  process.once('exit', () => {
    try {
      if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file);
    } catch {
      // already gone
    }
  });
}

/** The process id of a portal running on `dbFile`, or null (no pid file, or its process is gone). */
export function runningPortal(dbFile: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFileOf(dbFile), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

// ───────────────────────────── Restore ─────────────────────────────

export type RestoreResult = { restored: BackupSummary; keptAside: string | null };

/**
 * Puts the backup `from` in place at `target`: refuses a corrupt or foreign file and a portal that
 * is still running; checkpoints the current database and keeps it aside, renamed with the time
 * (`portal.db.before-restore-20261205-103000`); copies the backup in (0600) by an atomic rename.
 */
export function restoreDatabase(from: string, target: string, options: { keyIds?: string[]; now?: Date } = {}): RestoreResult {
  const pid = runningPortal(target);
  if (pid !== null) {
    throw new BackupError(`门户网站正在运行（进程 ${pid}），请先停止它再恢复 / the portal is running (pid ${pid}): stop it first`);
  }
  const summary = inspectDatabase(from);
  const unknown = options.keyIds ? summary.keyIds.filter((id) => !options.keyIds!.includes(id)) : [];
  if (unknown.length) {
    throw new BackupError(
      `备份中的个人信息由另一把密钥（${unknown.join('、')}）加密：请把当时的 DATA_KEY 设为 DATA_KEY 或 DATA_KEY_PREVIOUS / ` +
        `the backup's personal data is encrypted under key ${unknown.join(', ')}: set that DATA_KEY (or DATA_KEY_PREVIOUS)`,
    );
  }
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const incoming = `${target}.restoring`;
  fs.copyFileSync(from, incoming);
  fs.chmodSync(incoming, 0o600);
  let keptAside: string | null = null;
  if (fs.existsSync(target)) {
    // Fold the current database's WAL into it, so that the file kept aside is whole.
    const current = new Database(target);
    current.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
    keptAside = `${target}.before-restore-${backupFileName(options.now ?? new Date()).slice('portal-'.length, -'.db'.length)}`;
    fs.renameSync(target, keptAside);
    for (const s of SIDE_FILES) fs.rmSync(target + s, { force: true });
  }
  fs.renameSync(incoming, target);
  return { restored: inspectDatabase(target), keptAside };
}
