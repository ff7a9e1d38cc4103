import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, csrfFrom, csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';

/** Sessions: what they cost, their limits, the "登录设备" page, and the forced password change. */
let t: TestApp;
let w: World;
let clock = new Date('2026-11-30T08:00:00+08:00');
const tick = (ms: number) => (clock = new Date(clock.getTime() + ms));

beforeAll(async () => {
  t = await createTestApp({ now: () => clock, sessionClock: () => clock });
  w = await createWorld(t.services.db);
});
afterAll(() => t.close());

const sessionRows = () => t.services.db.session.findMany({ orderBy: { sid: 'asc' } });

describe('what a session costs', () => {
  it('GET /login and failed logins create no session row and no session cookie', async () => {
    const before = await t.services.db.session.count();
    const agent = request.agent(t.app);
    const page = await agent.get('/login');
    expect(page.status).toBe(200);
    expect(String(page.headers['set-cookie'])).not.toContain('renda.sid');
    expect(String(page.headers['set-cookie'])).toMatch(/renda\.login-csrf=.*HttpOnly.*SameSite=Strict/i);
    await agent
      .post('/login')
      .type('form')
      .send({ username: 'staff', password: 'Wrong-Password-1', _csrf: csrfFrom(page.text) });
    await agent.get('/stations'); // asks for a page: the way back is in the address, not a session
    await request(t.app).get('/public/suggestions');
    expect(await t.services.db.session.count()).toBe(before);
  });

  it('the login form refuses a token without its cookie, or a cookie without its token', async () => {
    const page = await request(t.app).get('/login');
    const token = csrfFrom(page.text);
    const noCookie = await request(t.app).post('/login').type('form').send({ username: 'staff', password: TEST_PASSWORD, _csrf: token });
    expect(noCookie.status).toBe(403);
    const agent = request.agent(t.app);
    await agent.get('/login');
    const otherToken = await agent
      .post('/login')
      .type('form')
      .send({ username: 'staff', password: TEST_PASSWORD, _csrf: token.replace(/^./, 'f') });
    expect(otherToken.status).toBe(403);
  });

  it('a logged-in GET does not write the session row; a change, or a minute later, does', async () => {
    const agent = await loginAs(t.app, 'chair', TEST_PASSWORD);
    await agent.get('/'); // the first page creates the CSRF token: a change
    const [row] = (await sessionRows()).filter((s) => s.userId === w.users.presidium.id);
    for (const path of ['/', '/suggestions', '/projects', '/account/sessions']) expect((await agent.get(path)).status).toBe(200);
    const [same] = (await sessionRows()).filter((s) => s.userId === w.users.presidium.id);
    expect(same).toEqual(row);
    tick(61_000);
    await agent.get('/');
    const [touched] = (await sessionRows()).filter((s) => s.userId === w.users.presidium.id);
    expect(touched!.lastSeenAt.getTime()).toBe(clock.getTime());
    expect(touched!.data).not.toBe(row!.data);
  });
});

describe('limits', () => {
  it('ends a session 12 hours after login even while it is used (the absolute lifetime)', async () => {
    const agent = await loginAs(t.app, 'deputy', TEST_PASSWORD);
    for (let h = 0; h < 11; h++) {
      tick(60 * 60_000);
      expect((await agent.get('/')).status, `hour ${h + 1}`).toBe(200);
    }
    tick(61 * 60_000);
    const ended = await agent.get('/');
    expect(ended.status).toBe(303);
    expect(ended.headers.location).toBe('/login?ended=absolute');
    const login = await agent.get(ended.headers.location!);
    expect(login.text).toContain('登录时间已达上限');
    expect((await agent.get('/')).headers.location).toBe('/login');
    expect(await t.services.db.auditLog.count({ where: { action: 'session.timeout', actorId: w.users.deputy.id } })).toBe(1);
  });

  it('follows the security administrator’s settings: a shorter lifetime and idle timeout', async () => {
    await t.services.policies.update(w.users.secadmin, { ...(await t.services.policies.get()), absoluteHours: 2, idleMinutes: 30 });
    const agent = await loginAs(t.app, 'deputy2', TEST_PASSWORD);
    tick(29 * 60_000);
    expect((await agent.get('/')).status).toBe(200);
    tick(31 * 60_000);
    const idle = await agent.get('/');
    expect(idle.headers.location).toBe('/login?ended=idle');
    const again = await loginAs(t.app, 'deputy2', TEST_PASSWORD);
    for (let i = 0; i < 4; i++) {
      tick(25 * 60_000);
      expect((await again.get('/')).status).toBe(200);
    }
    tick(25 * 60_000);
    expect((await again.get('/')).headers.location).toBe('/login?ended=absolute');
    await t.services.policies.update(w.users.secadmin, { ...(await t.services.policies.get()), absoluteHours: 12, idleMinutes: 120 });
  });

  it('Cache-Control: no-store on every logged-in page and download, and on the login page', async () => {
    const staff = await loginAs(t.app, 'staff', TEST_PASSWORD);
    for (const path of [
      '/',
      '/suggestions',
      '/deputies',
      '/suggestions/export.xlsx',
      '/deputies/export.xlsx',
      '/account/sessions',
      '/no-such-page',
    ]) {
      const res = await staff.get(path);
      expect(res.headers['cache-control'], path).toBe('no-store');
      expect(res.headers.etag, `${path}: no ETag on what is never kept`).toBeUndefined();
    }
    // static files keep theirs
    expect((await request(t.app).get('/css/app.css')).headers.etag).toBeTruthy();
    const admin = await loginAs(t.app, 'admin', TEST_PASSWORD);
    for (const path of ['/admin/users', '/admin/credentials'])
      expect((await admin.get(path)).headers['cache-control'], path).toBe('no-store');
    expect((await request(t.app).get('/login')).headers['cache-control']).toBe('no-store');
  });
});

describe('登录设备: the user’s own sessions', () => {
  it('lists them with device, address and times, and ends one of them', async () => {
    const phone = request.agent(t.app);
    const page = await phone
      .get('/login')
      .set('User-Agent', 'Mozilla/5.0 (Linux; Android 12; V2111A) AppleWebKit/537.36 Chrome/120.0.0.0 Mobile Safari/537.36');
    await phone
      .post('/login')
      .set('User-Agent', 'Mozilla/5.0 (Linux; Android 12; V2111A) AppleWebKit/537.36 Chrome/120.0.0.0 Mobile Safari/537.36')
      .type('form')
      .send({ username: 'unit', password: TEST_PASSWORD, _csrf: csrfFrom(page.text) });
    const desk = await loginAs(t.app, 'unit', TEST_PASSWORD);
    const list = await desk.get('/account/sessions');
    expect(list.status).toBe(200);
    expect(list.text).toContain('Android 手机 · Chrome 120');
    expect(list.text).toContain('本机（当前使用）');
    expect(list.text).toContain('127.0.0.1');
    expect(list.text).toMatch(/登录时间<\/dt><dd>2026年/);
    const rows = await t.services.db.session.findMany({ where: { userId: w.users.unit.id } });
    for (const r of rows) expect(list.text).not.toContain(r.sid);
    const handle = /action="\/account\/sessions\/([\w-]+)\/end"/.exec(list.text)![1]!;
    const end = await desk
      .post(`/account/sessions/${handle}/end`)
      .type('form')
      .send({ _csrf: csrfFrom(list.text) });
    expect(end.status).toBe(303);
    expect((await phone.get('/')).status).toBe(303);
    expect((await desk.get('/')).status).toBe(200);
    // The ended session cannot come back, not even from a request that was in flight.
    const ended = await t.services.db.session.findFirst({ where: { userId: w.users.unit.id, endedAt: { not: null } } });
    expect(ended).not.toBeNull();
    expect(await t.services.db.auditLog.count({ where: { action: 'session.end', actorId: w.users.unit.id } })).toBe(1);
  });

  it('ends every other session at once', async () => {
    const a = await loginAs(t.app, 'staff', TEST_PASSWORD);
    const b = await loginAs(t.app, 'staff', TEST_PASSWORD);
    const csrf = await csrfOf(b, '/account/sessions');
    const res = await b.post('/account/sessions/end-others').type('form').send({ _csrf: csrf });
    expect(res.status).toBe(303);
    expect((await a.get('/')).status).toBe(303);
    expect((await b.get('/')).status).toBe(200);
  });

  it('cannot end another user’s session', async () => {
    const victim = await loginAs(t.app, 'chair', TEST_PASSWORD);
    const victimSessions = await victim.get('/account/sessions');
    const handle = /action="\/account\/sessions\/([\w-]+)\/end"/.exec(victimSessions.text)?.[1];
    const rows = await t.services.db.session.findMany({ where: { userId: w.users.presidium.id, endedAt: null } });
    const other = await loginAs(t.app, 'deputy', TEST_PASSWORD);
    const csrf = await csrfOf(other, '/account/sessions');
    const { sessionHandle } = await import('../../src/auth/sessions.service.js');
    for (const h of [handle ?? 'x', ...rows.map((r) => sessionHandle(r.sid))]) {
      expect((await other.post(`/account/sessions/${h}/end`).type('form').send({ _csrf: csrf })).status).toBe(404);
    }
    expect((await victim.get('/')).status).toBe(200);
  });
});

describe('forced password change', () => {
  it('a reset sends the user to the change page, where nothing else is open until it is changed', async () => {
    const admin = await loginAs(t.app, 'admin', TEST_PASSWORD);
    const user = await admin.get(`/admin/users/${w.users.deputy.id}`);
    const reset = await admin
      .post(`/admin/users/${w.users.deputy.id}/reset-password`)
      .type('form')
      .send({ _csrf: csrfFrom(user.text) });
    expect(reset.headers.location).toBe('/admin/credentials');
    const slip = await admin.get('/admin/credentials');
    const temporary = />([A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4})</.exec(slip.text)![1]!;

    const agent = request.agent(t.app);
    const page = await agent.get('/login');
    const login = await agent
      .post('/login')
      .type('form')
      .send({ username: 'deputy', password: temporary, _csrf: csrfFrom(page.text) });
    expect(login.headers.location).toBe('/account/password');
    for (const path of ['/', '/suggestions', '/me', '/account/sessions', '/notifications']) {
      const res = await agent.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.location, path).toBe('/account/password');
    }
    const form = await agent.get('/account/password');
    expect(form.text).toContain('请先设置您自己的密码');
    expect(form.text).not.toContain('href="/suggestions"'); // no navigation meanwhile
    const csrf = csrfFrom(form.text);
    const post = await agent.post('/suggestions').type('form').send({ _csrf: csrf, title: '不应保存' });
    expect(post.headers.location).toBe('/account/password');

    const same = await agent
      .post('/account/password')
      .type('form')
      .send({ _csrf: csrf, currentPassword: temporary, newPassword: temporary, confirmPassword: temporary });
    expect(same.status).toBe(422);
    expect(same.text).toContain('新密码不能与最近5次用过的密码相同');
    const ok = await agent
      .post('/account/password')
      .type('form')
      .send({ _csrf: csrf, currentPassword: temporary, newPassword: 'Caoyuan-Muchang-88', confirmPassword: 'Caoyuan-Muchang-88' });
    expect(ok.status).toBe(303);
    expect((await agent.get('/')).status).toBe(200);
    const row = await t.services.db.user.findUniqueOrThrow({ where: { id: w.users.deputy.id } });
    expect(row.mustChangePassword).toBe(false);
  });

  it('an expired password (policy: 90 days) must be changed at the next request; not one of the last five', async () => {
    await t.services.policies.update(w.users.secadmin, { ...(await t.services.policies.get()), passwordMaxAgeDays: 90 });
    await t.services.db.user.update({
      where: { username: 'deputy2' },
      data: { passwordChangedAt: new Date(clock.getTime() - 91 * 86_400_000) },
    });
    const agent = await loginAs(t.app, 'deputy2', TEST_PASSWORD);
    const home = await agent.get('/');
    expect(home.headers.location).toBe('/account/password');
    const form = await agent.get('/account/password');
    expect(form.text).toContain('密码已过期');
    const change = (current: string, next: string) =>
      agent
        .post('/account/password')
        .type('form')
        .send({ _csrf: csrfFrom(form.text), currentPassword: current, newPassword: next, confirmPassword: next });
    const again = await change(TEST_PASSWORD, TEST_PASSWORD);
    expect(again.status).toBe(422);
    expect(again.text).toContain('新密码不能与最近5次用过的密码相同');
    let current = TEST_PASSWORD;
    const used = ['Grassland-Wind-31', 'Grassland-Wind-32', 'Grassland-Wind-33', 'Grassland-Wind-34', 'Grassland-Wind-35'];
    for (const next of used) {
      expect((await change(current, next)).status, next).toBe(303);
      current = next;
    }
    expect((await change(current, 'Grassland-Wind-31')).status).toBe(422);
    expect((await change(current, TEST_PASSWORD)).status).toBe(303); // six back: allowed again
    await t.services.policies.update(w.users.secadmin, { ...(await t.services.policies.get()), passwordMaxAgeDays: 0 });
  });
});
