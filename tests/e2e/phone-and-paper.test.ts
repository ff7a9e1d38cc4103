import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserMissing, login, SHOTS, useDemoSite } from '../helpers/browser.js';
import { DEMO_PASSWORD } from '../../src/demo/index.js';

/** Every control a thumb can hit on the page shown, with its height; links inside running text are exempt. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const controls =
      'main a, main button, main select, main textarea, main summary, main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), main label:has(input[type=checkbox]), main label:has(input[type=radio])';
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(controls))) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      const inText = el.tagName === 'A' && !el.classList.contains('btn') && getComputedStyle(el).display === 'inline';
      if (!inText && r.height < 43.5)
        out.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 12)}” ${r.height.toFixed(1)}px`);
    }
    return out;
  });
}

/** A fresh-eyed pass as users hold the portal: a deputy's phone, and the pages printed on A4. */
describe.skipIf(browserMissing)('browser: thumb-sized on a phone, headings kept with their text on paper', () => {
  const site = useDemoSite();

  it(
    'a deputy at 375 px: every button, field, tab, check box and page link is at least 44 px high, nothing scrolls sideways',
    { timeout: 60_000 },
    async () => {
      const context = await site().browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await login(page, site().base, 'deputy', DEMO_PASSWORD);
      const opinion = await site().t.services.db.voterOpinion.findFirstOrThrow({
        where: { deputy: { name: '宝音图' }, source: 'CODE', handling: 'PENDING' },
      });
      const found: Record<string, string[]> = {};
      for (const p of [
        '/',
        '/suggestions',
        '/suggestions/new',
        '/me',
        '/me/tasks',
        '/me/opinions',
        `/opinions/${opinion.id}`,
        '/opinions',
        '/stations',
        '/activities',
        '/notifications',
        '/account/password',
      ]) {
        await page.goto(site().base + p);
        const small = await smallTargets(page);
        if (small.length) found[p] = small;
        expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), p).toBeLessThanOrEqual(375);
      }
      // a notice's title opens it (a button in a form): it reads as a link, from the left
      await page.goto(`${site().base}/notifications`);
      const title = page.locator('.notice-list button.link').first();
      expect(await title.evaluate((b) => getComputedStyle(b).textAlign)).toBe('left');
      expect(await title.evaluate((b) => getComputedStyle(b).color)).toBe('rgb(11, 79, 156)');
      await page.goto(`${site().base}/suggestions`);
      await page.screenshot({ path: path.join(SHOTS, 'phone-suggestions-375.png'), fullPage: true });
      expect(found).toEqual({});
      await context.close();
    },
  );

  it('staff at 375 px: the roster’s page links and the record page’s year picker are thumb-sized too', async () => {
    const context = await site().browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await login(page, site().base, 'staff', DEMO_PASSWORD);
    const deputy = await site().t.services.db.deputy.findFirstOrThrow({ where: { name: '宝音图' } });
    for (const p of ['/deputies', `/deputies/${deputy.id}`, '/codes']) {
      await page.goto(site().base + p);
      expect(await smallTargets(page), p).toEqual([]);
    }
    await context.close();
  });

  it('at 375 px a card starts with its first line, no blank band above it: a voter’s 查询码, a deputy’s 履职档案', async () => {
    const opinion = await site().t.services.db.voterOpinion.findFirstOrThrow({ where: { trackingCode: { not: null } } });
    const context = await site().browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${site().base}/v/track/${opinion.trackingCode}`);
    const gap = await page.evaluate(() => {
      const card = document.querySelector('main .card')!;
      return card.firstElementChild!.getBoundingClientRect().top - card.getBoundingClientRect().top;
    });
    expect(gap).toBeLessThanOrEqual(18); // the card's padding (16 px) and its border
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
    // the deputy's 履职档案 card, its title in a row with the year picker
    await login(page, site().base, 'deputy', DEMO_PASSWORD);
    await page.goto(`${site().base}/me`);
    const recordGap = await page.evaluate(() => {
      const card = document.querySelector('#record')!;
      return card.querySelector('h2')!.getBoundingClientRect().top - card.getBoundingClientRect().top;
    });
    expect(recordGap).toBeLessThanOrEqual(18);
    await context.close();
  });

  it('the administrator at 375 px: a card row’s Chinese label beside a monospace username has a CJK face (no tofu boxes)', async () => {
    const context = await site().browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await login(page, site().base, 'admin', DEMO_PASSWORD);
    await page.goto(`${site().base}/admin/users/bulk`);
    const cell = page.locator('td.username').first();
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"用户名"');
    // the bundled Noto Sans SC is the only CJK face on a machine without system CJK fonts
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').fontFamily)).toContain('Noto Sans SC');
    expect(await cell.evaluate((td) => getComputedStyle(td).fontFamily)).toContain('Noto Sans SC');
    await page.screenshot({ path: path.join(SHOTS, 'bulk-accounts-375.png') });
    await context.close();
  });

  it('at 1366 px the year picker of a statistics page is not stretched across the page, and a row of buttons is one height', async () => {
    const page = await site().browser.newPage({ viewport: { width: 1366, height: 800 } });
    await login(page, site().base, 'staff', DEMO_PASSWORD);
    for (const p of ['/suggestions/stats', '/dashboard', '/activities/stats']) {
      await page.goto(site().base + p);
      const box = await page.locator('.filters select[name=year]').boundingBox();
      expect(box!.width, p).toBeLessThan(300);
    }
    // a row of buttons mixing links (A4海报) and buttons in forms (重新生成, 停用): one height
    await page.goto(`${site().base}/codes`);
    for (const row of await page.locator('main .actions').all()) {
      const heights = await row.evaluate((r) => Array.from(r.children).map((e) => Math.round(e.getBoundingClientRect().height)));
      expect(new Set(heights).size, heights.join(',')).toBe(1);
    }
    await page.close();
  });

  it('a deputy’s annual record on A4: no page ends with a section heading', { timeout: 60_000 }, async () => {
    const page = await site().browser.newPage();
    await login(page, site().base, 'staff', DEMO_PASSWORD);
    // the deputies with the most to print: their records run over a page
    const deputies = await site().t.services.db.deputy.findMany({
      where: { status: 'ACTIVE' },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    const year = site().t.services.now().getFullYear();
    let pagesSeen = 0;
    for (const { id } of deputies.slice(0, 8)) {
      await page.goto(`${site().base}/deputies/${id}/record?year=${year}`);
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      const file = path.join(SHOTS, `record-${id}.pdf`);
      fs.writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
      pagesSeen += pages;
      for (let n = 1; n <= pages; n++) {
        const lines = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'])
          .toString()
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        expect(lines.at(-1), `deputy ${id}, page ${n}`).not.toMatch(/^[一二三四五六七八九十]+、/);
      }
    }
    expect(pagesSeen).toBeGreaterThan(8); // some records did run over a page
    await page.close();
  });
});
