import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import Database from 'better-sqlite3';
import { sqliteFilePath } from '../../src/db.js';
import { createTestApp, csrfFrom, csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';

/** Tests that open the SQLite file itself (better-sqlite3): not on PostgreSQL (TEST_DATABASE_URL). */
const SQLITE_FILE_ONLY = Boolean(process.env.TEST_DATABASE_URL);

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.services.db);
});
afterAll(() => t.close());

async function postLogin(agent: request.Agent, username: string, password: string) {
  const page = await agent.get('/login');
  return agent
    .post('/login')
    .type('form')
    .send({ username, password, _csrf: csrfFrom(page.text) });
}

describe('login', () => {
  it('shows a Chinese login form with a CSRF field', async () => {
    const res = await request(t.app).get('/login');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="zh-CN">');
    expect(res.text).toContain('用户名');
    expect(res.text).toContain('name="_csrf"');
  });

  it('refuses a wrong password with a Chinese message and keeps the username', async () => {
    const agent = request.agent(t.app);
    const res = await postLogin(agent, 'staff', 'wrong-password');
    expect(res.status).toBe(401);
    expect(res.text).toContain('用户名或密码不正确');
    expect(res.text).toContain('value="staff"');
    expect((await agent.get('/')).status).toBe(303);
  });

  it('refuses an unknown user with the same message', async () => {
    const res = await postLogin(request.agent(t.app), 'nobody', 'whatever');
    expect(res.status).toBe(401);
    expect(res.text).toContain('用户名或密码不正确');
  });

  it('asks for both fields when they are empty', async () => {
    const res = await postLogin(request.agent(t.app), '', '');
    expect(res.status).toBe(422);
    expect(res.text).toContain('请输入用户名');
  });

  it('rejects a login post without the CSRF token', async () => {
    const agent = request.agent(t.app);
    await agent.get('/login');
    const res = await agent.post('/login').type('form').send({ username: 'staff', password: TEST_PASSWORD });
    expect(res.status).toBe(403);
    expect(res.text).toContain('页面已过期');
  });

  it('logs in, regenerates the session id, lands on the role home page and logs out', async () => {
    const agent = request.agent(t.app);
    const page = await agent.get('/login');
    const before = /renda\.sid=([^;]+)/.exec(String(page.headers['set-cookie']))?.[1];
    const res = await agent
      .post('/login')
      .type('form')
      .send({ username: 'staff', password: TEST_PASSWORD, _csrf: csrfFrom(page.text) });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const after = /renda\.sid=([^;]+)/.exec(cookie)?.[1];
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    const home = await agent.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('工作台');
    expect(home.text).toContain('王工作');

    const csrf = csrfFrom(home.text);
    const out = await agent.post('/logout').type('form').send({ _csrf: csrf });
    expect(out.status).toBe(303);
    expect((await agent.get('/')).status).toBe(303);
  });

  it('returns to the page asked for before login (kept in the address, not in a session)', async () => {
    const agent = request.agent(t.app);
    const asked = await agent.get('/stations?tier=VILLAGE');
    expect(asked.headers.location).toBe('/login?next=%2Fstations%3Ftier%3DVILLAGE');
    const page = await agent.get(asked.headers.location!);
    expect(page.text).toContain('name="next" value="/stations?tier=VILLAGE"');
    const res = await agent
      .post('/login')
      .type('form')
      .send({ username: 'staff', password: TEST_PASSWORD, next: '/stations?tier=VILLAGE', _csrf: csrfFrom(page.text) });
    expect(res.headers.location).toBe('/stations?tier=VILLAGE');
  });

  it('never follows a return address off the site', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example', '/login?next=/x']) {
      const agent = request.agent(t.app);
      const page = await agent.get('/login');
      const res = await agent
        .post('/login')
        .type('form')
        .send({ username: 'staff', password: TEST_PASSWORD, next, _csrf: csrfFrom(page.text) });
      expect(res.headers.location, next).toBe('/');
    }
  });

  it('keeps the session in the database', async () => {
    await loginAs(t.app, 'deputy', TEST_PASSWORD);
    expect(await t.services.db.session.count()).toBeGreaterThan(0);
  });

  it('locks the account after 5 wrong passwords from one address, even for the right one', async () => {
    const user = await t.services.db.user.create({
      data: {
        townshipId: w.township.id,
        username: 'locky',
        passwordHash: (await t.services.db.user.findUniqueOrThrow({ where: { username: 'staff' } })).passwordHash,
        role: 'STAFF',
        displayName: '锁定测试',
      },
    });
    const agent = request.agent(t.app);
    for (let i = 0; i < 5; i++) await postLogin(agent, 'locky', 'bad');
    const res = await postLogin(agent, 'locky', TEST_PASSWORD);
    expect(res.status).toBe(429);
    expect(res.text).toContain('锁定');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await agent.get('/')).status).toBe(303);
    const audit = await t.services.db.auditLog.findMany({ where: { actorId: user.id, action: 'login.lock' } });
    expect(audit).toHaveLength(1);
    await t.services.loginGuard.unlock('locky');
  });

  it('logs out a user whose account was deactivated', async () => {
    const agent = await loginAs(t.app, 'deputy2', TEST_PASSWORD);
    expect((await agent.get('/')).status).toBe(200);
    await t.services.db.user.update({ where: { username: 'deputy2' }, data: { active: false } });
    expect((await agent.get('/')).status).toBe(303);
    await t.services.db.user.update({ where: { username: 'deputy2' }, data: { active: true } });
  });

  it.skipIf(SQLITE_FILE_ONLY)(
    'logs out at once a user deactivated, or a session ended, by another process (the session cache)',
    async () => {
      const other = new Database(sqliteFilePath(t.testDb.url)); // e.g. a second instance or a script
      try {
        const agent = await loginAs(t.app, 'deputy2', TEST_PASSWORD);
        expect((await agent.get('/')).status).toBe(200);
        other.prepare(`UPDATE "User" SET active = 0 WHERE username = 'deputy2'`).run();
        expect((await agent.get('/')).status).toBe(303);
        other.prepare(`UPDATE "User" SET active = 1 WHERE username = 'deputy2'`).run();
        const again = await loginAs(t.app, 'deputy2', TEST_PASSWORD);
        expect((await again.get('/')).status).toBe(200);
        other.prepare(`UPDATE "Session" SET "endedAt" = ? WHERE "userId" = ?`).run(new Date().toISOString(), w.users.deputy2.id);
        expect((await again.get('/')).status).toBe(303);
      } finally {
        other.close();
      }
    },
  );

  it('answers a logged-in user’s stale form with the Chinese 403 page', async () => {
    const agent = await loginAs(t.app, 'staff', TEST_PASSWORD);
    const res = await agent.post('/deputies').type('form').send({ _csrf: 'stale-token', name: 'x' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('页面已过期');
    expect(res.text).toContain('王工作');
  });

  it('does not create sessions for anonymous visitors of public pages', async () => {
    const before = await t.services.db.session.count();
    await request(t.app).get('/public/suggestions');
    await request(t.app).get('/public/suggestions');
    expect(await t.services.db.session.count()).toBe(before);
  });

  it('does not tell a stranger that an account is deactivated', async () => {
    await t.services.db.user.update({ where: { username: 'auditor' }, data: { active: false } });
    const wrong = await postLogin(request.agent(t.app), 'auditor', 'wrong-password');
    expect(wrong.text).toContain('用户名或密码不正确');
    expect(wrong.text).not.toContain('停用');
    const right = await postLogin(request.agent(t.app), 'auditor', TEST_PASSWORD);
    expect(right.text).toContain('该账号已停用');
    await t.services.loginGuard.unlock('auditor');
    await t.services.db.user.update({ where: { username: 'auditor' }, data: { active: true } });
  });

  it('changes the password, explaining a weak one in Chinese, and ends the other sessions', async () => {
    const elsewhere = await loginAs(t.app, 'unit', TEST_PASSWORD);
    const agent = await loginAs(t.app, 'unit', TEST_PASSWORD);
    let csrf = await csrfOf(agent);
    const weak = await agent
      .post('/account/password')
      .type('form')
      .send({ _csrf: csrf, currentPassword: TEST_PASSWORD, newPassword: 'short', confirmPassword: 'short' });
    expect(weak.status).toBe(422);
    expect(weak.text).toContain('密码至少10位');
    csrf = await csrfOf(agent);
    const ok = await agent
      .post('/account/password')
      .type('form')
      .send({ _csrf: csrf, currentPassword: TEST_PASSWORD, newPassword: 'New-Password-22', confirmPassword: 'New-Password-22' });
    expect(ok.status).toBe(303);
    expect((await agent.get('/')).status).toBe(200);
    expect((await elsewhere.get('/')).status).toBe(303);
    await loginAs(t.app, 'unit', 'New-Password-22');
  });
});

describe('security headers and health', () => {
  it('sends a strict CSP without inline script', async () => {
    const res = await request(t.app).get('/login');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.text).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('GET /healthz answers after a database round trip and names the database it reached, without credentials', async () => {
    const res = await request(t.app).get('/healthz');
    expect(res.status).toBe(200);
    const url = new URL(t.testDb.url.startsWith('file:') ? 'file:///x' : t.testDb.url);
    const expected = t.testDb.file
      ? { provider: 'sqlite', name: 'test.db' }
      : { provider: 'postgresql', name: decodeURIComponent(url.pathname.slice(1)) };
    expect(res.body).toEqual({ status: 'ok', database: expected }); // nothing else: no URL, host or credentials
  });
});
