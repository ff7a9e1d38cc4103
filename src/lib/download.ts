/** File downloads: one way to name a file (Chinese names included), audit it and send it. */
import type { Request, Response } from 'express';
import type { AuditEntry } from '../features/audit/audit.service.js';
import { HttpError } from '../errors.js';
import { createSlots } from './slots.js';

/** What the audit log says about a download (who and from where come from the request). */
export type DownloadAudit = Omit<AuditEntry, 'ip' | 'username' | 'result'>;

/** Set by createApp: writes the audit row of a download. */
export type DownloadRecorder = (req: Request, entry: DownloadAudit) => Promise<void>;

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

type DownloadFile = {
  filename: string;
  asciiName?: string;
  type: keyof typeof MIME;
  inline?: boolean;
  audit: DownloadAudit;
};

/**
 * Sends `body` as a file named `filename` (RFC 5987 `filename*` for the Chinese name, and the ASCII
 * `asciiName` for old clients). `inline` lets the browser show it (PDF) instead of saving it.
 * Every download is written to the audit log first (`audit`: which export of what), so that no
 * export of personal data or a ledger goes unrecorded.
 */
export async function sendFile(res: Response, file: DownloadFile & { body: Buffer | Uint8Array | ArrayBuffer }): Promise<void> {
  const body = Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.body as ArrayBuffer);
  await writeFile(res, { ...file, write: () => void res.send(body) });
}

/** Streamed files made at once (a city's 60,000-row ledger takes a core for 10 s); more wait their turn. */
export const STREAMS_AT_ONCE = 2;
export const STREAM_QUEUE_LIMIT = 16;
/** A streamed download that moves no byte for this long (its browser stopped reading) is ended. */
export const STREAM_STALL_MS = 60_000;
const streaming = createSlots(STREAMS_AT_ONCE, STREAM_QUEUE_LIMIT, () => new HttpError(503, '同时导出的台账较多，请稍后再试。'));

/**
 * Sends the file that `write` writes into the response as it is made (named and audited as by
 * `sendFile`), at most STREAMS_AT_ONCE at a time (lib/slots: up to STREAM_QUEUE_LIMIT more wait,
 * beyond that a Chinese 503). A download gives its slot back when its browser goes away, or stops
 * reading for `stallMs`; one whose browser went away while it waited is never made (nor recorded).
 * What may fail should fail before: a failure before the first byte is thrown as usual (the error
 * page, not a download); once bytes have gone, the response is destroyed, so that the browser shows
 * a failed download rather than a truncated file passed as complete.
 */
export async function streamFile(
  res: Response,
  file: DownloadFile & { write: (out: Response) => Promise<void> | void },
  { stallMs = STREAM_STALL_MS } = {},
): Promise<void> {
  const left = new AbortController();
  const leave = () => left.abort(new DownloadLeft('The download was closed before its turn'));
  if (res.closed) leave();
  else res.once('close', leave);
  try {
    await streaming.run(() => {
      res.setTimeout(stallMs, () => res.destroy());
      return writeFile(res, file);
    }, left.signal);
  } catch (err) {
    if (!(err instanceof DownloadLeft)) throw err;
  } finally {
    res.off('close', leave);
  }
}

/** The browser went away before the end of a download. */
class DownloadLeft extends Error {}

/**
 * Fails when the response closes before its end: a writer may never finish then (a zip waits for a
 * response nobody reads), and its slot must come back all the same.
 */
function leftEarly(res: Response): Promise<never> {
  return new Promise((_resolve, reject) => {
    const left = () => {
      if (!res.writableFinished) reject(new DownloadLeft('The download was closed before its end'));
    };
    if (res.closed) left();
    else res.once('close', left);
  });
}

async function writeFile(res: Response, file: DownloadFile & { write: (out: Response) => Promise<void> | void }): Promise<void> {
  const record = (res.app.locals as { recordDownload?: DownloadRecorder }).recordDownload;
  if (!record) throw new Error('sendFile: the app has no recordDownload (see createApp)');
  await record(res.req, { detail: { file: file.filename }, ...file.audit });
  const ascii = file.asciiName ?? `download.${file.type}`;
  res.setHeader('Content-Type', MIME[file.type]);
  res.setHeader(
    'Content-Disposition',
    `${file.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  );
  try {
    await Promise.race([file.write(res), leftEarly(res)]);
  } catch (err) {
    if (err instanceof DownloadLeft) return; // the browser went away: nothing to report
    if (!res.headersSent) {
      res.removeHeader('Content-Disposition');
      res.removeHeader('Content-Type');
      throw err;
    }
    const gone = res.destroyed; // the browser went away (the writer saw it first)
    res.destroy();
    if (!gone) throw err; // logged by the error handler, which sends nothing once headers went
  }
}
