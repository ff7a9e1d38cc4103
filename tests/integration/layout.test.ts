import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app.js';
import { worldApp } from '../helpers/world-app.js';
import type { World } from '../helpers/factories.js';

let t: TestApp;
let w: World;
let staff: request.Agent;
beforeAll(async () => {
  ({ t, w, staff } = await worldApp({ now: () => new Date('2024-06-01T10:00:00+08:00') }));
});
afterAll(() => t.close());

describe('the frame of every page', () => {
  it('serves a favicon (ICO and SVG) without a login', async () => {
    const ico = await request(t.app).get('/favicon.ico');
    expect(ico.status).toBe(200);
    expect(ico.headers['content-type']).toContain('icon');
    expect((await request(t.app).get('/favicon.svg')).status).toBe(200);
    expect((await staff.get('/')).text).toContain('<link rel="icon" href="/favicon.svg"');
  });

  it('names every dashboard chart for assistive technology (role="img", aria-label and <title>)', async () => {
    const page = (await staff.get('/dashboard?year=2024')).text;
    const svgs = page.match(/<svg [^>]*>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(5);
    for (const svg of svgs) expect(svg).toMatch(/role="img" aria-label="[^"]+"/);
    expect(page).toMatch(/<title>2024年代表活动人次（按月）：1月0人次，2月0人次，3月1人次/);
  });

  it('gives print pages a <main> landmark', async () => {
    const record = await staff.get(`/deputies/${w.deputies.deputyA.id}/record?year=2024`);
    expect(record.status).toBe(200);
    expect(record.text).toContain('<main id="main">');
    expect(record.text).toContain('</main>');
  });

  it('groups the menu: the presidium’s pages sit in a few groups, the current one marked', async () => {
    const page = (await staff.get('/activities/stats')).text;
    expect(page.match(/<summary/g)?.length).toBe(3);
    expect(page).toContain('<a href="/activities/stats" aria-current="page">活动人次统计</a>');
    expect(page).not.toContain('<a href="/activities" aria-current="page">');
    expect(page).toContain('<summary class="current">报告统计</summary>');
  });
});
