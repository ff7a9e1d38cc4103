import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, csrfFrom, csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { createWorld, TEST_PASSWORD } from '../helpers/factories.js';
import { DEMO_PASSWORD, SECOND_TOWNSHIP, seedDemo } from '../../src/demo/index.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';

/**
 * Township host names (issue 14): without a login, a request serves the township of its host name
 * (Express's req.hostname) — the public results and the login page's heading — in the two-township
 * demo (东明镇 and 八仙筒镇): at the banner's address, a choice of townships, each at its own path; at a
 * township's host, its own results and nothing of the other's. One township with no host names
 * works as before.
 */
const today = new Date('2026-12-05T10:00:00+08:00');
const PUBLIC = ['REPLIED', 'IMPLEMENTING', 'IMPLEMENTED', 'CLOSED'] as const;
const DM_HOST = 'dongming.renda.example.cn';
const BXT_HOST = 'baxiantong.renda.example.cn';
const BANNER_HOST = 'renda.example.cn';

type Side = { id: number; name: string; titles: string[]; one: number };

let t: TestApp;
let dm: Side;
let bxt: Side;
let admin: request.Agent;

async function sideOf(name: string): Promise<Side> {
  const db = t.services.db;
  const township = await db.township.findUniqueOrThrow({ where: { name } });
  const rows = await db.suggestion.findMany({
    where: { townshipId: township.id, status: { in: [...PUBLIC] }, publicWithheld: false },
    orderBy: { id: 'asc' },
    select: { id: true, title: true },
  });
  return { id: township.id, name, titles: rows.map((r) => r.title), one: rows[0]!.id };
}

const at = (host: string, path: string) => request(t.app).get(path).set('Host', host);
const noneOf = (text: string, titles: string[]) => titles.filter((x) => text.includes(x));

beforeAll(async () => {
  t = await createTestApp({ now: () => today });
  await seedDemo(t.services.db, { now: today });
  dm = await sideOf('东明镇');
  bxt = await sideOf(SECOND_TOWNSHIP.name);
  admin = await loginAs(t.app, 'banner-admin', DEMO_PASSWORD);
}, 180_000);
afterAll(() => t.close());

describe('two townships, no host names: the banner’s address', () => {
  it('the public page offers both townships, each at a path that needs no host name, and shows no township’s results', async () => {
    expect(dm.titles.length).toBeGreaterThan(3);
    expect(bxt.titles.length).toBeGreaterThan(1);
    const res = await at(BANNER_HOST, '/public/suggestions');
    expect(res.status).toBe(200);
    expect(res.text).toContain(`href="/public/t/${dm.id}/suggestions"`);
    expect(res.text).toContain(`href="/public/t/${bxt.id}/suggestions"`);
    expect(noneOf(res.text, [...dm.titles, ...bxt.titles])).toEqual([]);
    // No township is chosen, so a suggestion's own page is not served at the bare address.
    expect((await at(BANNER_HOST, `/public/suggestions/${dm.one}`)).status).toBe(404);
  });

  it('each township’s path shows its own results and never the other’s', async () => {
    for (const [mine, theirs] of [
      [dm, bxt],
      [bxt, dm],
    ] as const) {
      const list = await at(BANNER_HOST, `/public/t/${mine.id}/suggestions`);
      expect(list.status).toBe(200);
      expect(list.text).toContain(`${mine.name}代表建议办理结果公开`);
      expect(list.text).toContain(`${mine.name}人大主席团工作平台`);
      expect(noneOf(list.text, mine.titles).length).toBeGreaterThan(0);
      expect(noneOf(list.text, theirs.titles)).toEqual([]);
      const one = await at(BANNER_HOST, `/public/t/${mine.id}/suggestions/${mine.one}`);
      expect(one.status).toBe(200);
      expect(one.text).toContain(`href="/public/t/${mine.id}/suggestions"`);
      // The other township's suggestion under this township's path: not found.
      expect((await at(BANNER_HOST, `/public/t/${mine.id}/suggestions/${theirs.one}`)).status).toBe(404);
    }
    expect((await at(BANNER_HOST, '/public/t/999999/suggestions')).status).toBe(404);
    expect((await at(BANNER_HOST, '/public/t/abc/suggestions')).status).toBe(404);
  });

  it('the login page names the banner, not a township', async () => {
    const res = await at(BANNER_HOST, '/login');
    expect(res.status).toBe(200);
    expect(res.text).toContain('奈曼旗人大代表工作平台');
    expect(res.text).not.toContain('东明镇');
    expect(res.text).not.toContain(SECOND_TOWNSHIP.name);
  });
});

describe('the banner administrator sets the host names', () => {
  const post = async (township: number, hosts: string) => {
    const page = await admin.get(`/banner/townships/${township}/hosts`);
    return admin
      .post(`/banner/townships/${township}/hosts`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), hosts });
  };

  it('refuses what is not a host name, with a clear Chinese message and the value kept', async () => {
    const url = await post(dm.id, `https://${DM_HOST}/public`);
    expect(url.status).toBe(422);
    expect(url.text).toContain('不是域名：只填写域名，不带 http://、端口和路径');
    expect(url.text).toContain(`https://${DM_HOST}/public</textarea>`);
    const bad = await post(dm.id, 'dong_ming.example.cn');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('“dong_ming.example.cn”不是有效的域名');
    const many = await post(dm.id, ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `${x}.example.cn`).join(' '));
    expect(many.status).toBe(422);
    expect(many.text).toContain('每个镇最多5个访问域名');
    expect(await t.services.db.townshipHost.count()).toBe(0);
  });

  it('saves them normalized (lower case, once each) and audits the change in the township’s own log', async () => {
    const res = await post(dm.id, `Dongming.Renda.Example.CN\nwww.dongming.example.cn，${DM_HOST}`);
    expect(res.status).toBe(303);
    expect(await t.services.townshipHosts.of(dm.id)).toEqual([DM_HOST, 'www.dongming.example.cn']);
    const row = await t.services.db.auditLog.findFirstOrThrow({ where: { action: 'township.hosts' }, orderBy: { id: 'desc' } });
    expect(row.townshipId).toBe(dm.id);
    expect(row.entityId).toBe(String(dm.id));
    const list = await admin.get('/banner/townships');
    expect(list.text).toContain(`${DM_HOST}、www.dongming.example.cn`);
    expect(list.text).toContain('已设置东明镇的访问域名');
  });

  it('a host name belongs to one township only', async () => {
    const res = await post(bxt.id, `${BXT_HOST} ${DM_HOST}`);
    expect(res.status).toBe(422);
    expect(res.text).toContain(`域名 ${DM_HOST} 已是东明镇的访问域名`);
    expect(await t.services.townshipHosts.of(bxt.id)).toEqual([]);
    expect((await post(bxt.id, BXT_HOST)).status).toBe(303);
    // A new township too: its host names are checked when it is opened.
    const page = await admin.get('/banner/townships/new');
    const form = { name: '新镇镇', county: '奈曼旗', congressTerm: '1', congressStart: '2026-01-01', _csrf: csrfFrom(page.text) };
    const clash = await admin
      .post('/banner/townships')
      .type('form')
      .send({ ...form, hosts: BXT_HOST });
    expect(clash.status).toBe(422);
    expect(clash.text).toContain(`域名 ${BXT_HOST} 已是八仙筒镇的访问域名`);
    expect(await t.services.db.township.count({ where: { name: '新镇镇' } })).toBe(0);
  });

  it('only the banner administrator may set them', async () => {
    const viewer = await loginAs(t.app, 'banner', DEMO_PASSWORD);
    const staff = await loginAs(t.app, 'staff', DEMO_PASSWORD);
    const sysadmin = await loginAs(t.app, 'admin', DEMO_PASSWORD);
    for (const agent of [viewer, staff, sysadmin]) {
      expect((await agent.get(`/banner/townships/${dm.id}/hosts`)).status).toBe(403);
      const res = await agent
        .post(`/banner/townships/${dm.id}/hosts`)
        .type('form')
        .send({ _csrf: await csrfOf(agent), hosts: 'evil.example.cn' });
      expect(res.status).toBe(403);
    }
    expect((await request(t.app).get(`/banner/townships/${dm.id}/hosts`)).status).toBe(303);
    expect(await t.services.townshipHosts.of(dm.id)).toEqual([DM_HOST, 'www.dongming.example.cn']);
  });
});

describe('at a township’s host name', () => {
  it('the login page and the error pages carry its name', async () => {
    for (const [host, mine, theirs] of [
      [DM_HOST, '东明镇', SECOND_TOWNSHIP.name],
      [BXT_HOST, SECOND_TOWNSHIP.name, '东明镇'],
    ] as const) {
      const login = await at(host, '/login');
      expect(login.text).toContain(`${mine}人大主席团工作平台`);
      expect(login.text).not.toContain(theirs);
      const missing = await at(host, '/no-such-page');
      expect(missing.status).toBe(404);
      expect(missing.text).toContain(`${mine}人大主席团工作平台`);
    }
    // Host names are matched as Express gives them: without the port, in any case.
    expect((await at('WWW.Dongming.Example.cn:8443', '/login')).text).toContain('东明镇人大主席团工作平台');
  });

  it('the public results are its own: none of the other township’s, not even by their path or id', async () => {
    for (const [host, mine, theirs] of [
      [DM_HOST, dm, bxt],
      [BXT_HOST, bxt, dm],
    ] as const) {
      const list = await at(host, '/public/suggestions');
      expect(list.status).toBe(200);
      expect(list.text).toContain(`${mine.name}代表建议办理结果公开`);
      expect(noneOf(list.text, mine.titles).length).toBeGreaterThan(0);
      expect(noneOf(list.text, theirs.titles)).toEqual([]);
      expect(list.text).toContain(`href="/public/suggestions/${mine.one}"`);
      expect((await at(host, `/public/suggestions/${mine.one}`)).status).toBe(200);
      expect((await at(host, `/public/suggestions/${theirs.one}`)).status).toBe(404);
      expect((await at(host, `/public/t/${theirs.id}/suggestions`)).status).toBe(404);
      expect((await at(host, `/public/t/${theirs.id}/suggestions/${theirs.one}`)).status).toBe(404);
      expect((await at(host, `/public/t/${mine.id}/suggestions`)).status).toBe(200);
    }
    // The banner's own address still offers both.
    expect((await at(BANNER_HOST, '/public/suggestions')).text).toContain(`href="/public/t/${bxt.id}/suggestions"`);
  });

  it('a voter’s code and a logged-in user keep their own township, whatever the host', async () => {
    const db = t.services.db;
    const deputy = await db.deputy.findFirstOrThrow({ where: { townshipId: bxt.id, status: 'ACTIVE' } });
    const code = deputy.voterCode ?? 'BXTQRSTUVW23';
    if (!deputy.voterCode) await db.deputy.update({ where: { id: deputy.id }, data: { voterCode: code } });
    const page = await at(DM_HOST, `/v/d/${code}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`${SECOND_TOWNSHIP.name}人大主席团工作平台`);
    expect(page.text).not.toContain('东明镇');
    const staff = request.agent(t.app);
    const login = await staff.get('/login').set('Host', DM_HOST);
    await staff
      .post('/login')
      .set('Host', DM_HOST)
      .type('form')
      .send({ username: 'bxt-staff', password: DEMO_PASSWORD, _csrf: csrfFrom(login.text) })
      .expect(303);
    const home = await staff.get('/suggestions').set('Host', DM_HOST);
    expect(home.status).toBe(200);
    expect(home.text).toContain(`${SECOND_TOWNSHIP.name}人大主席团工作平台`);
    expect(home.text).not.toContain('东明镇人大主席团工作平台');
  });

  it('behind a proxy, with TRUST_PROXY, the forwarded host decides; without it, the forwarded host is ignored', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: t.testDb.url,
      SESSION_SECRET: 'test-secret-test-secret',
      TRUST_PROXY: 'true',
    });
    const proxied = createApp(t.services, config);
    try {
      const res = await request(proxied).get('/login').set('Host', '10.0.0.11:3000').set('X-Forwarded-Host', BXT_HOST);
      expect(res.text).toContain(`${SECOND_TOWNSHIP.name}人大主席团工作平台`);
    } finally {
      await proxied.close();
    }
    const direct = await request(t.app).get('/login').set('Host', '10.0.0.11:3000').set('X-Forwarded-Host', BXT_HOST);
    expect(direct.text).toContain('奈曼旗人大代表工作平台');
  });
});

describe('one township, no configuration', () => {
  let one: TestApp;
  afterAll(() => one?.close());

  it('any host serves the only township: its results, and its name on the login page', async () => {
    one = await createTestApp();
    const w = await createWorld(one.services.db);
    const s = w.suggestions.mine;
    await one.services.db.suggestion.update({ where: { id: s.id }, data: { status: 'REPLIED' } });
    await one.services.db.reply.create({ data: { suggestionId: s.id, unitId: w.unit.id, category: 'A', content: '已解决', round: 1 } });
    for (const host of ['127.0.0.1', 'localhost', 'portal.example.cn']) {
      const list = await request(one.app).get('/public/suggestions').set('Host', host);
      expect(list.status).toBe(200);
      expect(list.text).toContain(`${w.township.name}代表建议办理结果公开`);
      expect(list.text).toContain(s.title);
      expect((await request(one.app).get(`/public/suggestions/${s.id}`).set('Host', host)).status).toBe(200);
      expect((await request(one.app).get('/login').set('Host', host)).text).toContain(`${w.township.name}人大主席团工作平台`);
    }
    expect((await request(one.app).get(`/public/t/${w.township.id}/suggestions`)).text).toContain(s.title);
    // A staff login works as before.
    await loginAs(one.app, w.users.staff.username, TEST_PASSWORD);
  });
});
