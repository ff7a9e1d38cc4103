import { z } from 'zod';
import { ActivityKind } from '../../generated/prisma/enums.js';
import { date, ids, oneOf, optionalDate, optionalText, text } from '../../lib/forms.js';

const kinds = Object.values(ActivityKind) as [ActivityKind, ...ActivityKind[]];
const optionalId = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int().positive().optional());

/** The create / edit form of a deputies' activity. An inspection may name the livelihood project inspected. */
export const activityFormSchema = z
  .object({
    kind: oneOf(kinds, '活动类型'),
    title: text('活动名称', 100),
    date: date('活动日期'),
    endDate: optionalDate('结束日期'),
    place: optionalText('地点', 100),
    organiser: text('组织单位', 100),
    description: optionalText('活动内容', 5000),
    stationId: optionalId,
    projectId: optionalId,
    findings: optionalText('视察意见', 5000),
  })
  .refine((v) => !v.endDate || v.endDate.getTime() >= v.date.getTime(), { message: '结束日期不能早于活动日期', path: ['endDate'] });
export type ActivityForm = z.output<typeof activityFormSchema>;

/** 参加代表 and how many others (人次 not recorded by name). */
export const attendanceFormSchema = z.object({
  deputyIds: ids(),
  otherAttendees: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? '0' : v.trim()) : '0'),
    z
      .string()
      .regex(/^\d{1,4}$/, '其他参加人次应为0到9999的整数')
      .transform(Number),
  ),
});
export type AttendanceForm = z.output<typeof attendanceFormSchema>;

export const activityFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  kind: z.enum(ActivityKind).optional().catch(undefined),
});

export const statsFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
