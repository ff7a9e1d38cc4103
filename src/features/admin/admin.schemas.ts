import { z } from 'zod';
import { ids, oneOf, optionalText, text } from '../../lib/forms.js';
import { DEFAULT_POLICY, POLICY_BOUNDS, type SecurityPolicy } from '../../auth/password-policy.js';
import { stationPhone } from '../stations/stations.schemas.js';
import { MANAGEABLE_ROLES } from './admin.policy.js';
import { USERNAME_PATTERN } from './usernames.js';

const optionalId = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z.union([z.literal(''), z.coerce.number().int().positive()]).catch(''),
);

/** The account list's filters. */
export const userFilterSchema = z.object({
  q: z.string().trim().max(50).catch(''),
  role: z.enum([...MANAGEABLE_ROLES, 'SYSADMIN', 'SECADMIN', 'AUDITOR', '']).catch(''),
  state: z.enum(['', 'active', 'locked', 'deactivated', 'must-change']).catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type UserFilter = z.output<typeof userFilterSchema>;

/** Creating one account (the password is generated and printed, never typed). */
export const newUserSchema = z
  .object({
    role: oneOf(MANAGEABLE_ROLES, '角色'),
    displayName: optionalText('姓名', 30),
    title: optionalText('职务', 30),
    username: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''),
      z
        .string()
        .refine((s) => s === '' || USERNAME_PATTERN.test(s), '用户名为3至32位小写字母、数字或 . _ -，以字母开头；留空则按姓名拼音生成'),
    ),
    deputyId: optionalId,
    unitId: optionalId,
  })
  .superRefine((v, ctx) => {
    // The link a role needs, checked with the other fields so that every error shows in one round.
    if (v.role === 'DEPUTY' && !v.deputyId)
      ctx.addIssue({ code: 'custom', path: ['deputyId'], message: '请选择这位代表（名册中尚无账号的在任代表）' });
    if (v.role === 'UNIT' && !v.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: '请选择承办单位' });
    if (v.role !== 'DEPUTY' && !v.displayName) ctx.addIssue({ code: 'custom', path: ['displayName'], message: '请填写姓名' });
  });
export type NewUserForm = z.output<typeof newUserSchema>;

export const editUserSchema = z.object({
  displayName: text('姓名', 30),
  title: optionalText('职务', 30),
});

export const bulkSchema = z.object({ deputyIds: ids() });

export const unitSchema = z.object({
  name: text('单位名称', 50),
  contactPerson: optionalText('联系人', 20),
  phone: stationPhone,
});
export type UnitForm = z.output<typeof unitSchema>;

export const townshipSchema = z.object({
  name: text('镇名称', 30).refine((s) => /[镇乡苏木]$/.test(s), '镇名称应以“镇”“乡”或“苏木”结尾，如 东明镇'),
  county: optionalText('所属旗（县）', 30),
  portalUrl: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : ''),
    z
      .string()
      .max(200, '平台访问地址不能超过200个字符')
      .refine(
        (s) => s === '' || /^https?:\/\/[^\s/]+(\/\S*)?$/.test(s),
        '请填写以 http:// 或 https:// 开头的完整地址，如 https://rd.dongming.gov.cn',
      ),
  ),
  contactPhone: stationPhone,
});
export type TownshipForm = z.output<typeof townshipSchema>;

const bounded = (key: keyof SecurityPolicy) => {
  const b = POLICY_BOUNDS[key];
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .min(1, `请填写${b.label}`)
      .regex(/^\d+$/, `${b.label}应为整数`)
      .transform(Number)
      .refine((n) => n >= b.min && n <= b.max, `${b.label}应在${b.min}到${b.max}之间`),
  );
};

export const securityPolicySchema = z.object(
  Object.fromEntries(Object.keys(DEFAULT_POLICY).map((k) => [k, bounded(k as keyof SecurityPolicy)])) as {
    [K in keyof SecurityPolicy]: ReturnType<typeof bounded>;
  },
);
