import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserMissing, login, logout, SHOTS, useDemoSite } from '../helpers/browser.js';
import { DEMO_PASSWORD } from '../../src/demo/index.js';
import { toDateInput } from '../../src/lib/format.js';

const DAY = 24 * 3600 * 1000;

/** PDF of the page → PNG of its first page (poppler's pdftoppm), to look at the printed result. */
async function printToPng(page: Page, name: string): Promise<string> {
  const pdf = path.join(SHOTS, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', pdf, path.join(SHOTS, name)]);
  return pdf;
}

/**
 * Staff schedule a reception day → record it with two opinions → one opinion becomes a deputy
 * suggestion through the prefilled suggestion form → the deputy sees the reception and the suggestion in their 履职档案.
 */
describe.skipIf(browserMissing)('browser: a reception day from schedule to the deputy’s record', () => {
  let receptionId = 0;
  const date = toDateInput(new Date(Date.now() + 5 * DAY));

  const site = useDemoSite();

  it('staff schedule a reception day and print its public notice', { timeout: 90_000 }, async () => {
    const page = await site().browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, site().base, 'staff', DEMO_PASSWORD);
    await page.locator('summary', { hasText: '代表工作' }).click();
    await page.getByRole('link', { name: '接待选民' }).first().click();
    await page.getByRole('link', { name: '安排接待日' }).click();
    await page.getByLabel('联络站').selectOption({ label: '东明镇人大代表之家' });
    await page.getByLabel('接待日期').fill(date);
    await page.getByLabel('接待时间').fill('09:00-11:30');
    await page.getByLabel('公告发布日期').fill(toDateInput(new Date()));
    await page.getByLabel('宝音图', { exact: true }).check();
    await page.getByLabel('陈淑芬', { exact: true }).check();
    await page.screenshot({ path: path.join(SHOTS, 'reception-form.png'), fullPage: true });
    await Promise.all([page.waitForURL(/\/receptions\/\d+$/), page.getByRole('button', { name: '保存' }).click()]);
    receptionId = Number(new URL(page.url()).pathname.split('/')[2]);
    await expect.poll(() => page.locator('h1').textContent()).toContain('东明镇人大代表之家');
    expect(await page.getByText('接待日已保存').count()).toBe(1);

    await page.getByRole('link', { name: '打印公告' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('人大代表接待选民公告');
    expect(await page.locator('.sheet').textContent()).toContain('宝音图');
    await page.screenshot({ path: path.join(SHOTS, 'reception-notice.png'), fullPage: true });
    await printToPng(page, 'reception-notice-print');
    await page.goto(`${site().base}/receptions/${receptionId}`);
    await logout(page);
    await page.close();
  });

  it('staff record the reception with two opinions; one is answered, one becomes a suggestion', { timeout: 90_000 }, async () => {
    const page = await site().browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, site().base, 'staff', DEMO_PASSWORD);
    await page.goto(`${site().base}/receptions/${receptionId}`);
    await page.getByRole('link', { name: '登记接待情况' }).click();
    expect(await page.getByLabel('宝音图', { exact: true }).first().isChecked()).toBe(true);
    await page.getByLabel('接待选民人数').fill('8');
    await page.getByLabel('接待情况').fill('接待选民8人次，收集意见2条。');
    await Promise.all([page.waitForURL(/\/receptions\/\d+#opinions$/), page.getByRole('button', { name: '保存接待情况' }).click()]);

    const opinions = [
      {
        content: '哈日干图嘎查北部草场手机信号弱，牧民联系不便，希望增设基站。',
        voter: '朝格图',
        phone: '15047516648',
        category: '社会治理',
      },
      { content: '冬季饲草料价格上涨，希望了解储备补贴政策。', voter: '乌日娜', phone: '13948753390', category: '农牧业发展' },
    ];
    for (const o of opinions) {
      await page.getByLabel('意见内容').fill(o.content);
      await page.getByLabel('类别').selectOption({ label: o.category });
      await page.getByLabel('收集代表').selectOption({ label: '宝音图' });
      await page.getByLabel('选民姓名（可不填）').fill(o.voter);
      await page.getByLabel('联系电话（可不填）').fill(o.phone);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '登记意见' }).click()]);
      await expect.poll(() => page.getByText(o.content.slice(0, 20)).count()).toBeGreaterThan(0);
    }
    // Masked in the list even for staff: the full number is on the opinion's page, after 显示完整号码.
    expect(await page.getByText('150****6648').count()).toBe(1);
    expect(await page.getByText('15047516648').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'reception-held.png'), fullPage: true });

    // The second opinion is answered on the spot.
    await page.getByRole('link', { name: /冬季饲草料价格上涨/ }).click();
    await page.getByLabel('答复内容').fill('储备补贴政策已在嘎查公示栏公布，补贴标准每吨200元。');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '登记答复' }).click()]);
    await expect.poll(() => page.locator('.props').textContent()).toContain('当场答复');
    await page.goBack();
    await page.goBack();

    // The first opinion becomes a suggestion: the link opens the suggestion form prefilled.
    const first = await site().t.services.db.voterOpinion.findFirstOrThrow({
      where: { receptionId, content: { startsWith: '哈日干图嘎查北部草场' } },
    });
    await page.goto(`${site().base}/opinions/${first.id}`);
    await page.screenshot({ path: path.join(SHOTS, 'opinion-pending.png'), fullPage: true });
    await Promise.all([page.waitForURL(/\/suggestions\/new\?fromOpinion=/), page.getByRole('link', { name: '转为代表建议' }).click()]);
    expect(await page.getByLabel('建议内容').inputValue()).toContain('哈日干图嘎查北部草场');
    await page.getByLabel('标题').fill('关于在哈日干图嘎查北部草场增设通信基站的建议');
    const lead = await page.locator('#leadDeputyId option', { hasText: '宝音图' }).first().getAttribute('value');
    await page.getByLabel('领衔代表').selectOption(lead);
    await page.getByLabel('类别').selectOption({ label: '社会治理' });
    await Promise.all([page.waitForURL(/\/suggestions\/\d+$/), page.getByRole('button', { name: '提交', exact: true }).click()]);
    const suggestion = { id: Number(page.url().split('/').pop()) };
    await page.goto(`${site().base}/opinions/${first.id}`);
    await page.reload();
    expect(await page.getByRole('link', { name: '关于在哈日干图嘎查北部草场增设通信基站的建议' }).getAttribute('href')).toBe(
      `/suggestions/${suggestion.id}`,
    );
    await logout(page);
    await page.close();
  });

  it('the deputy sees the reception and the suggestion in their 履职档案, on a desktop and a phone', { timeout: 90_000 }, async () => {
    const page = await site().browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, site().base, 'deputy', DEMO_PASSWORD);
    await page.getByRole('link', { name: '我的履职' }).first().click();
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('宝音图');
    const record = page.locator('#record');
    await expect.poll(() => record.textContent()).toContain('关于在哈日干图嘎查北部草场增设通信基站的建议');
    expect(await record.textContent()).toContain('东明镇人大代表之家');
    // the voter's phone is masked for the deputy
    await page.goto(`${site().base}/receptions/${receptionId}`);
    expect(await page.getByText('150****6648').count()).toBe(1);
    expect(await page.getByText('15047516648').count()).toBe(0);
    await page.getByRole('link', { name: '我的履职' }).first().click();
    await page.screenshot({ path: path.join(SHOTS, 'record-deputy.png'), fullPage: true });
    await page.getByRole('link', { name: '打印年度履职报告' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('代表年度履职报告');
    await page.screenshot({ path: path.join(SHOTS, 'record-report.png'), fullPage: true });
    await printToPng(page, 'record-report-print');
    await page.close();

    const phone = await site().browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await login(p, site().base, 'deputy', DEMO_PASSWORD);
    await p.goto(`${site().base}/me`);
    await expect.poll(() => p.locator('#record').textContent()).toContain('关于在哈日干图嘎查北部草场增设通信基站的建议');
    await p.screenshot({ path: path.join(SHOTS, 'record-deputy-phone.png'), fullPage: true });
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });

  const screenshotPages = async (): Promise<Array<[string, string]>> => {
    const station = await site().t.services.db.liaisonStation.findFirstOrThrow({ where: { name: '东明镇人大代表之家' } });
    const activity = await site().t.services.db.activity.findFirstOrThrow({ where: { kind: 'INSPECTION' } });
    return [
      ['station', `/stations/${station.id}`],
      ['receptions', '/receptions'],
      ['reception', `/receptions/${receptionId}`],
      ['opinions', '/opinions'],
      ['activities-stats', '/activities/stats?year=2023'],
      ['attendance', `/activities/${activity.id}/attendance`],
      ['activity-form', `/activities/${activity.id}/edit`],
      ['deputies-import', '/deputies/import'],
      ['deputies', '/deputies'],
    ];
  };

  for (const [viewport, size] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 375, height: 740 }],
  ] as const) {
    it(
      `staff pages on a ${viewport} (screenshots${viewport === 'phone' ? ', no sideways scrolling' : ''})`,
      { timeout: 120_000 },
      async () => {
        const context = await site().browser.newContext({
          viewport: size,
          ...(viewport === 'phone' ? { isMobile: true, hasTouch: true } : {}),
        });
        const page = await context.newPage();
        await login(page, site().base, 'staff', DEMO_PASSWORD);
        for (const [name, url] of await screenshotPages()) {
          const res = await page.goto(`${site().base}${url}`);
          expect(res?.status(), url).toBe(200);
          await page.screenshot({ path: path.join(SHOTS, `${name}-${viewport}.png`), fullPage: true });
          if (viewport === 'phone') {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            expect(overflow, url).toBeLessThanOrEqual(0);
          }
        }
        await context.close();
      },
    );
  }
});
