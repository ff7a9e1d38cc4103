/**
 * Import jobs: upload → read (in a worker thread) → check every row → staff review the preview →
 * commit in one transaction. Jobs are kept behind a small store interface; today the store is this
 * process's memory (two hours), later a database table.
 */
import { randomUUID } from 'node:crypto';
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
  put(job: ImportJob): void;
  get(id: string): ImportJob | undefined;
}

const JOB_TTL_MS = 2 * 60 * 60 * 1000;

/** Jobs in this process's memory, forgotten after two hours: enough to review, import and download. */
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
    },
    get(id) {
      sweep();
      return jobs.get(id);
    },
  };
}

export type ReadFile = (buffer: Buffer, filename: string) => ReturnType<typeof parseInWorker>;

export function createRosterImports(
  deputies: DeputiesService,
  store: ImportJobStore = memoryJobStore(),
  readFile: ReadFile = parseInWorker,
) {
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
        }
        job.status = 'checked';
      })();
      store.put(job);
      return job;
    },

    get(user: CurrentUser, id: string): ImportJob {
      assertStaff(user);
      const job = store.get(id);
      if (!job || job.userId !== user.id || job.townshipId !== user.townshipId)
        throw new NotFoundError('没有找到这次导入，可能已超过2小时，请重新上传。');
      return job;
    },

    /** Writes the rows in one transaction: all of them (only when all are valid), or only the valid ones. */
    async commit(user: CurrentUser, id: string, mode: 'all' | 'valid'): Promise<number> {
      const job = this.get(user, id);
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
      job.status = 'done';
      try {
        job.imported = await deputies.importMany(
          user,
          valid.map((r) => r.form!),
        );
      } catch (e) {
        job.status = 'checked';
        throw e;
      }
      return job.imported;
    },
  };
}

export type RosterImports = ReturnType<typeof createRosterImports>;
