import { z } from 'zod';
import { DeputyLevel, DeputyStatus, Gender } from '../../generated/prisma/enums.js';
import { date, oneOf, optionalDate, optionalInt, optionalText, someOf, text } from '../../lib/forms.js';

export const POLITICAL_AFFILIATIONS = ['中共党员', '中共预备党员', '共青团员', '民主党派', '无党派人士', '群众'] as const;

const levels = Object.values(DeputyLevel) as [DeputyLevel, ...DeputyLevel[]];
const genders = Object.values(Gender) as [Gender, ...Gender[]];

const phone = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/[\s-]/g, '') : ''),
  z.string().refine((s) => s === '' || /^1\d{10}$/.test(s) || /^0\d{9,11}$/.test(s), '请填写11位手机号码或带区号的固定电话'),
);

/** The create / edit form of a deputy. */
export const deputyFormSchema = z.object({
  name: text('姓名', 20),
  gender: oneOf(genders, '性别'),
  ethnicity: text('民族', 20),
  birthYear: optionalInt('出生年份', 1920, new Date().getFullYear() - 18),
  politicalAffiliation: oneOf(POLITICAL_AFFILIATIONS, '政治面貌'),
  occupation: optionalText('职业', 50),
  workplace: optionalText('工作单位', 100),
  district: optionalText('选区', 50),
  village: optionalText('所在村（嘎查）', 50),
  phone,
  levels: someOf(levels, '代表层级').refine((l) => l.length > 0, '请至少选择一个代表层级'),
  termStart: optionalDate('当选日期'),
});
export type DeputyForm = z.output<typeof deputyFormSchema>;

export const terminateSchema = z.object({
  termEnd: date('终止日期'),
  statusNote: text('终止原因', 200),
});

/** Filters of the roster list (query string); unknown values fall back to the defaults. */
export const deputyFilterSchema = z.object({
  q: z.string().trim().max(50).catch(''),
  level: z.enum(levels).optional().catch(undefined),
  village: z.string().trim().max(50).catch(''),
  status: z.enum([...Object.values(DeputyStatus), 'ALL'] as ['ACTIVE', 'TERMINATED', 'ALL']).catch('ACTIVE'),
  page: z.coerce.number().int().min(1).catch(1),
});
export type DeputyFilter = z.output<typeof deputyFilterSchema>;

/** The deputy picker's search: part of a name or village, and how many to answer (at most 50). */
export const pickerQuerySchema = z.object({
  q: z.string().max(40).catch(''),
  limit: z.coerce.number().int().min(1).max(50).catch(20),
});
