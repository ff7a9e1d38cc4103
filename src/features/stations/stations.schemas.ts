import { z } from 'zod';
import { StationTier } from '../../generated/prisma/enums.js';
import { oneOf, optionalDate, optionalText, text } from '../../lib/forms.js';

const tiers = Object.values(StationTier) as [StationTier, ...StationTier[]];

/** A station's phone: a mobile number or a fixed line with its area code, or nothing. */
export const stationPhone = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : ''),
  z
    .string()
    .refine((s) => s === '' || /^1\d{10}$/.test(s) || /^0\d{2,3}-?\d{7,8}$/.test(s), '请填写手机号码或带区号的固定电话，如 0475-4231009'),
);

/** The create / edit form of a liaison station. */
export const stationFormSchema = z.object({
  name: text('名称', 50),
  tier: oneOf(tiers, '层级'),
  village: optionalText('所在村（嘎查）', 50),
  address: optionalText('地址', 100),
  establishedOn: optionalDate('设立日期'),
  phone: stationPhone,
  workRules: optionalText('工作制度', 5000),
});
export type StationForm = z.output<typeof stationFormSchema>;

/** One line of the equipment inventory. */
export const equipmentFormSchema = z.object({
  name: text('设备名称', 50),
  quantity: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.coerce.number({ message: '数量应为整数' }).int('数量应为整数').min(1, '数量至少为1').max(9999, '数量不能超过9999'),
  ),
  unit: text('单位', 10),
  providedOn: optionalDate('配备日期'),
  note: optionalText('备注', 200),
});
export type EquipmentForm = z.output<typeof equipmentFormSchema>;

/** Adds a resident deputy (进站代表). */
export const residentFormSchema = z.object({
  deputyId: z.preprocess(
    (v) => (v === '' || v === undefined ? NaN : v),
    z.coerce.number({ message: '请选择代表' }).int({ message: '请选择代表' }).positive({ message: '请选择代表' }),
  ),
  since: optionalDate('进站日期'),
});
export type ResidentForm = z.output<typeof residentFormSchema>;

export const stationFilterSchema = z.object({ tier: z.enum(StationTier).optional().catch(undefined) });
