import { z } from 'zod';
import { OpinionHandling, OpinionSource, ReceptionStatus, SuggestionCategory } from '../../generated/prisma/enums.js';
import { date, ids, oneOf, optionalDate, optionalText, text } from '../../lib/forms.js';

const categories = Object.values(SuggestionCategory) as [SuggestionCategory, ...SuggestionCategory[]];
const checkbox = z.preprocess((v) => v === 'on' || v === '1' || v === 'true', z.boolean());
const requiredId = (message: string) =>
  z.preprocess((v) => (v === '' || v === undefined ? NaN : v), z.coerce.number({ message }).int({ message }).positive({ message }));

/** 09:00-11:30 (also accepts ～, —, 至 and full-width colons). */
const timeRange = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .trim()
          .replace(/：/g, ':')
          .replace(/\s*(?:～|~|—|–|至|到)\s*/g, '-')
          .replace(/\s*-\s*/g, '-')
      : '',
  z
    .string()
    .min(1, '请填写接待时间')
    .refine((s) => {
      const m = /^([01]?\d|2[0-3]):([0-5]\d)-([01]?\d|2[0-3]):([0-5]\d)$/.exec(s);
      return !!m && Number(m[1]) * 60 + Number(m[2]) < Number(m[3]) * 60 + Number(m[4]);
    }, '请按“09:00-11:30”填写接待时间，结束时间应晚于开始时间'),
);

/** Schedule (or reschedule) a reception day. */
export const receptionFormSchema = z.object({
  stationId: requiredId('请选择联络站'),
  date: date('接待日期'),
  timeRange,
  deputyIds: ids().refine((v) => v.length > 0, '请至少选择一名值班代表'),
  noticePublishedOn: optionalDate('公告发布日期'),
  /** The staff member saw the warning that the notice is later than 2 days ahead and saves anyway. */
  acceptLateNotice: checkbox,
});
export type ReceptionForm = z.output<typeof receptionFormSchema>;

/** What happened at the reception. */
export const recordFormSchema = z.object({
  presentIds: ids(),
  voterCount: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .min(1, '请填写接待选民人数')
      .regex(/^\d{1,4}$/, '接待选民人数应为0到9999的整数')
      .transform(Number),
  ),
  summary: optionalText('接待情况', 2000),
});
export type RecordForm = z.output<typeof recordFormSchema>;

export const voterPhone = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/[\s-]/g, '') : ''),
  z.string().refine((s) => s === '' || /^1\d{10}$/.test(s) || /^0\d{9,11}$/.test(s), '请填写11位手机号码或带区号的固定电话，也可不填'),
);

/** One opinion raised by a voter. */
export const opinionFormSchema = z.object({
  content: text('意见内容', 2000),
  category: oneOf(categories, '类别'),
  voterName: optionalText('选民姓名', 20),
  voterPhone,
  deputyId: z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int().positive().optional()),
});
export type OpinionForm = z.output<typeof opinionFormSchema>;

export const answerSchema = z.object({ answer: text('答复内容', 2000) });

export const referSchema = z.object({
  unitId: requiredId('请选择承办单位'),
  dueDate: date('办理期限'),
});
export type ReferForm = z.output<typeof referSchema>;

export const referralAnswerSchema = z.object({
  answer: text('办理答复', 2000),
  answeredOn: date('答复日期'),
});
export type ReferralAnswerForm = z.output<typeof referralAnswerSchema>;

export const receptionFilterSchema = z.object({
  status: z.enum(ReceptionStatus).optional().catch(undefined),
  station: z.coerce.number().int().positive().optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
export type ReceptionFilter = z.output<typeof receptionFilterSchema>;

export const opinionFilterSchema = z.object({
  handling: z.enum(OpinionHandling).optional().catch(undefined),
  source: z.enum(OpinionSource).optional().catch(undefined),
  spam: z.enum(['1']).optional().catch(undefined),
  overdue: z.enum(['1']).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  /** A voter's full phone number (staff only): found through its keyed search hash. */
  phone: z.string().trim().max(30).optional().catch(undefined),
});
export type OpinionFilter = z.output<typeof opinionFilterSchema>;
