import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { createTestApp, csrfFrom, csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { listRoutes } from '../helpers/routes.js';
import { createBannerUser, createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';

/** The banner (旗): its two roles, its read-only view across townships, and opening a township. */
let t: TestApp;
let a: World;
let b: World;
const agents: Record<string, request.Agent> = {};

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2024-11-20T10:00:00+08:00') });
  const db = t.services.db;
  a = await createWorld(db, '甲');
  b = await createWorld(db, '乙');
  // One answered and rated suggestion in A, so that its rates are not empty.
  const mine = a.suggestions.mine;
  await db.suggestion.update({ where: { id: mine.id }, data: { status: 'REPLIED', assignedAt: new Date('2024-03-01T00:00:00+08:00') } });
  await db.reply.create({ data: { suggestionId: mine.id, unitId: a.unit.id, category: 'A', content: '已解决', round: 1 } });
  await db.satisfaction.create({
    data: { suggestionId: mine.id, deputyId: a.deputies.deputyA.id, round: 1, attitude: 'SATISFIED', result: 'SATISFIED' },
  });
  await createBannerUser(db, 'BANNER_ADMIN', 'qi-admin');
  await createBannerUser(db, 'BANNER_VIEWER', 'qi-viewer');
  agents.admin = await loginAs(t.app, 'qi-admin', TEST_PASSWORD);
  agents.viewer = await loginAs(t.app, 'qi-viewer', TEST_PASSWORD);
  for (const [name, w] of [
    ['staffA', a],
    ['sysadminA', a],
  ] as const) {
    agents[name] = await loginAs(t.app, name === 'staffA' ? w.users.staff.username : w.users.sysadmin.username, TEST_PASSWORD);
  }
});
afterAll(() => t.close());

/** Pages for everyone: the home redirect, login, health, one's own account, the public results and the voters' pages (代表码). */
const OPEN = /^\/($|login$|healthz$|account\/|public\/|v\/)/;

describe('banner roles and township roles stay apart', () => {
  it('home: the viewer lands on the banner view, the administrator on the townships', async () => {
    expect((await agents.viewer!.get('/')).headers.location).toBe('/banner');
    expect((await agents.admin!.get('/')).headers.location).toBe('/banner/townships');
  });

  it('neither banner role reaches any township page (every GET route of the router)', async () => {
    const routes = listRoutes(t.app)
      .filter((r) => r.startsWith('GET '))
      .map((r) => r.slice(4))
      .filter((r) => !r.startsWith('/banner') && !OPEN.test(r));
    expect(routes.length).toBeGreaterThan(60);
    for (const route of routes) {
      const url = route.replace(/:(id|eid|year|job)/g, route.includes(':year') ? '2024' : String(a.suggestions.mine.id));
      for (const who of ['viewer', 'admin']) {
        const res = await agents[who]!.get(url);
        expect([403, 404], `${who} GET ${url} → ${res.status}`).toContain(res.status);
      }
    }
  });

  it('township users never reach banner pages; each banner role only its own', async () => {
    const staffA = agents.staffA!;
    const sysadminA = agents.sysadminA!;
    const viewerPages = ['/banner', '/banner/suggestions', '/banner/suggestions/export.xlsx'];
    const adminPages = [
      '/banner/townships',
      '/banner/townships/new',
      `/banner/townships/${a.township.id}/accounts/new`,
      `/banner/townships/${a.township.id}/hosts`,
    ];
    for (const url of [...viewerPages, ...adminPages]) {
      expect((await staffA.get(url)).status, `staff ${url}`).toBe(403);
      expect((await sysadminA.get(url)).status, `sysadmin ${url}`).toBe(403);
      expect((await request(t.app).get(url)).status, `anonymous ${url}`).toBe(303);
    }
    for (const url of viewerPages) {
      expect((await agents.viewer!.get(url).buffer(true).parse(binary)).status, url).toBe(200);
      expect((await agents.admin!.get(url)).status, url).toBe(403);
    }
    for (const url of adminPages) {
      expect((await agents.admin!.get(url)).status, url).toBe(200);
      expect((await agents.viewer!.get(url)).status, url).toBe(403);
    }
  });

  it('the banner roles get no notification bell (its page is for township users)', async () => {
    for (const who of ['viewer', 'admin']) {
      const page = await agents[who]!.get(who === 'viewer' ? '/banner' : '/banner/townships');
      expect(page.text).not.toContain('href="/notifications"');
    }
    expect((await agents.staffA!.get('/')).text).toContain('href="/notifications"');
  });

  it('the banner roles hold no township and see no business data in the admin pages', async () => {
    const page = await agents.admin!.get('/banner/townships');
    expect(page.text).toContain(a.township.name);
    expect(page.text).not.toContain(a.suggestions.mine.title);
    expect(page.text).not.toContain(a.deputies.deputyA.name);
  });
});

describe('the 旗人大常委会 view', () => {
  it('shows every township side by side with the township statistics’ own figures', async () => {
    const page = await agents.viewer!.get('/banner?year=2024');
    expect(page.status).toBe(200);
    const overview = await t.services.banner.overview({ ...(await viewerUser()) }, 2024);
    expect(overview.rows.map((r) => r.name)).toEqual([a.township.name, b.township.name]);
    for (const row of overview.rows) {
      const own = await t.services.suggestionStats.forYear({ townshipId: row.id }, 2024);
      expect({ count: row.count, replied: row.replied, assigned: row.assigned, rated: row.rated, satisfied: row.satisfied }).toEqual({
        count: own.total.count,
        replied: own.total.replied,
        assigned: own.total.assigned,
        rated: own.total.rated,
        satisfied: own.total.satisfied,
      });
      expect(page.text).toContain(row.name);
    }
    const rowA = overview.rows[0]!;
    expect(rowA).toMatchObject({ deputies: 3, stations: 1, count: 2, replied: 1, rated: 1, satisfied: 1 });
    // A: 1 of 1 assigned replied (100.0%), 1 of 1 rated satisfied; B has nothing assigned.
    expect(page.text).toMatch(/100\.0%/);
    expect(overview.total.count).toBe(4);
    expect(page.text).toContain('全旗合计');
  });

  it('the ledger lists both townships, filters by township and words, and exports .xlsx with the township', async () => {
    const all = await agents.viewer!.get('/banner/suggestions');
    expect(all.text).toContain(a.suggestions.mine.title);
    expect(all.text).toContain(b.suggestions.others.title);
    // Drafts stay their author's.
    expect(all.text).not.toContain(a.suggestions.draftOfB.title);
    const onlyB = await agents.viewer!.get(`/banner/suggestions?township=${b.township.id}`);
    expect(onlyB.text).toContain(b.suggestions.mine.title);
    expect(onlyB.text).not.toContain(a.suggestions.mine.title);
    const words = await agents.viewer!.get(`/banner/suggestions?q=${encodeURIComponent('包代表的建议乙')}`);
    expect(words.text).toContain(b.suggestions.others.title);
    expect(words.text).not.toContain(a.suggestions.others.title);
    const status = await agents.viewer!.get('/banner/suggestions?status=REPLIED');
    expect(status.text).toContain(a.suggestions.mine.title);
    expect(status.text).not.toContain(b.suggestions.mine.title);

    const file = await agents.viewer!.get(`/banner/suggestions/export.xlsx?township=${a.township.id}`).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).text).toBe('所属镇');
    expect(sheet.getRow(2).getCell(2).text).toBe('编号');
    const rows = [3, 4].map((r) => [sheet.getRow(r).getCell(1).text, sheet.getRow(r).getCell(3).text]);
    expect(rows).toEqual([
      [a.township.name, a.suggestions.mine.title],
      [a.township.name, a.suggestions.others.title],
    ]);
    expect(sheet.getRow(5).getCell(1).text).toBe('');
    expect(sheet.pageSetup.orientation).toBe('landscape');
  });
});

async function viewerUser() {
  const u = await t.services.db.user.findUniqueOrThrow({ where: { username: 'qi-viewer' } });
  return { ...u, townshipId: -1 };
}

describe('the banner administrator opens a township and its first accounts', () => {
  it('refuses a bad form with Chinese messages and the values kept', async () => {
    const csrf = await csrfOf(agents.admin!);
    const res = await agents
      .admin!.post('/banner/townships')
      .type('form')
      .send({ _csrf: csrf, name: '西湖', county: '测试旗', congressTerm: 'x' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('镇名称应以');
    expect(res.text).toContain('请填写本届开始日期');
    expect(res.text).toContain('value="西湖"');
    await t.services.db.township.create({ data: { name: '东湖镇' } });
    const dup = await agents
      .admin!.post('/banner/townships')
      .type('form')
      .send({ _csrf: csrf, name: '东湖镇', congressTerm: '3', congressStart: '2021-01-10' });
    expect(dup.status).toBe(422);
    expect(dup.text).toContain('已有名为');
  });

  it('creates 西湖镇 with its congress, then one 系统管理员 and one 工作人员, each once, in 西湖镇’s audit log', async () => {
    const db = t.services.db;
    const csrf = await csrfOf(agents.admin!);
    const res = await agents.admin!.post('/banner/townships').type('form').send({
      _csrf: csrf,
      name: '西湖镇',
      county: '测试旗',
      congressTerm: '19',
      congressStart: '2021-01-10',
    });
    expect(res.status).toBe(303);
    const township = await db.township.findUniqueOrThrow({ where: { name: '西湖镇' }, include: { congresses: true } });
    expect(res.headers.location).toBe(`/banner/townships/${township.id}/accounts/new`);
    expect(township.congresses.map((c) => c.term)).toEqual([19]);

    const form = await agents.admin!.get(`/banner/townships/${township.id}/accounts/new`);
    const token = csrfFrom(form.text);
    const made = await agents.admin!.post(`/banner/townships/${township.id}/accounts`).type('form').send({
      _csrf: token,
      role: 'SYSADMIN',
      displayName: '吴系统',
      username: 'xihu-admin',
    });
    expect(made.status).toBe(201);
    const password = /<code>([^<]+)<\/code>/.exec(made.text)![1]!;
    const user = await db.user.findUniqueOrThrow({ where: { username: 'xihu-admin' } });
    expect(user).toMatchObject({ townshipId: township.id, role: 'SYSADMIN', mustChangePassword: true });
    // The new administrator logs in with it, and must change it first.
    const agent = await loginAs(t.app, 'xihu-admin', password);
    expect((await agent.get('/admin/users')).headers.location).toBe('/account/password');

    const again = await agents.admin!.post(`/banner/townships/${township.id}/accounts`).type('form').send({
      _csrf: token,
      role: 'SYSADMIN',
      displayName: '另一个',
      username: 'xihu-admin2',
    });
    expect(again.status).toBe(422);
    expect(again.text).toContain('已有系统管理员账号');
    expect(again.text).toContain('value="xihu-admin2"');
    const staff = await agents.admin!.post(`/banner/townships/${township.id}/accounts`).type('form').send({
      _csrf: token,
      role: 'STAFF',
      displayName: '周工作',
      username: 'xihu-staff',
    });
    expect(staff.status).toBe(201);
    for (const role of ['SECADMIN', 'AUDITOR', 'DEPUTY', 'BANNER_ADMIN']) {
      const refused = await agents
        .admin!.post(`/banner/townships/${township.id}/accounts`)
        .type('form')
        .send({
          _csrf: token,
          role,
          displayName: '某某',
          username: `xihu-${role.toLowerCase().replace('_', '-')}`,
        });
      expect(refused.status, role).toBe(422);
    }
    expect(await db.user.count({ where: { townshipId: township.id } })).toBe(2);
    const log = await db.auditLog.findMany({ where: { townshipId: township.id }, orderBy: { id: 'asc' }, select: { action: true } });
    expect(log.map((l) => l.action).filter((x) => !x.startsWith('login'))).toEqual(['township.create', 'user.create', 'user.create']);
    expect(
      (
        await agents
          .admin!.post('/banner/townships/999999/accounts')
          .type('form')
          .send({ _csrf: token, role: 'STAFF', displayName: 'x', username: 'xyz-x' })
      ).status,
    ).toBe(404);
  });
});
