/**
 * The print page rendered to PDF by headless Chromium (playwright-core), when Chromium is installed.
 *
 * One warm Chromium serves every PDF request: launching one takes seconds and hundreds of MB, so
 * it is started on the first request and kept, with one browser context (JavaScript off: the print
 * HTML has no scripts, and none may run between two users' documents). Its tabs are kept too, at
 * most PDF_PAGES_AT_ONCE, each opened once on the portal's origin and reused: a new document only
 * replaces the last one, and the CSS and the web fonts (dozens of unicode-range files) come from the
 * tab's memory cache instead of being fetched and decoded again. A tab whose print failed or timed
 * out is closed, never reused, and a tab is replaced after PDF_PAGE_USES prints.
 *
 * At most PDF_PAGES_AT_ONCE documents are printed at once; up to PDF_QUEUE_LIMIT more wait their
 * turn; beyond that a request is refused at once with a Chinese 503 rather than piling up. A print
 * that takes longer than PDF_TIMEOUT_MS is abandoned. A Chromium that crashes or is killed is
 * launched anew on the next request; `closePdfBrowser()` ends it on shutdown.
 */
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { HttpError } from '../../errors.js';
import { createSlots } from '../../lib/slots.js';

export const chromiumAvailable = (path: string | undefined): path is string => !!path && fs.existsSync(path);

export const PDF_PAGES_AT_ONCE = 2;
export const PDF_QUEUE_LIMIT = 8;
export const PDF_TIMEOUT_MS = 60_000;
export const PDF_PAGE_USES = 100;

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

/** A warm tab: the origin it was opened on, and how many documents it has printed. */
type Printer = { page: Page; origin: string; uses: number };

let browser: Promise<BrowserContext> | null = null;
let idle: Printer[] = [];
const printing = createSlots(PDF_PAGES_AT_ONCE, PDF_QUEUE_LIMIT, () => new PdfBusyError());

function launch(chromiumPath: string): Promise<BrowserContext> {
  if (!browser) {
    // playwright-core (some 45 MB in memory) is loaded with the first PDF, not at start.
    const launching = import('playwright-core').then(async ({ chromium }) => {
      const b = await chromium.launch({ executablePath: chromiumPath, args: LAUNCH_ARGS });
      b.on('disconnected', () => {
        if (browser === launching) {
          browser = null; // crashed or killed: the next request launches a new one
          idle = [];
        }
      });
      return b.newContext({ javaScriptEnabled: false });
    });
    browser = launching;
    launching.catch(() => {
      if (browser === launching) browser = null;
    });
  }
  return browser;
}

/** An idle tab of this Chromium, or a new one. */
function takePrinter(context: BrowserContext): Printer | undefined {
  for (let p = idle.pop(); p; p = idle.pop()) if (!p.page.isClosed() && p.page.context() === context) return p;
  return undefined;
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
 * A4 PDF that follows the page's own @page rules (margins, page numbers). A new tab first opens the
 * portal's /healthz so that its documents have the portal's origin: helmet's
 * Cross-Origin-Resource-Policy: same-origin would otherwise block the CSS and fonts for an
 * about:blank page. The document is printed once its stylesheets have loaded (the load event) and
 * the web fonts its layout asks for are ready: no fixed network-quiet wait. `timeoutMs` is shorter
 * in tests.
 */
export function htmlToPdf(html: string, chromiumPath: string, origin: string, timeoutMs = PDF_TIMEOUT_MS): Promise<Buffer> {
  return printing.run(async () => {
    let printer: Printer | undefined;
    try {
      const context = await launch(chromiumPath);
      const reused = takePrinter(context);
      printer = reused?.origin === origin ? reused : undefined;
      if (reused && !printer) void reused.page.close().catch(() => undefined);
      let abandoned = false;
      const print = async () => {
        if (!printer) {
          const page = await context.newPage();
          printer = { page, origin, uses: 0 };
          if (abandoned) await page.close(); // timed out while it opened: not kept
          await page.goto(new URL('/healthz', origin).href, { timeout: timeoutMs });
        }
        const { page } = printer;
        await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
        await page.evaluate(async () => {
          void document.body.offsetHeight; // lays the document out: the fonts it needs start loading
          await document.fonts.ready;
        });
        return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      };
      const pdf = await withTimeout(print(), timeoutMs, () => {
        abandoned = true;
        void printer?.page.close().catch(() => undefined);
      });
      if (++printer!.uses < PDF_PAGE_USES) idle.push(printer!);
      else void printer!.page.close().catch(() => undefined);
      printer = undefined;
      return pdf;
    } finally {
      // a print that failed or timed out leaves its tab closed, never reused
      if (printer) void printer.page.close().catch(() => undefined);
    }
  });
}

/** Ends the shared Chromium (on shutdown, and in tests). */
export async function closePdfBrowser(): Promise<void> {
  const current = browser;
  browser = null;
  idle = [];
  if (current) await (await current.catch(() => null))?.browser()?.close();
}
