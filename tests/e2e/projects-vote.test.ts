import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserMissing, login, logout, SHOTS, useDemoSite } from '../helpers/browser.js';
import { DEMO_PASSWORD } from '../../src/demo/index.js';

/**
 * The yearly cycle in a real browser on the 东明镇 demo data: staff open voting at the 5th session →
 * two deputies vote online → staff enter the paper ballots and close it → a project passes → the
 * chair assigns an inspection task → the deputy files the report at /me/tasks → the chair closes it.
 */
describe.skipIf(browserMissing)('browser: 票决 and a supervision task, end to end', () => {
  let sessionId: number;
  let candidates: { id: number; name: string }[];

  const site = useDemoSite();
  beforeAll(async () => {
    const session = await site().t.services.db.congressSession.findFirstOrThrow({ where: { votingStatus: 'NOT_OPEN' } });
    sessionId = session.id;
    candidates = await site().t.services.db.livelihoodProject.findMany({
      where: { sessionId, phase: 'SHORTLISTED' },
      orderBy: { id: 'asc' },
      select: { id: true, name: true },
    });
    expect(candidates).toHaveLength(2);
  });

  async function as(username: string, phone = false): Promise<Page> {
    const context = await site().browser.newContext(
      phone ? { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } },
    );
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await login(page, site().base, username, DEMO_PASSWORD);
    return page;
  }
  const done = async (page: Page) => {
    // On a phone the logout button is in the folded menu.
    if (await page.getByRole('button', { name: '菜单' }).isVisible()) await page.getByRole('button', { name: '菜单' }).click();
    await logout(page);
    await page.context().close();
  };
  const submit = (page: Page, name: string) =>
    Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name, exact: true }).click()]);

  it('staff open voting at the coming session (the 6th)', async () => {
    const page = await as('staff');
    await page.goto(`${site().base}/sessions`);
    await page.getByRole('link', { name: '票决管理' }).first().click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('第六次会议');
    await page.screenshot({ path: path.join(SHOTS, 'session-manage.png'), fullPage: true });
    await submit(page, '开始票决');
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('票决已开始');
    await done(page);
  });

  for (const [username, phone] of [
    ['deputy', true],
    ['deputy2', false],
  ] as const) {
    it(`${username} votes online once`, async () => {
      const page = await as(username, phone);
      await page.goto(`${site().base}/sessions`);
      await page.getByRole('link', { name: '去投票' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('民生实事项目票决');
      await page
        .getByRole('radiogroup', { name: `对“${candidates[0]!.name}”的表决` })
        .getByLabel('赞成')
        .check();
      await page
        .getByRole('radiogroup', { name: `对“${candidates[1]!.name}”的表决` })
        .getByLabel('反对')
        .check();
      for (const group of await page.getByRole('radiogroup', { name: /的测评$/ }).all())
        await group.getByLabel('满意', { exact: true }).check();
      if (phone) {
        await page.screenshot({ path: path.join(SHOTS, 'vote-phone.png'), fullPage: true });
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      }
      await submit(page, '提交选票');
      await expect.poll(() => page.locator('.flash-success').first().textContent()).toContain('您的选票已提交');
      expect(await page.getByRole('button', { name: '提交选票' }).count()).toBe(0);
      await done(page);
    });
  }

  it('staff enter the counted paper ballots and close voting; the first candidate passes', async () => {
    const page = await as('staff');
    await page.goto(`${site().base}/sessions/${sessionId}`);
    await page.locator(`input[name="for_${candidates[0]!.id}"]`).fill('28');
    await page.locator(`input[name="against_${candidates[0]!.id}"]`).fill('2');
    await page.locator(`input[name="for_${candidates[1]!.id}"]`).fill('12');
    await page.locator(`input[name="against_${candidates[1]!.id}"]`).fill('16');
    await page.locator(`input[name="abstain_${candidates[1]!.id}"]`).fill('2');
    await submit(page, '保存计票结果');
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('纸质选票计票结果已录入');
    await submit(page, '结束票决');
    await expect.poll(() => page.locator('h1').textContent()).toBe('票决结果');
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.nth(0).textContent()).toContain('通过');
    expect(await rows.nth(0).locator('td[data-label="赞成"]').textContent()).toBe('30');
    expect(await rows.nth(1).locator('td[data-label="结果"]').textContent()).toContain('未通过');
    await page.screenshot({ path: path.join(SHOTS, 'session-results.png'), fullPage: true });
    await done(page);
    const [first, second] = await Promise.all(
      candidates.map((c) => site().t.services.db.livelihoodProject.findUniqueOrThrow({ where: { id: c.id } })),
    );
    expect([first!.phase, second!.phase]).toEqual(['PASSED', 'REJECTED']);
  });

  it('the chair assigns an inspection of the passed project to 宝音图', async () => {
    const page = await as('chair');
    await page.goto(`${site().base}/projects/${candidates[0]!.id}`);
    await page.getByRole('link', { name: '安排视察任务' }).click();
    await page.getByLabel('任务名称').fill('视察标准化棚圈项目开工准备');
    await page.getByLabel('截止日期').fill('2099-05-31');
    await page.getByLabel('任务要求').fill('查看选址和开工准备情况，提交视察报告。');
    await page.locator('#deputyIds').getByLabel('宝音图', { exact: true }).check();
    await submit(page, '发布任务');
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('已发布监督任务');
    await done(page);
  });

  it('宝音图 accepts it and files the report at /me/tasks', async () => {
    const page = await as('deputy', true);
    await page.goto(`${site().base}/me/tasks`);
    await page.getByRole('link', { name: '视察标准化棚圈项目开工准备' }).click();
    await submit(page, '接受任务');
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('您已接受该任务');
    await page.getByLabel('履职日期').fill('2025-04-10');
    await page.getByLabel('报告内容').fill('实地查看了哈日干图嘎查棚圈选址，走访牧户5户。');
    await page.getByLabel('发现的问题和意见建议').fill('2处选址离水源较远，建议调整。');
    await submit(page, '提交报告');
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('报告已提交');
    await page.screenshot({ path: path.join(SHOTS, 'task-deputy-phone.png'), fullPage: true });
    await done(page);
  });

  it('the chair approves the report and the task closes', async () => {
    const page = await as('chair');
    await page.goto(`${site().base}/tasks`);
    await page.getByRole('link', { name: '视察标准化棚圈项目开工准备' }).click();
    await expect.poll(() => page.getByText('2处选址离水源较远').count()).toBe(1);
    await page.getByLabel('审核意见（可选）').fill('报告已收悉。');
    await submit(page, '审核通过');
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('审核通过');
    await expect.poll(() => page.locator('dl.props').first().textContent()).toContain('已关闭');
    await page.screenshot({ path: path.join(SHOTS, 'task-closed.png'), fullPage: true });
    await done(page);
    const task = await site().t.services.db.supervisionTask.findFirstOrThrow({
      where: { title: '视察标准化棚圈项目开工准备' },
      include: { events: true },
    });
    expect(task.status).toBe('CLOSED');
    expect(task.events.map((e) => e.action)).toEqual(['create', 'assign', 'accept', 'submit', 'approve', 'close']);
  });
});
