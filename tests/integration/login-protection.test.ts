import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import { createTestApp, csrfFrom, loginAs, type TestApp } from '../helpers/test-app.js';
import { createUser, createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';
import { ACCOUNT_SLOWDOWN_AFTER, THROTTLE_FAILURES } from '../../src/auth/login-guard.js';
import * as passwords from '../../src/auth/password.js';

// Count argon2 verifications while keeping the real ones (the unknown-user path must verify too).
vi.mock('../../src/auth/password.js', async (importOriginal) => {
  const real = await importOriginal<typeof passwords>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

/**
 * Login protection through the real login form, each client at its own address (X-Forwarded-For
 * behind TRUST_PROXY): the address throttle, the lock per account + address, the account-wide
 * delay, and identical answers for unknown users and wrong passwords.
 */
let t: TestApp;
let w: World;
let clock = new Date('2026-11-30T09:00:00+08:00');
let address = 0;
/** A fresh client address for each scenario, so that the scenarios do not add up. */
const nextAddress = () => `198.51.100.${++address}`;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock, env: { TRUST_PROXY: 'true' } });
  w = await createWorld(t.services.db);
});
afterAll(() => t.close());

async function attempt(ip: string, username: string, password: string) {
  const agent = request.agent(t.app);
  const page = await agent.get('/login').set('X-Forwarded-For', ip);
  const res = await agent
    .post('/login')
    .set('X-Forwarded-For', ip)
    .type('form')
    .send({ username, password, _csrf: csrfFrom(page.text) });
  return res;
}

/** The response with what legitimately differs (the CSRF token, the echoed username) blanked. */
const normalized = (text: string, username: string) =>
  text
    .replace(/value="[0-9a-f]{64}\.[0-9a-f]+"/g, 'value="TOKEN"')
    .replace(/name="_once" value="[\w-]+"/g, 'name="_once" value="ONCE"') // a fresh one-time form token on every page
    .replaceAll(`value="${username}"`, 'value="USER"');

describe('the same answer for an unknown user and a wrong password', () => {
  it('same status, same body, and a real password hash verified either way', async () => {
    const verify = vi.mocked(passwords.verifyPassword);
    verify.mockClear();
    const wrong = await attempt(nextAddress(), 'staff', 'Wrong-Password-1');
    const hashesForWrong = verify.mock.calls.map((c) => c[0]);
    verify.mockClear();
    const unknown = await attempt(nextAddress(), 'nosuchuser', 'Wrong-Password-1');
    const hashesForUnknown = verify.mock.calls.map((c) => c[0]);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(normalized(unknown.text, 'nosuchuser')).toBe(normalized(wrong.text, 'staff'));
    expect(wrong.text).toContain('用户名或密码不正确');
    // No timing oracle: one argon2id verification on each path, against a real hash.
    expect(hashesForWrong).toHaveLength(1);
    expect(hashesForUnknown).toHaveLength(1);
    expect(hashesForUnknown[0]).toMatch(/^\$argon2id\$/);
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(wrong.headers).sort());
  });

  it('locks an unknown username exactly as a real one, so locking tells nothing either', async () => {
    const ipA = nextAddress();
    const ipB = nextAddress();
    const real: request.Response[] = [];
    const fake: request.Response[] = [];
    for (let i = 0; i < 6; i++) {
      real.push(await attempt(ipA, 'chair', 'Wrong-Password-1'));
      fake.push(await attempt(ipB, 'chairman', 'Wrong-Password-1'));
    }
    expect(real.map((r) => r.status)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(fake.map((r) => r.status)).toEqual(real.map((r) => r.status));
    real.forEach((r, i) => expect(normalized(fake[i]!.text, 'chairman')).toBe(normalized(r.text, 'chair')));
    expect(real[3]!.text).toContain('再输错1次，此账号将在本机临时锁定');
    expect(real[4]!.text).toContain('已临时锁定，请15分钟后再试');
  });
});

describe('lock per account and address', () => {
  it('locks the account at the attacking address only: its owner still logs in elsewhere', async () => {
    const attacker = nextAddress();
    for (let i = 0; i < 5; i++) await attempt(attacker, 'deputy', 'Wrong-Password-1');
    const refused = await attempt(attacker, 'deputy', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('此账号在本机连续输错密码次数过多，已临时锁定');
    expect(Number(refused.headers['retry-after'])).toBe(15 * 60);
    const owner = await attempt(nextAddress(), 'deputy', TEST_PASSWORD);
    expect(owner.status).toBe(303);
    const lock = await t.services.db.auditLog.findFirst({ where: { action: 'login.lock', actorId: w.users.deputy.id } });
    expect(lock?.ip).toBe(attacker);
  });

  it('opens again when the lock ends, and each further lock of the pair lasts twice as long', async () => {
    const ip = nextAddress();
    for (let i = 0; i < 5; i++) await attempt(ip, 'deputy2', 'Wrong-Password-1');
    expect((await attempt(ip, 'deputy2', TEST_PASSWORD)).status).toBe(429);
    clock = new Date(clock.getTime() + 16 * 60_000);
    for (let i = 0; i < 5; i++) await attempt(ip, 'deputy2', 'Wrong-Password-1');
    const second = await attempt(ip, 'deputy2', TEST_PASSWORD);
    expect(second.status).toBe(429);
    expect(Number(second.headers['retry-after'])).toBe(30 * 60);
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect((await attempt(ip, 'deputy2', TEST_PASSWORD)).status).toBe(303);
  });

  it('the security administrator sees the lock and lifts it; the system administrator cannot', async () => {
    const ip = nextAddress();
    for (let i = 0; i < 5; i++) await attempt(ip, 'unit', 'Wrong-Password-1');
    const secadmin = await loginAs(t.app, 'secadmin', TEST_PASSWORD);
    const page = await secadmin.get('/admin/locks');
    expect(page.status).toBe(200);
    expect(page.text).toContain('李科员');
    expect(page.text).toContain(ip);
    const sysadmin = await loginAs(t.app, 'admin', TEST_PASSWORD);
    const adminPage = await sysadmin.get('/admin/users?state=locked');
    expect(adminPage.text).toContain('>unit<');
    expect(adminPage.text).toContain('已锁定');
    const denied = await sysadmin
      .post('/admin/locks/unlock')
      .type('form')
      .send({ _csrf: csrfFrom(adminPage.text), username: 'unit' });
    expect(denied.status).toBe(403);
    const res = await secadmin
      .post('/admin/locks/unlock')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), username: 'unit' });
    expect(res.status).toBe(303);
    expect((await attempt(ip, 'unit', TEST_PASSWORD)).status).toBe(303);
    expect(await t.services.db.auditLog.count({ where: { action: 'user.unlock', actorId: w.users.secadmin.id } })).toBe(1);
  });

  it('many addresses guessing one account meet a growing delay, not a lock', async () => {
    const victim = await createUser(t.services.db, w.township.id, 'STAFF', { username: 'victim' });
    for (let i = 0; i < ACCOUNT_SLOWDOWN_AFTER; i++) {
      expect((await attempt(nextAddress(), 'victim', 'Wrong-Password-1')).status).toBe(401);
    }
    const slowed = await attempt(nextAddress(), 'victim', TEST_PASSWORD);
    expect(slowed.status).toBe(429);
    expect(slowed.text).toContain('此账号近期登录失败次数过多，请2秒后再试');
    clock = new Date(clock.getTime() + 3_000);
    expect((await attempt(nextAddress(), 'victim', TEST_PASSWORD)).status).toBe(303);
    expect(await t.services.db.loginLock.count({ where: { username: 'victim', ip: '*' } })).toBe(0);
    expect(victim.username).toBe('victim');
  });
});

describe('throttle per address', () => {
  it(`after ${THROTTLE_FAILURES} failures from one address, every login from it gets a Chinese 429 page, whatever the username`, async () => {
    const ip = nextAddress();
    for (let i = 0; i < THROTTLE_FAILURES; i++) {
      const res = await attempt(ip, `guess${i}`, 'Wrong-Password-1');
      expect(res.status, `failure ${i + 1}`).toBe(401);
    }
    const blocked = await attempt(ip, 'staff', TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.text).toContain('<html lang="zh-CN">');
    expect(blocked.text).toContain('登录尝试过多');
    expect(blocked.text).toContain('本机登录失败次数过多，请15分钟后再试');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(await t.services.db.auditLog.count({ where: { action: 'login.throttled', ip } })).toBe(1);
    expect(await t.services.db.auditLog.count({ where: { action: 'login.refused', ip } })).toBe(1);
    // Another address is not affected.
    expect((await attempt(nextAddress(), 'staff', TEST_PASSWORD)).status).toBe(303);
    // The security administrator can lift it.
    const secadmin = await loginAs(t.app, 'secadmin', TEST_PASSWORD);
    const page = await secadmin.get('/admin/locks');
    expect(page.text).toContain(ip);
    await secadmin
      .post('/admin/locks/unthrottle')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), address: ip });
    expect((await attempt(ip, 'staff', TEST_PASSWORD)).status).toBe(303);
  });
});
