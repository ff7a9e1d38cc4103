/** The print page rendered to PDF by headless Chromium (playwright-core), when Chromium is installed. */
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export const chromiumAvailable = (path: string | undefined): path is string => !!path && fs.existsSync(path);

/**
 * Renders the print HTML (with a <base href> of the portal so that its CSS and fonts load) to an
 * A4 PDF that follows the page's own @page rules (margins, page numbers). The page first opens
 * the portal's /healthz so that the document has the portal's origin: helmet's
 * Cross-Origin-Resource-Policy: same-origin would otherwise block the CSS and fonts for an
 * about:blank page.
 */
export async function htmlToPdf(html: string, chromiumPath: string, origin: string): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(new URL('/healthz', origin).href);
    await page.setContent(html, { waitUntil: 'networkidle', timeout: 30_000 });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
