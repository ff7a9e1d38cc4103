/**
 * The print page rendered to PDF by headless Chromium (playwright-core), when Chromium is installed.
 *
 * One warm Chromium serves every PDF request: launching one takes seconds and hundreds of MB, so
 * it is started on the first request and kept. At most PDF_PAGES_AT_ONCE documents are printed at
 * once (each in a fresh browser context, closed after); up to PDF_QUEUE_LIMIT more wait their turn;
 * beyond that a request is refused at once with a Chinese 503 rather than piling up. A print that
 * takes longer than PDF_TIMEOUT_MS is abandoned. A Chromium that crashes or is killed is launched
 * anew on the next request; `closePdfBrowser()` ends it on shutdown.
 */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { HttpError } from '../../errors.js';

export const chromiumAvailable = (path: string | undefined): path is string => !!path && fs.existsSync(path);

export const PDF_PAGES_AT_ONCE = 2;
export const PDF_QUEUE_LIMIT = 8;
export const PDF_TIMEOUT_MS = 60_000;

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Too many PDFs asked for at once. */
export class PdfBusyError extends HttpError {
  constructor() {
    super(503, '正在生成的PDF较多，请稍后再试，或先用“打印”页面从浏览器打印。');
  }
}

let browser: Promise<Browser> | null = null;
let running = 0;
const waiting: Array<() => void> = [];

function launch(chromiumPath: string): Promise<Browser> {
  if (!browser) {
    // playwright-core (some 45 MB in memory) is loaded with the first PDF, not at start.
    const launching = import('playwright-core').then(({ chromium }) =>
      chromium.launch({ executablePath: chromiumPath, args: LAUNCH_ARGS }),
    );
    browser = launching;
    launching.then(
      (b) =>
        b.on('disconnected', () => {
          if (browser === launching) browser = null; // crashed or killed: the next request launches a new one
        }),
      () => {
        if (browser === launching) browser = null;
      },
    );
  }
  return browser;
}

/** Waits for a free printing slot; refuses when the queue is full. */
async function acquire(): Promise<void> {
  if (running < PDF_PAGES_AT_ONCE) {
    running++;
    return;
  }
  if (waiting.length >= PDF_QUEUE_LIMIT) throw new PdfBusyError();
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next)
    next(); // the slot passes straight to the next in line
  else running--;
}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new HttpError(504, 'PDF生成超时，请稍后再试，或先用“打印”页面从浏览器打印。'));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Renders the print HTML (with a <base href> of the portal so that its CSS and fonts load) to an
 * A4 PDF that follows the page's own @page rules (margins, page numbers). The page first opens
 * the portal's /healthz so that the document has the portal's origin: helmet's
 * Cross-Origin-Resource-Policy: same-origin would otherwise block the CSS and fonts for an
 * about:blank page.
 */
export async function htmlToPdf(html: string, chromiumPath: string, origin: string): Promise<Buffer> {
  await acquire();
  try {
    const b = await launch(chromiumPath);
    const context = await b.newContext();
    const print = async () => {
      const page = await context.newPage();
      await page.goto(new URL('/healthz', origin).href);
      await page.setContent(html, { waitUntil: 'networkidle', timeout: PDF_TIMEOUT_MS });
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    };
    try {
      return await withTimeout(print(), PDF_TIMEOUT_MS, () => void context.close().catch(() => undefined));
    } finally {
      await context.close().catch(() => undefined);
    }
  } finally {
    release();
  }
}

/** Ends the shared Chromium (on shutdown, and in tests). */
export async function closePdfBrowser(): Promise<void> {
  const current = browser;
  browser = null;
  if (current) await (await current.catch(() => null))?.close();
}
