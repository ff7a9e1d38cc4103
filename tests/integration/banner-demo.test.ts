import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type request from 'supertest';
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

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

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

  it('八仙筒镇’s pages, print sheets and ledger carry its own name, never 东明镇', async () => {
    const staff = await loginAs(t.app, 'bxt-staff', DEMO_PASSWORD);
    const own = await t.services.db.suggestion.findFirstOrThrow({ where: { township: { name: SECOND_TOWNSHIP.name }, number: 1 } });
    for (const url of ['/', '/suggestions', `/suggestions/${own.id}`, `/suggestions/${own.id}/print`]) {
      const res = await staff.get(url);
      expect(res.status, url).toBe(200);
      expect(res.text, url).toContain('八仙筒镇');
      expect(res.text, url).not.toContain('东明镇');
    }
    const file = await staff.get('/suggestions/export.xlsx').buffer(true).parse(binary);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as ArrayBuffer);
    expect(book.worksheets[0]!.getCell(1, 1).text).toBe('八仙筒镇人大代表建议办理台账');
  });
});
