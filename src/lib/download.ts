/** File downloads: one way to name a file (Chinese names included), audit it and send it. */
import type { Request, Response } from 'express';
import type { AuditEntry } from '../features/audit/audit.service.js';

/** What the audit log says about a download (who and from where come from the request). */
export type DownloadAudit = Omit<AuditEntry, 'ip' | 'username' | 'result'>;

/** Set by createApp: writes the audit row of a download. */
export type DownloadRecorder = (req: Request, entry: DownloadAudit) => Promise<void>;

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/**
 * Sends `body` as a file named `filename` (RFC 5987 `filename*` for the Chinese name, and the ASCII
 * `asciiName` for old clients). `inline` lets the browser show it (PDF) instead of saving it.
 * Every download is written to the audit log first (`audit`: which export of what), so that no
 * export of personal data or a ledger goes unrecorded.
 */
export async function sendFile(
  res: Response,
  file: {
    filename: string;
    asciiName?: string;
    type: keyof typeof MIME;
    body: Buffer | Uint8Array | ArrayBuffer;
    inline?: boolean;
    audit: DownloadAudit;
  },
): Promise<void> {
  const record = (res.app.locals as { recordDownload?: DownloadRecorder }).recordDownload;
  if (!record) throw new Error('sendFile: the app has no recordDownload (see createApp)');
  await record(res.req, { detail: { file: file.filename }, ...file.audit });
  const ascii = file.asciiName ?? `download.${file.type}`;
  res.setHeader('Content-Type', MIME[file.type]);
  res.setHeader(
    'Content-Disposition',
    `${file.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  );
  res.send(Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.body as ArrayBuffer));
}
