import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/lib/forms.js';
import { deputyFilterSchema, deputyFormSchema } from '../../src/features/deputies/deputies.schemas.js';
import { canManageDeputies, canViewDeputy } from '../../src/features/deputies/deputies.policy.js';
import { suggestionScope } from '../../src/features/suggestions/suggestions.policy.js';
import { navFor, navLinks } from '../../src/lib/nav.js';
import type { CurrentUser } from '../../src/auth/current-user.js';
import type { Role } from '../../src/generated/prisma/enums.js';

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
