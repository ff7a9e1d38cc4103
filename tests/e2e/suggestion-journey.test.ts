import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserMissing, login, logout, SHOTS, useDemoSite } from '../helpers/browser.js';
import { DEMO_PASSWORD } from '../../src/demo/index.js';

const TITLE = '关于在哈日干图嘎查修建牲畜饮水井的建议';

/**
 * The core journey through real pages: a deputy submits → staff accept and assign → the unit signs
 * and replies B → the deputy rates 不满意 → the unit re-replies → the deputy rates 满意 → staff mark
 * 已落实 → the deputy confirms and it is 办结; checking what each role sees at each step.
 */
describe.skipIf(browserMissing)('browser: a suggestion from submission to 办结', () => {
  let url = '';

  const site = useDemoSite();

  /** Runs `steps` as `username` in a fresh page, then logs out. */
  async function as(username: string, steps: (page: Page) => Promise<void>) {
    const page = await site().browser.newPage();
    page.on('dialog', (d) => void d.accept()); // the confirm() before irreversible steps
    await login(page, site().base, username, DEMO_PASSWORD);
    await steps(page);
    await logout(page);
    await page.close();
  }
  const status = (page: Page) => page.locator('.props .status').first().textContent();
  async function press(page: Page, name: string) {
    await Promise.all([page.waitForURL(url), page.getByRole('button', { name, exact: true }).click()]);
  }

  it('the deputy submits a suggestion online', async () => {
    await as('deputy', async (page) => {
      await page.goto(`${site().base}/suggestions/new`);
      await page.getByLabel('标题').fill(TITLE);
      await page.getByLabel('类别').selectOption({ label: '农牧业发展' });
      await page.getByLabel('建议内容').fill('哈日干图嘎查北片草场缺少牲畜饮水井，牧民每天赶畜往返十余里饮水。建议新打机井两眼。');
      await Promise.all([page.waitForURL(/\/suggestions\/\d+$/), page.getByRole('button', { name: '提交', exact: true }).click()]);
      url = page.url();
      expect(await status(page)).toBe('待审查');
      expect(await page.getByRole('heading', { name: '办理操作' }).count()).toBe(0);
    });
  });

  it('staff find it, accept it and assign it to 农业农村办公室', async () => {
    await as('staff', async (page) => {
      await page.goto(`${site().base}/suggestions?status=SUBMITTED`);
      await Promise.all([page.waitForURL(url), page.getByRole('link', { name: TITLE }).click()]);
      await press(page, '立案');
      expect(await status(page)).toBe('待交办');
      await page.getByLabel('主办单位').selectOption({ label: '农业农村办公室' });
      await press(page, '交办');
      expect(await status(page)).toBe('待签收');
      expect(await page.locator('.props').nth(1).textContent()).toContain('主办：农业农村办公室');
    });
  });

  it('the unit sees it on its home page, signs it and replies B', async () => {
    await as('unit', async (page) => {
      expect(await page.locator('section', { hasText: '待签收的建议' }).getByRole('link', { name: TITLE }).count()).toBe(1);
      await page.goto(url);
      await press(page, '签收');
      expect(await status(page)).toBe('办理中');
      await page.getByRole('radio', { name: /^B类/ }).check();
      await page.getByLabel('计划完成时间（B类必填）').fill('2025-06-30');
      await page.getByLabel('答复内容').fill('已将该嘎查饮水井列入明年农村牧区饮水安全巩固提升计划。');
      await press(page, '提交答复');
      expect(await status(page)).toBe('待测评');
    });
  });

  it('the deputy reads the reply and rates the result 不满意: it goes back to the unit', async () => {
    await as('deputy', async (page) => {
      expect(Number(await page.locator('.bell .badge').textContent())).toBeGreaterThan(0);
      await page.goto(url);
      expect(await page.getByText('饮水安全巩固提升计划').count()).toBeGreaterThan(0);
      await page.locator('input[name=attitude][value=BASICALLY_SATISFIED]').check();
      await page.locator('input[name=result][value=DISSATISFIED]').check();
      await page.getByLabel('意见（可选）').fill('明年太晚，夏季放牧就需要用水。');
      await press(page, '提交测评');
      expect(await status(page)).toBe('办理中');
      await page.screenshot({ path: path.join(SHOTS, 'suggestion-rehandling.png'), fullPage: true });
    });
  });

  it('the unit re-replies, the deputy rates 满意, and it stays open for 落实', async () => {
    await as('unit', async (page) => {
      await page.goto(url);
      expect(await page.getByText('重新办理后再次答复').count()).toBe(1);
      await page.getByRole('radio', { name: /^B类/ }).check();
      await page.getByLabel('计划完成时间（B类必填）').fill('2025-05-31');
      await page.getByLabel('答复内容').fill('调整计划，利用今年结余资金在5月底前打井两眼。');
      await press(page, '提交答复');
    });
    await as('deputy', async (page) => {
      await page.goto(url);
      await page.locator('input[name=attitude][value=SATISFIED]').check();
      await page.locator('input[name=result][value=SATISFIED]').check();
      await press(page, '提交测评');
      expect(await status(page)).toBe('落实中');
    });
  });

  it('staff mark it 已落实 and the deputy confirms: 办结; another deputy cannot open it', async () => {
    await as('staff', async (page) => {
      await page.goto(url);
      await press(page, '标记已落实');
      expect(await status(page)).toBe('已落实');
    });
    await as('deputy', async (page) => {
      await page.goto(url);
      await press(page, '确认落实并办结');
      expect(await status(page)).toBe('已办结');
      const timeline = await page.locator('.timeline').last().textContent();
      for (const step of ['提交', '立案', '交办', '签收', '答复', '满意度测评', '标记已落实', '确认落实并办结'])
        expect(timeline).toContain(step);
      await page.screenshot({ path: path.join(SHOTS, 'suggestion-closed.png'), fullPage: true });
    });
    await as('deputy2', async (page) => {
      const res = await page.goto(url);
      expect(res?.status()).toBe(404);
    });
  });
});
