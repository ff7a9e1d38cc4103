import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, generateInitialPassword, passwordProblem, passwordRulesText } from '../../src/auth/password-policy.js';
import { proposeUsernames, pinyinOf, USERNAME_PATTERN } from '../../src/features/admin/usernames.js';
import { describeDevice, sessionHandle } from '../../src/auth/sessions.service.js';
import { createSealer } from '../../src/features/admin/credentials.js';
import { canManageAccount, isManageable } from '../../src/features/admin/admin.policy.js';
import { navFor, navLinks } from '../../src/lib/nav.js';
import type { CurrentUser } from '../../src/auth/current-user.js';
import type { Role } from '../../src/generated/prisma/enums.js';

const who = { username: 'wangxy', displayName: '王晓燕' };

describe('password policy', () => {
  it('explains each rule in Chinese', () => {
    expect(passwordProblem('short', who)).toBe('密码至少10位');
    expect(passwordProblem('alllowercaseletters', who)).toContain('至少三种');
    expect(passwordProblem('Wangxy-2024-Kp7', who)).toBe('密码不能包含用户名');
    expect(passwordProblem('x'.repeat(129), who)).toBe('密码不能超过128位');
  });

  it('refuses common passwords dressed up to meet the rules', () => {
    for (const p of ['Password@123', 'P@ssw0rd1234', 'Qwerty@12345', 'Admin@12345', 'Abc12345678!']) {
      expect(passwordProblem(p, who), p).toContain('太常见');
    }
  });

  it('accepts a long enough, varied password', () => {
    expect(passwordProblem('Dongming@2023', { username: 'staff' })).toBeNull();
    expect(passwordProblem('Kp7w-Xm3d-Rt9b', who)).toBeNull();
  });

  it('follows the configured length and character kinds', () => {
    const strict = { ...DEFAULT_POLICY, passwordMinLength: 14, passwordMinKinds: 4 };
    expect(passwordProblem('Dongming@2023', { username: 'staff' }, strict)).toBe('密码至少14位');
    expect(passwordProblem('DongmingTown2023x', { username: 'staff' }, strict)).toContain('至少四种');
    expect(passwordRulesText(strict)).toContain('至少14位');
    expect(passwordRulesText(strict)).toContain('最近5次');
  });

  it('generates temporary passwords that pass the default rules and avoid look-alike characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = generateInitialPassword();
      expect(p).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
      expect(p).not.toMatch(/[01OIl]/);
      expect(passwordProblem(p, who)).toBeNull();
      seen.add(p);
    }
    expect(seen.size).toBe(50);
  });
});

describe('usernames from the roster', () => {
  it('uses the full pinyin without tones', () => {
    expect(pinyinOf('乌云其木格')).toBe('wuyunqimuge');
    expect(pinyinOf('宝音图')).toBe('baoyintu');
    expect(pinyinOf('吕芳')).toBe('lvfang');
  });

  it('resolves collisions with the taken usernames and within the batch', () => {
    expect(proposeUsernames(['王芳', '王芳', '王芳'], ['wangfang'])).toEqual(['wangfang2', 'wangfang3', 'wangfang4']);
    expect(proposeUsernames(['李', '·'], [])).toEqual(['daibiaoli', 'daibiao']);
    for (const u of proposeUsernames(['单田芳', '曾志伟', '格日勒图'], [])) expect(u).toMatch(USERNAME_PATTERN);
  });
});

describe('sessions', () => {
  it('describes devices in Chinese', () => {
    expect(
      describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36'),
    ).toBe('Windows 10 电脑 · Chrome 120');
    expect(
      describeDevice(
        'Mozilla/5.0 (Linux; Android 12; V2111A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/86.0.4240.99 XWEB/4317 MMWEBSDK/20220903 Mobile Safari/537.36 MMWEBID/6316 MicroMessenger/8.0.28.2240(0x28001C35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
      ),
    ).toMatch(/^Android 手机 · 微信 8/);
    expect(describeDevice('')).toBe('未知设备');
  });

  it('names a session on a page by a hash, never by its id', () => {
    const sid = 'abcDEF123-session-id';
    expect(sessionHandle(sid)).toHaveLength(16);
    expect(sessionHandle(sid)).not.toContain(sid.slice(0, 6));
    expect(sessionHandle(sid)).toBe(sessionHandle(sid));
  });
});

describe('credential batches', () => {
  const sealer = createSealer('test-secret-test-secret');
  const batch = {
    createdAt: 1_000_000,
    kind: 'bulk' as const,
    items: [{ userId: 1, username: 'u', displayName: '甲', role: 'DEPUTY' as const, place: '', password: 'Kp7w-Xm3d-Rt9b' }],
  };

  it('seals the temporary passwords so that the session row holds no clear text', () => {
    const sealed = sealer.seal(batch);
    expect(sealed).not.toContain('Kp7w');
    expect(sealer.open(sealed, 1_000_000 + 60_000)).toEqual(batch);
  });

  it('refuses a tampered, foreign or stale batch', () => {
    const sealed = sealer.seal(batch);
    expect(sealer.open(sealed.slice(0, -2) + 'AA', 1_000_000)).toBeNull();
    expect(createSealer('another-secret-another').open(sealed, 1_000_000)).toBeNull();
    expect(sealer.open(sealed, 1_000_000 + 3 * 60 * 60_000)).toBeNull();
    expect(sealer.open(undefined, 0)).toBeNull();
  });
});

describe('三权分立', () => {
  const u = (role: Role, id = 1): CurrentUser => ({
    id,
    townshipId: 7,
    username: 'x',
    role,
    title: '',
    displayName: 'X',
    deputyId: null,
    unitId: null,
  });

  it('the system administrator manages business accounts only, never an administrator nor themself', () => {
    const admin = u('SYSADMIN');
    for (const role of ['STAFF', 'PRESIDIUM', 'DEPUTY', 'UNIT'] as const)
      expect(canManageAccount(admin, { id: 2, townshipId: 7, role })).toBe(true);
    for (const role of ['SYSADMIN', 'SECADMIN', 'AUDITOR'] as const)
      expect(canManageAccount(admin, { id: 2, townshipId: 7, role })).toBe(false);
    expect(canManageAccount(admin, { id: 1, townshipId: 7, role: 'STAFF' })).toBe(false);
    expect(canManageAccount(admin, { id: 2, townshipId: 8, role: 'STAFF' })).toBe(false);
    expect(canManageAccount(u('SECADMIN'), { id: 2, townshipId: 7, role: 'STAFF' })).toBe(false);
    expect(isManageable('AUDITOR')).toBe(false);
  });

  it('each administrator sees only their own pages in the navigation', () => {
    expect(navLinks(navFor('SYSADMIN')).map((i) => i.href)).toEqual(['/admin/users', '/admin/units', '/admin/township']);
    expect(navLinks(navFor('SECADMIN')).map((i) => i.href)).toEqual(['/admin/locks', '/admin/security-events', '/admin/security']);
    expect(navLinks(navFor('AUDITOR')).map((i) => i.href)).toEqual(['/audit']);
  });
});
