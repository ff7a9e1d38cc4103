/**
 * Runs the file reader in a worker thread with its own memory limit and a time limit, so that a
 * large or hostile upload costs the other users nothing: the event loop stays free, and a file
 * that still manages to blow up ends only its worker.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportFileError, type Grid } from './deputies.import.read.js';

/** Memory (MB) and time (ms) one file may use while it is read. */
export const WORKER_LIMITS = { heapMb: 256, timeoutMs: 60_000 };

const BROKEN = '文件无法读取（过大或已损坏）。请在 Excel 中只保留名册工作表，另存为 .xlsx 后再上传。';

/**
 * The worker: compiled JavaScript in production; under tsx and vitest the TypeScript module,
 * loaded through tsx's loader registered inside the worker (a worker does not inherit it).
 */
function startWorker(options: ConstructorParameters<typeof Worker>[1]): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./deputies.import.worker.js', import.meta.url), options);
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsx = new URL('dist/esm/api/index.mjs', pathToFileURL(pkg)).href; // tsx's "tsx/esm/api" (import condition)
  const entry = new URL('./deputies.import.worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

export function parseInWorker(buffer: Buffer, filename: string): Promise<Grid> {
  return new Promise<Grid>((resolve, reject) => {
    const worker = startWorker({
      workerData: { buffer: new Uint8Array(buffer), filename },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_LIMITS.heapMb },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(new ImportFileError(BROKEN))), WORKER_LIMITS.timeoutMs);
    worker.once('message', (m: { ok: true; grid: Grid } | { ok: false; message: string | null }) =>
      finish(() => (m.ok ? resolve(m.grid) : reject(new ImportFileError(m.message ?? BROKEN)))),
    );
    worker.once('error', () => finish(() => reject(new ImportFileError(BROKEN))));
    worker.once('exit', () => finish(() => reject(new ImportFileError(BROKEN))));
  });
}
