import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserMissing, login, useDemoSite } from '../helpers/browser.js';
import { DEMO_PASSWORD } from '../../src/demo/index.js';

/** The frame every page shares, as people use it: staff at 1366 px, deputies on a 375 px phone. */
describe.skipIf(browserMissing)('browser: the top bar, focus and the ballot', () => {
  const site = useDemoSite();

  async function desktop(username: string): Promise<Page> {
    const page = await site().browser.newPage({ viewport: { width: 1366, height: 768 } });
    await login(page, site().base, username, DEMO_PASSWORD);
    return page;
  }

  for (const username of ['staff', 'chair']) {
    it(`${username}: the menu fits one row at 1366 px, its groups open and close without leaving the page`, async () => {
      const page = await desktop(username);
      const rows = await page.locator('.navlist > li').evaluateAll((lis) =>
        lis.map((li) => {
          const r = li.getBoundingClientRect();
          return (r.top + r.bottom) / 2;
        }),
      );
      expect(Math.max(...rows) - Math.min(...rows)).toBeLessThan(4);
      const bar = await page.locator('.topbar').boundingBox();
      expect(bar!.height).toBeLessThan(70);
      const dashboard = page.getByRole('link', { name: '数据看板' });
      expect(await dashboard.isVisible()).toBe(false);
      await page.locator('summary', { hasText: '报告统计' }).click();
      expect(await dashboard.isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => dashboard.isVisible()).toBe(false);
      // the summary got the focus back, with the same ring as links and buttons
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
      expect(outline).toBe('solid');
      await page.locator('summary', { hasText: '报告统计' }).click();
      await Promise.all([page.waitForURL(/\/dashboard$/), dashboard.click()]);
      // the group of the page shown is marked
      expect(await page.locator('summary.current').textContent()).toContain('报告统计');
      await page.close();
    });
  }

  it('on a phone the menu’s 提醒, 修改密码 and 退出 are thumb-sized (44 px)', async () => {
    const context = await site().browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await login(page, site().base, 'staff', DEMO_PASSWORD);
    await page.getByRole('button', { name: '菜单' }).click();
    for (const target of [
      page.locator('.account .bell'),
      page.getByRole('link', { name: '修改密码' }),
      page.getByRole('button', { name: '退出' }),
    ]) {
      const box = await target.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
    // a group opens inside the menu
    await page.locator('summary', { hasText: '民生实事' }).click();
    expect(await page.getByRole('link', { name: '会议票决' }).isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('after a failed submit the error summary has the focus, and its links focus the field', async () => {
    const page = await desktop('deputy');
    await page.goto(`${site().base}/account/password`);
    await Promise.all([page.waitForLoadState('domcontentloaded'), page.getByRole('button', { name: /修改密码|保存/ }).click()]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('error-summary');
    const first = page.locator('.error-summary a').first();
    const target = (await first.getAttribute('href'))!.slice(1);
    await first.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(target);
    await page.close();
  });

  it('the ballot asks “提交后不能修改” only once every choice is made', async () => {
    const db = site().t.services.db;
    const session = await db.congressSession.findFirstOrThrow({ where: { votingStatus: 'NOT_OPEN' } });
    const staff = (await site().t.services.auth.findSessionUser((await db.user.findFirstOrThrow({ where: { username: 'staff' } })).id))!;
    await site().t.services.voting.open(staff, session.id);
    const page = await desktop('deputy2');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.accept();
    });
    await page.goto(`${site().base}/`);
    await Promise.all([page.waitForURL(/\/vote$/), page.getByRole('link', { name: '去投票' }).click()]);
    // incomplete: straight to the server, which names what is missing; no confirm first
    await Promise.all([page.waitForLoadState('domcontentloaded'), page.getByRole('button', { name: '提交选票' }).click()]);
    await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
    expect(dialogs).toEqual([]);
    // complete: the confirm, then the ballot is in
    for (const group of await page.locator('[role=radiogroup]').all()) await group.locator('input[type=radio]').first().check();
    await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/ballots')), page.getByRole('button', { name: '提交选票' }).click()]);
    expect(dialogs).toEqual(['选票提交后不能修改，确定提交吗？']);
    await page.goto(`${site().base}/`);
    expect(await page.getByRole('link', { name: '去投票' }).count()).toBe(0);
    await page.close();
  });
});
