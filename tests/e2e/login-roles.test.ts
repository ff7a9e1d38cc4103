import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserMissing, login, logout, SHOTS, useDemoSite } from '../helpers/browser.js';
import { DEMO_PASSWORD } from '../../src/demo/index.js';

/** Each demo account logs in through the real login page and lands on its own home page. */
describe.skipIf(browserMissing)('browser: every role reaches its home page', () => {
  const site = useDemoSite();

  const cases: Array<[username: string, path: string, heading: RegExp, visible: string]> = [
    ['staff', '/', /工作台/, '待审查的建议'],
    ['chair', '/', /工作台/, '我督办的建议'],
    ['member', '/', /工作台/, '我联系的民生实事项目'],
    ['deputy', '/', /宝音图代表，您好/, '我的监督任务'],
    ['deputy2', '/', /陈淑芬代表，您好/, '我的建议'],
    ['unit', '/', /承办工作台：农业农村办公室/, '待签收的建议'],
    ['auditor', '/audit', /审计日志/, '登录成功'],
    ['admin', '/admin/users', /账号管理/, '为代表批量创建账号'],
    ['secadmin', '/admin/locks', /账号解锁/, '被锁定的账号'],
  ];

  for (const [username, expectedPath, heading, visible] of cases) {
    it(`${username} logs in and sees a home page made for the role`, async () => {
      const page = await site().browser.newPage();
      await login(page, site().base, username, DEMO_PASSWORD);
      expect(new URL(page.url()).pathname).toBe(expectedPath);
      await expect.poll(() => page.locator('h1').first().textContent()).toMatch(heading);
      expect(await page.getByText(visible, { exact: false }).count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SHOTS, `home-${username}.png`), fullPage: true });
      await logout(page);
      await page.close();
    });
  }

  it('shows the deputy home page on a phone, menu folded behind a button', async () => {
    const context = await site().browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await login(page, site().base, 'deputy', DEMO_PASSWORD);
    await expect.poll(() => page.getByRole('link', { name: '我的任务' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: '菜单' }).click();
    await expect.poll(() => page.getByRole('link', { name: '我的任务' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'home-deputy-phone.png'), fullPage: true });
    // No horizontal scrolling on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('says so in Chinese when the password is wrong', async () => {
    const page = await site().browser.newPage();
    await page.goto(`${site().base}/login`);
    await page.getByLabel('用户名').fill('staff');
    await page.getByLabel('密码').fill('wrong');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('用户名或密码不正确');
    expect(await page.getByLabel('用户名').inputValue()).toBe('staff');
    await page.close();
  });
});
