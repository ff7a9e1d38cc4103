import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import ExcelJS from 'exceljs';
import { loadConfig } from '../../src/config.js';
import { createApp, type App } from '../../src/app.js';
import { createServices, type Services } from '../../src/services.js';
import { createDb, providerOfDb, type Db } from '../../src/db.js';
import { exclusively } from '../../src/lib/locks.js';
import { createDeadlineReminders } from '../../src/features/notifications/deadline-reminders.js';
import { ROSTER_COLUMNS } from '../../src/features/deputies/deputies.import.js';
import { createTestApp, csrfFrom, type TestApp } from '../helpers/test-app.js';
import { createDeputy, createSuggestion, createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';

/**
 * Two instances of the portal on one database, as behind a load balancer (README, "deploying for a
 * banner"): each with its own client, connection pool and memory. Run on PostgreSQL with
 * TEST_DATABASE_URL; on SQLite the same file stands in for the shared database.
 */
const clock = new Date('2024-03-01T09:00:00+08:00');
let a: TestApp;
let w: World;
let bDb: Db;
let b: { app: App; services: Services };

beforeAll(async () => {
  a = await createTestApp({ now: () => clock });
  w = await createWorld(a.services.db);
  bDb = createDb(a.testDb.url);
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: a.testDb.url, SESSION_SECRET: 'test-secret-test-secret' });
  const services = createServices(bDb, { now: () => clock });
  b = { app: createApp(services, config), services };
});
afterAll(async () => {
  await b.app.close();
  await bDb.$disconnect();
  await a.close();
});

/** Logs in through `app`'s form; returns the session cookie. */
async function login(app: App, username: string): Promise<string[]> {
  const page = await request(app).get('/login');
  const cookies = page.headers['set-cookie'] as unknown as string[];
  const res = await request(app)
    .post('/login')
    .set('Cookie', cookies)
    .type('form')
    .send({ username, password: TEST_PASSWORD, _csrf: csrfFrom(page.text) });
  expect(res.status).toBe(303);
  return [...cookies, ...(res.headers['set-cookie'] as unknown as string[])].map((c) => c.split(';')[0]!);
}

const get = (app: App, cookie: string[], path: string) => request(app).get(path).set('Cookie', cookie);

describe('several instances on one database', () => {
  it('share one login: signed in on one, the other knows the user; logged out on the other, neither does', async () => {
    const cookie = await login(a.app, 'staff');
    const onB = await get(b.app, cookie, '/suggestions');
    expect(onB.status).toBe(200);
    expect(onB.text).toContain('王工作');
    expect((await request(b.app).get('/suggestions')).status).toBe(303); // no cookie: the login page

    const page = await get(b.app, cookie, '/account/password');
    const out = await request(b.app)
      .post('/logout')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    expect(out.status).toBe(303);
    const afterA = await get(a.app, cookie, '/suggestions');
    expect(afterA.status).toBe(303);
    expect(afterA.headers.location).toMatch(/^\/login/);
  });

  it('give every suggestion accepted at once, on either instance, a number of its own', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await createSuggestion(a.services.db, w.township.id, w.deputies.deputyA.id, { year: 2024 })).id);
    // One session per request (as several staff members would), each with its page read first; then all at once.
    const posts = [];
    for (const [i, id] of ids.entries()) {
      const app = i % 2 ? b.app : a.app;
      const cookie = await login(app, 'staff');
      const page = await get(app, cookie, `/suggestions/${id}`);
      const version = /name="version" value="(\d+)"/.exec(page.text)?.[1] ?? '0';
      posts.push(() =>
        request(app)
          .post(`/suggestions/${id}/accept`)
          .set('Cookie', cookie)
          .type('form')
          .send({ _csrf: csrfFrom(page.text), version }),
      );
    }
    const results = await Promise.all(posts.map((post) => post()));
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 303));
    const numbers = (await a.services.db.suggestion.findMany({ where: { id: { in: ids } }, select: { number: true } })).map(
      (s) => s.number,
    );
    // The world holds 2024-001 and 2024-002.
    expect(numbers.sort((x, y) => x! - y!)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('show a roster import started on one instance on the other, and import it once', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('代表名册');
    ws.addRow(ROSTER_COLUMNS.map((c) => c.header));
    const v: Record<string, unknown> = { name: '斯琴', gender: '女', ethnicity: '蒙古族', village: '哈日干图嘎查', levels: '镇' };
    ws.addRow(ROSTER_COLUMNS.map((c) => v[c.field] ?? ''));
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const [onA, onB] = [await login(a.app, 'staff'), await login(b.app, 'staff')];

    const form = await get(a.app, onA, '/deputies/import');
    const up = await request(a.app)
      .post('/deputies/import')
      .set('Cookie', onA)
      .field('_csrf', csrfFrom(form.text))
      .attach('file', file, { filename: '名册.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(up.status).toBe(303);
    const jobPath = up.headers.location!;
    const shown = await get(b.app, onB, jobPath);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('斯琴');

    const commit = (app: App, cookie: string[], csrf: string) =>
      request(app).post(`${jobPath}/commit`).set('Cookie', cookie).type('form').send({ mode: 'all', _csrf: csrf });
    const csrfA = csrfFrom(shown.text.includes('_csrf') ? (await get(a.app, onA, jobPath)).text : '');
    expect((await commit(b.app, onB, csrfFrom(shown.text))).status).toBe(303);
    const again = await commit(a.app, onA, csrfA);
    expect(again.status).toBe(422); // 这份名册已经导入过了: the page shows the import as done
    expect(again.text).toContain('已导入 <strong>1</strong> 名代表');
    expect(await a.services.db.deputy.count({ where: { townshipId: w.township.id, name: '斯琴' } })).toBe(1);
    expect((await get(a.app, onA, jobPath)).text).toContain('已导入 <strong>1</strong> 名代表');
  });

  it('filter text ignoring the case of Latin letters, as SQLite does (ILIKE on PostgreSQL)', async () => {
    await createDeputy(a.services.db, w.township.id, { name: '格日勒', workplace: 'ABC农牧业合作社' });
    await a.services.db.suggestion.update({ where: { id: w.suggestions.mine.id }, data: { title: '关于5G基站建设的建议' } });
    const cookie = await login(b.app, 'staff');
    expect((await get(b.app, cookie, '/deputies?q=abc')).text).toContain('格日勒');
    expect((await get(b.app, cookie, '/suggestions?q=5g%E5%9F%BA%E7%AB%99')).text).toContain('关于5G基站建设的建议');
  });

  it('keep the audit log append-only on either database (SQLite triggers, their PostgreSQL twins)', async () => {
    await login(a.app, 'staff'); // writes an audit row
    const [row] = await a.services.db.auditLog.findMany({ orderBy: { id: 'desc' }, take: 1 });
    expect(row).toBeDefined();
    await expect(a.services.db.$executeRawUnsafe(`UPDATE "AuditLog" SET "detail" = 'x' WHERE "id" = ${row!.id}`)).rejects.toThrow(
      /cannot be changed once written/,
    );
    await expect(a.services.db.$executeRawUnsafe(`DELETE FROM "AuditLog" WHERE "id" = ${row!.id}`)).rejects.toThrow(
      /kept at least 180 days/,
    );
  });

  it('send deadline reminders from one instance at a time', async () => {
    const reminders = createDeadlineReminders(bDb, () => clock);
    if (providerOfDb(bDb) !== 'postgresql') {
      expect(await reminders.runOnce()).toBeTypeOf('number'); // one process owns a SQLite file: no lock
      return;
    }
    // While instance A holds the job's lock, B does not run it; afterwards it does.
    const held = await exclusively(a.services.db, 'portal:deadline-reminders', () => reminders.runOnce(), { wait: false });
    expect(held).toEqual({ ran: true, value: null });
    expect(await reminders.runOnce()).toBeTypeOf('number');
  });
});
