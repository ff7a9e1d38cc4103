import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserMissing, login, SHOTS, useDemoSite } from '../helpers/browser.js';
import { DEMO_PASSWORD } from '../../src/demo/index.js';

/** The 旗人大常委会's view of the demo banner (东明镇 and 八仙筒镇) at 1366 px, on a 375 px phone, and on A4. */
describe.skipIf(browserMissing)('browser: the banner view', () => {
  const site = useDemoSite();

  it('shows the townships side by side at 1366 px, without a horizontal scroll', async () => {
    const page = await site().browser.newPage({ viewport: { width: 1366, height: 768 } });
    await login(page, site().base, 'banner', DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/banner');
    const table = page.locator('table.table').first();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    const names = await table.locator('tbody tr td:first-child').allInnerTexts();
    expect(names.map((n) => n.trim())).toEqual(['东明镇', '八仙筒镇', '全旗合计']);
    const box = await table.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(1366);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: path.join(SHOTS, 'banner-1366.png'), fullPage: true });
    await page.goto(`${site().base}/banner/suggestions`);
    await page.screenshot({ path: path.join(SHOTS, 'banner-ledger-1366.png'), fullPage: true });
    // The ledger's export link carries the filters.
    await page.selectOption('#township', { label: '八仙筒镇' });
    await Promise.all([page.waitForURL(/township=/), page.getByRole('button', { name: '筛选' }).click()]);
    expect(await page.getByRole('link', { name: '导出台账（Excel）' }).getAttribute('href')).toMatch(
      /^\/banner\/suggestions\/export\.xlsx\?township=\d+/,
    );
    await page.close();
  });

  it('fits a 375 px phone and prints on A4', async () => {
    const page = await site().browser.newPage({ viewport: { width: 375, height: 812 } });
    await login(page, site().base, 'banner', DEMO_PASSWORD);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(SHOTS, 'banner-375.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
    await page.screenshot({ path: path.join(SHOTS, 'banner-print.png'), fullPage: true });
    await page.close();
  });
});
