/**
 * The access log (morgan's combined format in production), written in batches: a line per request
 * written straight to a file or terminal is a synchronous write on every request. Lines are joined
 * and written at most every LOG_FLUSH_MS or when LOG_FLUSH_BYTES gather, and at exit.
 */
import morgan from 'morgan';
import type { RequestHandler } from 'express';

const LOG_FLUSH_MS = 200;
const LOG_FLUSH_BYTES = 64 * 1024;

export function bufferedLines(write: (chunk: string) => void, flushMs = LOG_FLUSH_MS) {
  let lines: string[] = [];
  let bytes = 0;
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!lines.length) return;
    const chunk = lines.join('');
    lines = [];
    bytes = 0;
    write(chunk);
  };
  process.once('exit', flush);
  return {
    write(line: string) {
      lines.push(line);
      bytes += line.length;
      if (bytes >= LOG_FLUSH_BYTES) flush();
      else if (!timer) {
        timer = setTimeout(flush, flushMs);
        timer.unref();
      }
    },
    flush,
  };
}

export function accessLog(isProduction: boolean): RequestHandler {
  return morgan(isProduction ? 'combined' : 'dev', { stream: bufferedLines((chunk) => process.stdout.write(chunk)) });
}
