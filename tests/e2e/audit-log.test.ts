import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserMissing, login, SHOTS, useDemoSite } from '../helpers/browser.js';
import { DEMO_PASSWORD } from '../../src/demo/index.js';

/** The auditor's log on a 1366 px office screen and a 375 px phone. */
describe.skipIf(browserMissing)('browser: the audit log', () => {
  const site = useDemoSite();

  for (const [name, viewport] of [
    ['1366', { width: 1366, height: 768 }],
    ['375', { width: 375, height: 740 }],
  ] as const) {
    it(`at ${name} px: Chinese rows, filters that fit, 44 px controls, no sideways scrolling`, async () => {
      const context = await site().browser.newContext({ viewport, isMobile: name === '375', hasTouch: name === '375' });
      const page = await context.newPage();
      await login(page, site().base, 'auditor', DEMO_PASSWORD);
      await page.goto(`${site().base}/audit`);
      expect(await page.locator('h1').textContent()).toBe('审计日志');
      expect(await page.locator('.audit-ok').textContent()).toContain('完整性校验通过');
      expect(await page.locator('.audit-table tbody tr').count()).toBeGreaterThan(0);
      await page.getByLabel('结果').selectOption('SUCCESS');
      await Promise.all([page.waitForURL(/result=SUCCESS/), page.getByRole('button', { name: '筛选' }).click()]);
      for (const control of [page.getByLabel('用户'), page.getByLabel('操作类别'), page.getByRole('button', { name: '筛选' })]) {
        expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      }
      expect(await page.locator('.audit-table').textContent()).toContain('成功');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `audit-${name}.png`), fullPage: false });
      await context.close();
    });
  }
});
