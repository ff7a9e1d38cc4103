import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserMissing, login, SHOTS, useDemoSite } from '../helpers/browser.js';
import { DEMO_PASSWORD } from '../../src/demo/index.js';

/** The 2023 work report printed to PDF by the portal's own Chromium export, then checked with poppler. */
describe.skipIf(browserMissing)('browser: the 2023 work report in print and on screen', () => {
  let page: Page;

  const site = useDemoSite(); // with the 2023 report generated and 定稿
  beforeAll(async () => {
    page = await site().browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, site().base, 'staff', DEMO_PASSWORD);
  });

  it('prints the report to an A4 PDF with page numbers and an embedded CJK font', async () => {
    const res = await page.request.get(`${site().base}/reports/2023.pdf`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const file = path.join(SHOTS, 'report-2023.pdf');
    fs.writeFileSync(file, await res.body());

    const info = execFileSync('pdfinfo', [file]).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(info).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);

    // pdftotext keeps or drops the narrow spaces around page numbers depending on their width
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, '');
    expect(text).toContain('人大工作报告');
    expect(text).toContain('2023年12月7日在东明镇第十九届人民代表大会第四次会议上');
    expect(text).toContain('200余人次');
    expect(text).toContain('—1—');
    expect(text).toContain(`—${pages}—`);

    const fonts = execFileSync('pdffonts', [file]).toString();
    const embeddedCjk = fonts
      .split('\n')
      .filter((l) => /Noto(Serif|Sans)SC|Noto Serif SC|Noto Sans SC/i.test(l) && /\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/.test(l));
    expect(embeddedCjk.length, fonts).toBeGreaterThan(0);

    // 楷体 (subtitle, presenter) prints in the bundled LXGW WenKai when the machine has no KaiTi.
    expect(fonts).toMatch(/LXGWWenKai-Regular\s+CID TrueType\s+Identity-H\s+yes yes/);

    // GB/T 9704 7.5: "— n —" 7 mm below the text block, right on odd pages and left on even ones,
    // one 四号 character (14 pt) in from the text block's edge (A4 595 pt wide, margins 28 / 26 mm).
    const mm = 72 / 25.4;
    const blockLeft = 28 * mm;
    const blockRight = (210 - 26) * mm;
    const blockBottom = (297 - 35) * mm;
    const bbox = execFileSync('pdftotext', ['-bbox', file, '-']).toString();
    const pageNumbers = bbox
      .split('<page ')
      .slice(1)
      .map((pg, i) => {
        const words = [...pg.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
          .map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4]! }))
          .filter((w) => w.yMin > blockBottom);
        expect(words.map((w) => w.text).join(''), `page ${i + 1}`).toBe(`—${i + 1}—`);
        return {
          left: Math.min(...words.map((w) => w.xMin)),
          right: Math.max(...words.map((w) => w.xMax)),
          top: Math.min(...words.map((w) => w.yMin)),
        };
      });
    expect(pageNumbers).toHaveLength(pages);
    pageNumbers.forEach((n, i) => {
      if (i % 2 === 0) expect(Math.abs(blockRight - 14 - n.right), `page ${i + 1} right`).toBeLessThan(2);
      else expect(Math.abs(blockLeft + 14 - n.left), `page ${i + 1} left`).toBeLessThan(2);
      expect(n.top - blockBottom, `page ${i + 1} below the block`).toBeGreaterThan(5 * mm);
    });

    for (const f of fs.readdirSync(SHOTS).filter((f) => f.startsWith('report-page'))) fs.rmSync(path.join(SHOTS, f));
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SHOTS, 'report-page')]);
    expect(fs.readdirSync(SHOTS).filter((f) => f.startsWith('report-page')).length).toBe(pages);
  });

  it('the print page uses the bundled fonts: no missing glyphs, 28 characters a line', async () => {
    await page.goto(`${site().base}/reports/2023/print`);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const loaded = await page.evaluate(() => {
      const out: string[] = [];
      document.fonts.forEach((f) => {
        if (f.status === 'loaded') out.push(f.family);
      });
      return out;
    });
    expect(loaded.some((f) => /Noto Serif SC/.test(f))).toBe(true);
    // The text block is 156 mm wide; a full line of 三号 text holds 28 characters.
    const perLine = await page.evaluate(() => {
      const p = Array.prototype.slice
        .call(document.querySelectorAll('.paper p'))
        .find((x: Element) => (x.textContent ?? '').length > 120) as Element;
      const range = document.createRange();
      const node = p.firstChild!;
      const tops = new Map<number, number>();
      for (let i = 0; i < (node.textContent ?? '').length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        tops.set(top, (tops.get(top) ?? 0) + 1);
      }
      return [...tops.values()].slice(1, -1);
    });
    expect(Math.max(...perLine)).toBe(28);
    await page.screenshot({ path: path.join(SHOTS, 'report-print-screen.png') });
  });

  it('the editor and the dashboard on a desktop and on a phone', async () => {
    await page.goto(`${site().base}/reports/2023`);
    expect(await page.locator('h1').first().textContent()).toContain('2023年人大工作报告');
    await page.screenshot({ path: path.join(SHOTS, 'report-editor.png') });
    await page.goto(`${site().base}/dashboard?year=2023`);
    expect(await page.locator('.chart svg').count()).toBe(5);
    await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });

    const phone = await site().browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await login(p, site().base, 'staff', DEMO_PASSWORD);
    await p.goto(`${site().base}/reports/2023`);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await p.screenshot({ path: path.join(SHOTS, 'report-editor-phone.png') });
    await p.goto(`${site().base}/dashboard?year=2023`);
    expect(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await p.screenshot({ path: path.join(SHOTS, 'dashboard-phone.png'), fullPage: true });
    await phone.close();
  });
});
