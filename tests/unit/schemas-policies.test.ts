import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/lib/forms.js';
import { deputyFilterSchema, deputyFormSchema } from '../../src/features/deputies/deputies.schemas.js';
import { canManageDeputies, canViewDeputy } from '../../src/features/deputies/deputies.policy.js';
import { suggestionScope } from '../../src/features/suggestions/suggestions.policy.js';
import { navFor, navLinks } from '../../src/lib/nav.js';
import type { CurrentUser } from '../../src/auth/current-user.js';
import type { Role } from '../../src/generated/prisma/enums.js';
import { townshipHostsSchema } from '../../src/features/banner/banner.schemas.js';
import { normalizeHost } from '../../src/features/banner/banner.hosts.js';

const user = (role: Role, extra: Partial<CurrentUser> = {}): CurrentUser => ({
  id: 1,
  townshipId: 7,
  username: 'u',
  role,
  title: '',
  displayName: 'U',
  deputyId: null,
  unitId: null,
  ...extra,
});

describe('deputy form schema', () => {
  const base = {
    name: '白音那木拉',
    gender: 'MALE',
    ethnicity: '蒙古族',
    politicalAffiliation: '群众',
    levels: 'TOWN',
    phone: '',
    birthYear: '',
  };

  it('accepts a minimal deputy and normalises the values', () => {
    const r = parseForm(deputyFormSchema, { ...base, name: '  白音那木拉 ', phone: '138-4751-2345', birthYear: '1970' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.data.name).toBe('白音那木拉');
      expect(r.data.levels).toEqual(['TOWN']);
      expect(r.data.phone).toBe('13847512345');
      expect(r.data.birthYear).toBe(1970);
      expect(r.data.termStart).toBeNull();
    }
  });

  it('gives one Chinese message per wrong field', () => {
    const r = parseForm(deputyFormSchema, { ...base, name: '', gender: 'X', levels: undefined, phone: '1234', termStart: '2021-13-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toMatchObject({
        name: '请填写姓名',
        gender: '请选择性别',
        levels: '请至少选择一个代表层级',
        phone: '请填写11位手机号码或带区号的固定电话',
        termStart: '当选日期格式不正确，请按“2023-12-07”填写',
      });
    }
  });

  it('falls back to defaults for nonsense in list filters instead of failing', () => {
    expect(deputyFilterSchema.parse({ status: 'DROP TABLE', page: '-3', level: 'KING' })).toEqual({
      q: '',
      level: undefined,
      village: '',
      status: 'ACTIVE',
      page: 1,
    });
  });
});

describe('policies', () => {
  it('lets staff and presidium see every deputy, a deputy only themself, others nobody', () => {
    expect(canViewDeputy(user('STAFF'), 5)).toBe(true);
    expect(canViewDeputy(user('PRESIDIUM'), 5)).toBe(true);
    expect(canViewDeputy(user('DEPUTY', { deputyId: 5 }), 5)).toBe(true);
    expect(canViewDeputy(user('DEPUTY', { deputyId: 6 }), 5)).toBe(false);
    expect(canViewDeputy(user('UNIT', { unitId: 5 }), 5)).toBe(false);
    expect(canViewDeputy(user('AUDITOR'), 5)).toBe(false);
    expect(canManageDeputies(user('STAFF'))).toBe(true);
    expect(canManageDeputies(user('PRESIDIUM'))).toBe(false);
  });

  it('scopes suggestions by role and never crosses townships', () => {
    expect(suggestionScope(user('DEPUTY', { deputyId: 3 }))).toMatchObject({
      townshipId: 7,
      OR: [{ leadDeputyId: 3 }, { coSigners: { some: { deputyId: 3 } } }],
    });
    expect(suggestionScope(user('UNIT', { unitId: 4 }))).toEqual({ townshipId: 7, assignments: { some: { unitId: 4, active: true } } });
    expect(suggestionScope(user('DEPUTY'))).toEqual({ id: -1 });
    expect(suggestionScope(user('UNIT'))).toEqual({ id: -1 });
    expect(suggestionScope(user('AUDITOR'))).toEqual({ id: -1 });
    expect(suggestionScope(user('STAFF'))).toMatchObject({ townshipId: 7 });
  });

  it('gives every role a navigation bar; the auditor only the audit log', () => {
    expect(navLinks(navFor('AUDITOR')).map((i) => i.href)).toEqual(['/audit']);
    expect(navLinks(navFor('DEPUTY')).map((i) => i.href)).toContain('/me/tasks');
    expect(navLinks(navFor('STAFF')).map((i) => i.href)).not.toContain('/audit');
  });
});

describe('township host names', () => {
  it('normalizes a host name as req.hostname gives it, and refuses what is not one', () => {
    expect(normalizeHost(' Dongming.Renda.Example.CN. ')).toBe('dongming.renda.example.cn');
    // An internationalized name as a browser sends it (punycode).
    expect(normalizeHost('东明镇.中国')).toBe(new URL('http://东明镇.中国/').hostname);
    expect(normalizeHost('东明镇.中国')).toMatch(/^xn--[a-z0-9]+\.xn--fiqs8s$/);
    expect(normalizeHost('10.0.0.11')).toBe('10.0.0.11');
    for (const bad of ['https://a.cn', 'a.cn:8080', 'a.cn/x', '-a.cn', 'a_b.cn', 'a..cn', `${'a'.repeat(64)}.cn`, 'user@a.cn']) {
      expect(normalizeHost(bad), bad).toBeNull();
    }
  });

  it('reads a list separated by spaces, commas or lines, once each, at most five', () => {
    expect(parseForm(townshipHostsSchema, { hosts: 'A.cn, b.cn，\na.cn  c.cn' })).toEqual({
      ok: true,
      data: { hosts: ['a.cn', 'b.cn', 'c.cn'] },
    });
    expect(parseForm(townshipHostsSchema, { hosts: '' })).toEqual({ ok: true, data: { hosts: [] } });
    expect(parseForm(townshipHostsSchema, {})).toEqual({ ok: true, data: { hosts: [] } });
    expect(parseForm(townshipHostsSchema, { hosts: 'a.cn http://b.cn' })).toEqual({
      ok: false,
      errors: { hosts: '“http://b.cn”不是域名：只填写域名，不带 http://、端口和路径，如 dongming.renda.example.cn' },
    });
    expect(parseForm(townshipHostsSchema, { hosts: '1.cn 2.cn 3.cn 4.cn 5.cn 6.cn' })).toEqual({
      ok: false,
      errors: { hosts: '每个镇最多5个访问域名' },
    });
  });
});
