/**
 * Import jobs: upload → read (in a worker thread) → check every row → staff review the preview →
 * commit in one transaction. Jobs are kept behind a small store interface: the database (table
 * ImportJob, two hours), so that with several instances behind a load balancer any of them shows a
 * job's progress and result and exactly one commits it; or this process's memory (tests).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import type { DeputiesService } from './deputies.service.js';
import { checkRow, rosterFromGrid, type RowResult } from './deputies.import.js';
import { ImportFileError } from './deputies.import.read.js';
import { parseInWorker } from './deputies.import.parse.js';

/** Files up to this many rows are checked within the upload request; larger ones in the background. */
export const SYNC_ROWS = 200;
const CHUNK = 25;

export type ImportJob = {
  id: string;
  userId: number;
  townshipId: number;
  filename: string;
  total: number;
  processed: number;
  status: 'checking' | 'checked' | 'done';
  results: RowResult[];
  imported: number;
  createdAt: number;
  /** Settles when every row has been checked. */
  checked: Promise<void>;
};

/** Where import jobs are kept between the upload, the review and the commit. */
export interface ImportJobStore {
  /** Saves the whole job (at the upload, when every row is checked, after the commit). */
  put(job: ImportJob): Promise<void>;
  /** Saves how far the check has come. */
  progress(job: ImportJob): Promise<void>;
  get(id: string): Promise<ImportJob | undefined>;
  /** Moves a checked job to done; false when it is not (or no longer) checked: another request committed it. */
  claim(id: string): Promise<boolean>;
  /** Moves a claimed job back to checked after a failed commit. */
  release(id: string): Promise<void>;
}

const JOB_TTL_MS = 2 * 60 * 60 * 1000;

/** Jobs in this process's memory, forgotten after two hours (one instance only). */
export function memoryJobStore(now: () => number = Date.now): ImportJobStore {
  const jobs = new Map<string, ImportJob>();
  const sweep = () => {
    const cutoff = now() - JOB_TTL_MS;
    for (const [id, job] of jobs) if (job.createdAt < cutoff) jobs.delete(id);
  };
  return {
    put(job) {
      sweep();
      jobs.set(job.id, job);
      return Promise.resolve();
    },
    progress: () => Promise.resolve(),
    get(id) {
      sweep();
      return Promise.resolve(jobs.get(id));
    },
    claim(id) {
      const job = jobs.get(id);
      if (job?.status !== 'checked') return Promise.resolve(false);
      job.status = 'done';
      return Promise.resolve(true);
    },
    release(id) {
      const job = jobs.get(id);
      if (job) job.status = 'checked';
      return Promise.resolve();
    },
  };
}

/** A checked row's form back from JSON: its dates (当选日期) were Date objects. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
function reviveResults(json: string): RowResult[] {
  const results = JSON.parse(json) as RowResult[];
  for (const r of results) {
    const form = r.form as Record<string, unknown> | undefined;
    if (!form) continue;
    for (const [k, v] of Object.entries(form)) if (typeof v === 'string' && ISO_DATE.test(v)) form[k] = new Date(v);
  }
  return results;
}

/**
 * Jobs in the database (table ImportJob), forgotten after two hours. The instance that checks a
 * job keeps it in memory while it does (its `checked` promise) and saves the progress every
 * PROGRESS_ROWS rows; any instance reads the saved job; the commit claims the row with a
 * conditional update, so that two instances never import one file twice.
 */
export function dbJobStore(db: Db, now: () => number = Date.now): ImportJobStore {
  const live = new Map<string, ImportJob>();
  const row = (job: ImportJob) => ({
    townshipId: job.townshipId,
    userId: job.userId,
    filename: job.filename,
    total: job.total,
    processed: job.processed,
    status: job.status,
    results: job.status === 'checking' ? '[]' : JSON.stringify(job.results),
    imported: job.imported,
  });
  return {
    async put(job) {
      await db.importJob.deleteMany({ where: { createdAt: { lt: new Date(now() - JOB_TTL_MS) } } });
      if (job.status === 'checking') live.set(job.id, job);
      else live.delete(job.id);
      await db.importJob.upsert({
        where: { id: job.id },
        create: { id: job.id, createdAt: new Date(job.createdAt), ...row(job) },
        update: row(job),
      });
    },
    async progress(job) {
      await db.importJob.updateMany({ where: { id: job.id, status: 'checking' }, data: { processed: job.processed } });
    },
    async get(id) {
      const mine = live.get(id);
      if (mine) return mine;
      const r = await db.importJob.findUnique({ where: { id } });
      if (!r || r.createdAt.getTime() < now() - JOB_TTL_MS) return undefined;
      const status = r.status as ImportJob['status'];
      return {
        id: r.id,
        userId: r.userId,
        townshipId: r.townshipId,
        filename: r.filename,
        total: r.total,
        processed: r.processed,
        status,
        results: reviveResults(r.results),
        imported: r.imported,
        createdAt: r.createdAt.getTime(),
        checked: Promise.resolve(),
      };
    },
    async claim(id) {
      const { count } = await db.importJob.updateMany({ where: { id, status: 'checked' }, data: { status: 'done' } });
      return count === 1;
    },
    async release(id) {
      await db.importJob.updateMany({ where: { id, status: 'done' }, data: { status: 'checked' } });
    },
  };
}

/** Rows between two saves of a background check's progress. */
const PROGRESS_ROWS = 250;

export type ReadFile = (buffer: Buffer, filename: string) => ReturnType<typeof parseInWorker>;

export function createRosterImports(deputies: DeputiesService, store: ImportJobStore, readFile: ReadFile = parseInWorker) {
  function assertStaff(user: CurrentUser) {
    if (user.role !== 'STAFF') throw new ForbiddenError('只有工作人员可以导入代表名册。');
  }

  return {
    /** Reads the file (a clear error when it is not a usable roster) and starts checking its rows. */
    async start(user: CurrentUser, file: { buffer: Buffer; filename: string }): Promise<ImportJob> {
      assertStaff(user);
      let grid;
      try {
        grid = await readFile(file.buffer, file.filename);
      } catch (e) {
        if (e instanceof ImportFileError) throw new ValidationError({ file: e.message });
        throw e;
      }
      const sheet = rosterFromGrid(grid);
      const existing = await deputies.activeKeys(user);
      const job: ImportJob = {
        id: randomUUID(),
        userId: user.id,
        townshipId: user.townshipId,
        filename: file.filename,
        total: sheet.rows.length,
        processed: 0,
        status: 'checking',
        results: [],
        imported: 0,
        createdAt: Date.now(),
        checked: Promise.resolve(),
      };
      job.checked = (async () => {
        for (let i = 0; i < sheet.rows.length; i++) {
          job.results.push(checkRow(sheet.rows[i]!, existing));
          job.processed = i + 1;
          if ((i + 1) % CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
          if ((i + 1) % PROGRESS_ROWS === 0) await store.progress(job);
        }
        job.status = 'checked';
        await store.put(job);
      })();
      job.checked.catch((e: unknown) => console.error('Roster import check failed:', e));
      await store.put(job);
      return job;
    },

    async get(user: CurrentUser, id: string): Promise<ImportJob> {
      assertStaff(user);
      const job = await store.get(id);
      if (!job || job.userId !== user.id || job.townshipId !== user.townshipId)
        throw new NotFoundError('没有找到这次导入，可能已超过2小时，请重新上传。');
      return job;
    },

    /** Writes the rows in one transaction: all of them (only when all are valid), or only the valid ones. */
    async commit(user: CurrentUser, id: string, mode: 'all' | 'valid'): Promise<number> {
      const job = await this.get(user, id);
      if (job.status !== 'checked')
        throw new ValidationError({ _form: job.status === 'done' ? '这份名册已经导入过了。' : '还在检查表格，请稍候。' });
      const valid = job.results.filter((r) => r.form);
      if (mode === 'all' && valid.length !== job.results.length)
        throw new ValidationError({ _form: '表格中还有错误，没有导入任何数据。请修改后重新上传，或选择只导入有效的行。' });
      if (!valid.length) throw new ValidationError({ _form: '没有可以导入的有效行。' });
      // Rows checked against the roster as it was at upload: check again right before writing.
      const existing = await deputies.activeKeys(user);
      const clash = valid.find((r) => existing.has(`${r.form!.name}|${r.form!.village}`));
      if (clash) throw new ValidationError({ _form: `第${clash.row}行的“${clash.form!.name}”刚刚已登记进名册，请重新上传表格。` });
      if (!(await store.claim(job.id))) throw new ValidationError({ _form: '这份名册已经导入过了。' });
      try {
        job.imported = await deputies.importMany(
          user,
          valid.map((r) => r.form!),
        );
      } catch (e) {
        await store.release(job.id);
        throw e;
      }
      job.status = 'done';
      await store.put(job);
      return job.imported;
    },
  };
}

export type RosterImports = ReturnType<typeof createRosterImports>;
