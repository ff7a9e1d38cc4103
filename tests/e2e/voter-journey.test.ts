import path from 'node:path';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { browserMissing, login, SHOTS, useDemoSite } from '../helpers/browser.js';
import { DEMO_PASSWORD } from '../../src/demo/index.js';

/** jsqr is a UMD bundle whose module.exports is the function itself; its types describe an ES default export. */
const jsQR = jsQRModule as unknown as (typeof jsQRModule)['default'];

/** Decodes the QR code in a PNG (a screenshot of the rendered poster). */
function decodePng(file: string): string | null {
  const png = PNG.sync.read(fs.readFileSync(file));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/**
 * A voter scans 宝音图's printed code on a 375 px phone → sends an opinion → gets a 查询码 → follows
 * it; the deputy answers from their queue; the voter sees the answer and rates it.
 */
describe.skipIf(browserMissing)('browser: a voter reaches their deputy through the printed code', () => {
  let scanned = '';
  let tracking = '';

  const site = useDemoSite();

  it(
    'staff print 宝音图’s A4 poster; its QR code decodes to his page; the cards sheet prints all deputies',
    { timeout: 90_000 },
    async () => {
      const page = await site().browser.newPage({ viewport: { width: 1366, height: 900 } });
      await login(page, site().base, 'staff', DEMO_PASSWORD);
      await page.goto(`${site().base}/codes`);
      await page.screenshot({ path: path.join(SHOTS, 'codes-1366.png'), fullPage: true });
      const row = page.locator('tr', { hasText: '宝音图' }).first();
      await row.getByRole('link', { name: 'A4海报' }).click();
      await page.waitForURL(/\/codes\/d\/\d+\/poster$/);
      await page.locator('#qr').waitFor();
      const shot = path.join(SHOTS, 'poster-1366.png');
      await page.screenshot({ path: shot, fullPage: true });
      scanned = decodePng(shot) ?? '';
      const deputy = await site().t.services.db.deputy.findFirstOrThrow({ where: { name: '宝音图' } });
      expect(scanned).toBe(`${site().base}/v/d/${deputy.voterCode}`);
      // On paper: one A4 page with the fonts bundled with the app.
      const pdf = path.join(SHOTS, 'poster.pdf');
      await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
      const info = execFileSync('pdfinfo', [pdf]).toString();
      expect(info).toMatch(/Pages:\s+1\b/);
      expect(info).toMatch(/Page size:.*\(A4\)/);
      const fonts = execFileSync('pdffonts', [pdf]).toString();
      expect(fonts).toMatch(/NotoSansSC/i);
      execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', pdf, path.join(SHOTS, 'poster-print')]);
      const printed = fs.readdirSync(SHOTS).find((f) => f.startsWith('poster-print') && f.endsWith('.png'))!;
      expect(decodePng(path.join(SHOTS, printed))).toBe(scanned);

      await page.goto(`${site().base}/codes/cards`);
      const active = await site().t.services.db.deputy.count({ where: { status: 'ACTIVE', township: { name: '东明镇' } } }); // the demo's second township prints its own
      expect(await page.locator('.code-card').count()).toBe(active);
      await page.pdf({ path: path.join(SHOTS, 'cards.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
      expect(execFileSync('pdfinfo', [path.join(SHOTS, 'cards.pdf')]).toString()).toMatch(
        new RegExp(`Pages:\\s+${Math.ceil(active / 8)}\\b`),
      );
      await page.screenshot({ path: path.join(SHOTS, 'cards-1366.png') });
      await page.close();
    },
  );

  it('on a 375 px phone the voter sends an opinion and gets a 查询码', { timeout: 60_000 }, async () => {
    const phone = await site().browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await phone.goto(scanned);
    expect(await phone.locator('h1').textContent()).toContain('宝音图');
    await phone.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => phone.locator('.error-summary').textContent()).toContain('请填写反映的事项');
    await phone.getByLabel('您要反映的事项（必填）').fill('嘎查东边的桥护栏断了，孩子上学要经过，很危险，请尽快修一修。');
    await phone.getByLabel('您所在的村（嘎查）').fill('哈日干图嘎查');
    await phone.getByLabel('联系电话（可不填）').fill('13904758899');
    await phone.screenshot({ path: path.join(SHOTS, 'voter-form-375.png'), fullPage: true });
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    const submit = await phone.getByRole('button', { name: '提交' }).boundingBox();
    expect(submit!.height).toBeGreaterThanOrEqual(44);
    await phone.getByRole('button', { name: '提交' }).click();
    tracking = (await phone.locator('#tracking-code').textContent())!.trim();
    expect(tracking).toMatch(/^[A-Z0-9]{10}$/);
    await phone.screenshot({ path: path.join(SHOTS, 'voter-sent-375.png'), fullPage: true });
    await phone.getByRole('link', { name: '查看办理进度' }).click();
    await phone.waitForURL(new RegExp(`/v/track/${tracking}$`));
    expect(await phone.locator('#voter-state').textContent()).toBe('已收到');
    expect(await phone.content()).not.toContain('13904758899');
    await phone.close();
  });

  it('宝音图 answers it from his queue', { timeout: 60_000 }, async () => {
    const page = await site().browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await login(page, site().base, 'deputy', DEMO_PASSWORD);
    const count = Number(await page.locator('#open-opinions b').textContent());
    expect(count).toBeGreaterThanOrEqual(1);
    await page.locator('#open-opinions').click();
    await page.waitForURL(/\/me\/opinions$/);
    await page.screenshot({ path: path.join(SHOTS, 'deputy-queue-375.png'), fullPage: true });
    await page.getByRole('link', { name: /桥护栏断了/ }).click();
    await page.getByLabel('答复内容').fill('已联系嘎查委员会，本周内修好护栏，修好前设置警示牌。');
    await page.screenshot({ path: path.join(SHOTS, 'deputy-answer-375.png'), fullPage: true });
    await page.getByRole('button', { name: '登记答复' }).click();
    await expect.poll(() => page.locator('#history').textContent()).toContain('答复');
    await page.goto(`${site().base}/`);
    expect(Number(await page.locator('#open-opinions b').textContent())).toBe(count - 1);
    await page.close();
  });

  it('the voter sees the answer and rates it', { timeout: 60_000 }, async () => {
    const phone = await site().browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await phone.goto(`${site().base}/v/track`);
    await phone.getByLabel('查询码').fill(tracking.toLowerCase());
    await phone.getByRole('button', { name: '查询' }).click();
    await phone.waitForURL(new RegExp(`/v/track/${tracking}$`));
    expect(await phone.locator('#voter-state').textContent()).toBe('已答复');
    expect(await phone.locator('#answer').textContent()).toContain('本周内修好护栏');
    await phone.getByLabel('满意', { exact: true }).check();
    await phone.screenshot({ path: path.join(SHOTS, 'voter-track-375.png'), fullPage: true });
    await phone.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => phone.locator('#rating').textContent()).toBe('满意');
    const o = await site().t.services.db.voterOpinion.findUniqueOrThrow({ where: { trackingCode: tracking } });
    expect(o.rating).toBe('SATISFIED');
    await phone.close();
  });
});
