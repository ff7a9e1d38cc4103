import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../helpers/test-app.js';
import { BANNER_DEMO_ACCOUNTS, DEMO_PASSWORD, SECOND_TOWNSHIP, seedDemo } from '../../src/demo/index.js';

/** The demo's banner: 八仙筒镇 beside 东明镇, the banner's accounts, and each township on its own. */
let t: TestApp;
const today = new Date('2026-12-05T10:00:00+08:00');
beforeAll(async () => {
  t = await createTestApp({ now: () => today });
  await seedDemo(t.services.db, { now: today });
}, 120_000);
afterAll(() => t.close());

describe('the demo banner', () => {
  it('every banner demo account logs in', async () => {
    for (const a of BANNER_DEMO_ACCOUNTS) {
      const agent = await loginAs(t.app, a.username, DEMO_PASSWORD);
      expect((await agent.get('/')).status, a.username).toBeLessThan(400);
    }
  });

  it('the 旗人大常委会 sees both townships side by side, with rates, and the ledger across them', async () => {
    const banner = await loginAs(t.app, 'banner', DEMO_PASSWORD);
    const page = await banner.get('/banner');
    expect(page.status).toBe(200);
    expect(page.text).toContain('东明镇');
    expect(page.text).toContain(SECOND_TOWNSHIP.name);
    expect(page.text).toContain('奈曼旗');
    const user = await t.services.db.user.findUniqueOrThrow({ where: { username: 'banner' } });
    const { rows } = await t.services.banner.overview({ ...user, townshipId: -1 }, 2026);
    const second = rows.find((r) => r.name === SECOND_TOWNSHIP.name)!;
    // 6 numbered this year; 4 answered of 6 assigned; 3 rated, 2 of them satisfied or basically; 1 overdue.
    expect(second).toMatchObject({
      deputies: 5,
      stations: 1,
      received: 7,
      count: 6,
      assigned: 6,
      replied: 4,
      rated: 3,
      satisfied: 2,
      overdue: 1,
      closed: 1,
    });
    expect(page.text).toContain('66.7%');
    const ledger = await banner.get('/banner/suggestions?q=农贸市场');
    expect(ledger.text).toContain('关于改造八仙筒镇区农贸市场的建议');
  });

  it('八仙筒镇’s staff see their own township only', async () => {
    const staff = await loginAs(t.app, 'bxt-staff', DEMO_PASSWORD);
    const list = await staff.get('/suggestions?scope=all');
    expect(list.text).toContain('关于硬化八仙筒村通村道路的建议');
    const dongming = await t.services.db.suggestion.findMany({
      where: { township: { name: '东明镇' }, status: { not: 'DRAFT' } },
      take: 20,
    });
    for (const s of dongming) expect(list.text).not.toContain(s.title);
    const roster = await staff.get('/deputies');
    expect(roster.text).toContain('敖日格乐');
    expect(roster.text).not.toContain('宝音图');
    expect((await staff.get(`/suggestions/${dongming[0]!.id}`)).status).toBe(404);
  });
});
