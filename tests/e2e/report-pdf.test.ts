import { execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { browserMissing, CHROMIUM } from '../helpers/browser.js';
import { HttpError } from '../../src/errors.js';
import { closePdfBrowser, htmlToPdf, PDF_PAGES_AT_ONCE, PDF_QUEUE_LIMIT, PdfBusyError } from '../../src/features/reports/reports.pdf.js';

/** The shared Chromium behind the report's PDF: warm tabs reused safely, a bounded queue, a restart after a crash. */
describe.skipIf(browserMissing)('browser: the PDF printer (reports.pdf.ts)', () => {
  let server: http.Server;
  let origin: string;

  beforeAll(async () => {
    // The portal's part that the printer needs: /healthz (a tab's origin) and a stylesheet.
    server = http.createServer((req, res) => {
      if (req.url === '/never.css') return; // a stylesheet that never comes: the document never loads
      if (req.url === '/style.css') res.writeHead(200, { 'content-type': 'text/css' }).end('.hidden { display: none; }');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await closePdfBrowser();
    server?.closeAllConnections();
    server?.close();
  });

  const doc = (body: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><base href="${origin}/"><link rel="stylesheet" href="/style.css"></head><body>${body}</body></html>`;
  const text = (pdf: Buffer) => execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
  const chromiumPids = () =>
    execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)])
      .toString()
      .split('\n')
      .filter((l) => /chrom/i.test(l))
      .map((l) => Number(l.trim().split(/\s+/)[0]));

  it('prints one document after another in the reused tabs: nothing of the last one, no script runs, its CSS applies', async () => {
    const first = await htmlToPdf(doc('<p>FIRST REPORT</p><p class="hidden">HIDDEN LINE</p>'), CHROMIUM, origin);
    expect(text(first)).toContain('FIRST REPORT');
    expect(text(first)).not.toContain('HIDDEN LINE'); // the portal's stylesheet was loaded before printing

    for (let i = 0; i < PDF_PAGES_AT_ONCE + 1; i++) {
      const next = text(
        await htmlToPdf(
          doc(`<p id="t">SECOND ${i}</p><script>document.getElementById('t').textContent = 'SCRIPT RAN'</script>`),
          CHROMIUM,
          origin,
        ),
      );
      expect(next).toContain(`SECOND ${i}`);
      expect(next).not.toContain('FIRST REPORT');
      expect(next).not.toContain('SCRIPT RAN');
    }
  });

  it('prints at most PDF_PAGES_AT_ONCE at once, queues PDF_QUEUE_LIMIT more and refuses the next at once', async () => {
    const asked = Array.from({ length: PDF_PAGES_AT_ONCE + PDF_QUEUE_LIMIT + 1 }, (_, i) =>
      htmlToPdf(doc(`<p>QUEUED ${i}</p>`), CHROMIUM, origin).then(
        (pdf) => text(pdf),
        (err: unknown) => err,
      ),
    );
    const results = await Promise.all(asked);
    const refused = results.filter((r) => r instanceof PdfBusyError);
    expect(refused).toHaveLength(1);
    expect(results.at(-1)).toBeInstanceOf(PdfBusyError);
    results.slice(0, -1).forEach((r, i) => expect(r).toContain(`QUEUED ${i}`));
  });

  it('abandons a print that takes too long (504) and prints the next one', async () => {
    const stuck = doc('<p>STUCK</p><link rel="stylesheet" href="/never.css">');
    const err = await htmlToPdf(stuck, CHROMIUM, origin, 2_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(504);
    expect(text(await htmlToPdf(doc('<p>NEXT</p>'), CHROMIUM, origin))).toContain('NEXT');
  });

  it('launches a new Chromium when its Chromium was killed', async () => {
    await htmlToPdf(doc('<p>BEFORE</p>'), CHROMIUM, origin);
    const [pid] = chromiumPids();
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');
    // A print asked for while Playwright is still learning of the death may fail; a later one is printed.
    await vi.waitFor(async () => expect(text(await htmlToPdf(doc('<p>AFTER</p>'), CHROMIUM, origin))).toContain('AFTER'), {
      timeout: 30_000,
      interval: 200,
    });
    expect(chromiumPids()).toHaveLength(1);
    expect(chromiumPids()).not.toContain(pid);
  });
});
