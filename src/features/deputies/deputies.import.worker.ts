/** Worker thread entry: reads one uploaded roster file into a grid (deputies.import.read.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { ImportFileError, readGrid } from './deputies.import.read.js';

const { buffer, filename } = workerData as { buffer: Uint8Array; filename: string };
readGrid(buffer, filename).then(
  (grid) => parentPort!.postMessage({ ok: true, grid }),
  (e: unknown) => parentPort!.postMessage({ ok: false, message: e instanceof ImportFileError ? e.message : null }),
);
