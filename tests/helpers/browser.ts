import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { App } from '../../src/app.js';
import { createTestApp, type TestApp } from './test-app.js';
import { seedDemo } from '../../src/demo/index.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser tests need Debian's Chromium (`apt-get install chromium`; .ci/run installs it).
 * On CI its absence is a failure; on a developer machine without it the journeys are skipped
 * with this reason.
 */
export const browserMissing = !fs.existsSync(CHROMIUM) && process.env.CI !== 'true';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--no-first-run',
    ],
  });
}

/** Serves the app on a free loopback port. */
export async function serve(app: App): Promise<{ url: string; server: Server }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export async function login(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.getByRole('button', { name: '登录' }).click()]);
}

export async function logout(page: Page): Promise<void> {
  await Promise.all([page.waitForURL(/\/login$/), page.getByRole('button', { name: '退出' }).click()]);
}

export const SHOTS = path.resolve('tmp/screens');

export type DemoSite = { t: TestApp; browser: Browser; server: Server; base: string };

/**
 * A real app on a fresh database filled with the 东明镇 demo data, served on loopback, and a
 * Chromium to drive it; screenshots go to tmp/screens/.
 */
async function startDemoSite(): Promise<DemoSite> {
  const t = await createTestApp();
  await seedDemo(t.services.db);
  const { url: base, server } = await serve(t.app);
  const browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
  return { t, browser, server, base };
}

/**
 * The demo site (`startDemoSite`) for the tests of the describe block this is called in: started
 * before them, closed after them. The accessor gives it to the tests and to hooks registered after
 * this call (it throws if read before the site started, e.g. at collection time).
 */
export function useDemoSite(): () => DemoSite {
  let site: DemoSite | undefined;
  beforeAll(async () => {
    site = await startDemoSite();
  });
  afterAll(async () => {
    await site?.browser.close();
    site?.server.close();
    await site?.t.close();
  });
  return () => {
    if (!site) throw new Error('useDemoSite: the demo site has not started (read it inside a test or a later hook)');
    return site;
  };
}
