import path from 'node:path';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { browserMissing, login, SHOTS, useDemoSite } from '../helpers/browser.js';
import { DEMO_PASSWORD } from '../../src/demo/index.js';

/**
 * The system administrator makes logins for the deputies without one and prints their slips; a
 * deputy logs in on a phone with the slip, must change the password, and sees their sessions.
 */
describe.skipIf(browserMissing)('browser: deputy logins from the roster, slips, first login, sessions', () => {
  const site = useDemoSite();

  let slip: { username: string; password: string } | null = null;

  it('the system administrator creates the logins and prints one A4 slip per deputy', async () => {
    const page = await site().browser.newPage({ viewport: { width: 1366, height: 900 } });
    await login(page, site().base, 'admin', DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    await page.screenshot({ path: path.join(SHOTS, 'admin-users.png'), fullPage: true });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.screenshot({ path: path.join(SHOTS, 'admin-users-phone.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('link', { name: /为代表批量创建账号/ }).click();
    const boxes = await page.locator('input[name="deputyIds"]').count();
    expect(boxes).toBeGreaterThan(10);
    await page.screenshot({ path: path.join(SHOTS, 'admin-bulk.png'), fullPage: true });
    await Promise.all([page.waitForURL(/\/admin\/credentials$/), page.getByRole('button', { name: '为勾选的代表创建账号' }).click()]);
    expect(await page.locator('td.secret').count()).toBe(boxes);
    slip = {
      username: (await page.locator('td.username').first().textContent())!.trim(),
      password: (await page.locator('td.secret').first().textContent())!.trim(),
    };
    await page.goto(`${site().base}/admin/credentials/slips`);
    const pdf = path.join(SHOTS, 'login-slips.pdf');
    await page.emulateMedia({ media: 'print' });
    fs.writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(boxes); // one page per deputy
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-']).toString();
    expect(text).toContain('账号登录通知');
    expect(text).toContain(slip.password);
    expect(execFileSync('pdffonts', [pdf]).toString()).toMatch(/NotoSansSC|Noto Sans SC/i);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, path.join(SHOTS, 'login-slip')]);
    await page.close();
  });

  it('a deputy logs in on a phone with the slip, must change the password, then sees their sessions', async () => {
    expect(slip).not.toBeNull();
    const context = await site().browser.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
      userAgent: 'Mozilla/5.0 (Linux; Android 12; V2111A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
    });
    const phone = await context.newPage();
    await login(phone, site().base, slip!.username, slip!.password);
    expect(new URL(phone.url()).pathname).toBe('/account/password');
    await phone.screenshot({ path: path.join(SHOTS, 'first-login-phone.png'), fullPage: true });
    await phone.getByLabel(/初始密码/).fill(slip!.password);
    await phone.getByLabel('新密码', { exact: true }).fill('password123');
    await phone.getByLabel('再次输入新密码').fill('password123');
    await phone.getByRole('button', { name: '保存新密码' }).click();
    await expect.poll(() => phone.locator('.field-error').first().textContent()).toContain('至少三种');
    await phone.getByLabel(/初始密码/).fill(slip!.password);
    await phone.getByLabel('新密码', { exact: true }).fill('Caoyuan-Muchang-88');
    await phone.getByLabel('再次输入新密码').fill('Caoyuan-Muchang-88');
    await Promise.all([phone.waitForURL((u) => u.pathname === '/'), phone.getByRole('button', { name: '保存新密码' }).click()]);

    const desk = await site().browser.newPage({ viewport: { width: 1366, height: 800 } });
    await login(desk, site().base, slip!.username, 'Caoyuan-Muchang-88');
    await desk.goto(`${site().base}/account/sessions`);
    expect(await desk.locator('.session').count()).toBe(2);
    expect(await desk.getByText('Android 手机 · Chrome 120').count()).toBe(1);
    await desk.screenshot({ path: path.join(SHOTS, 'sessions-desktop.png'), fullPage: true });
    await phone.goto(`${site().base}/account/sessions`);
    await phone.screenshot({ path: path.join(SHOTS, 'sessions-phone.png'), fullPage: true });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await Promise.all([desk.waitForURL(/\/account\/sessions$/), desk.getByRole('button', { name: '退出此设备' }).click()]);
    await phone.reload();
    expect(new URL(phone.url()).pathname).toBe('/login');
    await desk.close();
    await context.close();
  });
});
