/** File downloads: one way to name a file (Chinese names included) and send it. */
import type { Response } from 'express';

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/**
 * Sends `body` as a file named `filename` (RFC 5987 `filename*` for the Chinese name, and the ASCII
 * `asciiName` for old clients). `inline` lets the browser show it (PDF) instead of saving it.
 */
export function sendFile(
  res: Response,
  file: { filename: string; asciiName?: string; type: keyof typeof MIME; body: Buffer | Uint8Array | ArrayBuffer; inline?: boolean },
): void {
  const ascii = file.asciiName ?? `download.${file.type}`;
  res.setHeader('Content-Type', MIME[file.type]);
  res.setHeader(
    'Content-Disposition',
    `${file.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  );
  res.send(Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.body as ArrayBuffer));
}
