import { z } from 'zod';
import {
  ContactWay,
  ReplyCategory,
  SatisfactionLevel,
  SuggestionCategory,
  SuggestionStatus,
  SupervisionWay,
} from '../../generated/prisma/enums.js';
import { date, ids, oneOf, optionalDate, optionalText, text } from '../../lib/forms.js';

const values = <T extends Record<string, string>>(e: T) => Object.values(e) as [T[keyof T], ...T[keyof T][]];

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === '1' || v === true, z.boolean());
const positiveId = (message: string) =>
  z.preprocess((v) => (v === '' || v === undefined ? NaN : v), z.coerce.number({ message }).int({ message }).positive({ message }));

// ───────────────────────────── Lists ─────────────────────────────

export const SORTS = ['updated', 'deadline', 'number'] as const;

export const suggestionFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: z.enum(SuggestionStatus).optional().catch(undefined),
  category: z.enum(SuggestionCategory).optional().catch(undefined),
  unit: z.coerce.number().int().positive().optional().catch(undefined),
  deputy: z.coerce.number().int().positive().optional().catch(undefined),
  key: z.enum(['1']).optional().catch(undefined),
  overdue: z.enum(['1']).optional().catch(undefined),
  carried: z.enum(['1']).optional().catch(undefined),
  /** 'all' lets a presidium member read the whole township instead of what they supervise. */
  scope: z.enum(['mine', 'all']).optional().catch(undefined),
  q: z.string().trim().max(50).catch(''),
  sort: z.enum(SORTS).catch('updated'),
  page: z.coerce.number().int().min(1).catch(1),
});
export type SuggestionFilter = z.output<typeof suggestionFilterSchema>;

// ───────────────────────────── 提出 ─────────────────────────────

export const suggestionFormSchema = z.object({
  title: text('标题', 100),
  content: text('建议内容', 5000).refine((s) => s.length >= 10, '建议内容请至少写10个字，说明问题和建议'),
  category: oneOf(values(SuggestionCategory), '类别'),
  /** Staff register on a deputy's behalf; a deputy is always the lead of their own. */
  leadDeputyId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  coSignerIds: ids(),
  opinionId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  /** Which button was pressed: 保存草稿 or 提交. */
  intent: z.enum(['draft', 'submit']).catch('submit'),
});
export type SuggestionForm = z.output<typeof suggestionFormSchema>;

// ───────────────────────────── Workflow actions ─────────────────────────────

export const reasonSchema = z.object({ reason: text('理由', 500) });

export const mergeSchema = z.object({
  duplicateOfCode: text('重复的建议编号', 20).refine((s) => /^\d{4}-\d{1,4}$/.test(s), '请按“2024-015”的格式填写建议编号'),
  reason: text('理由', 500),
});

export const assignSchema = z
  .object({
    leadUnitId: positiveId('请选择主办单位'),
    assistUnitIds: ids(),
    isComplex: checkbox,
  })
  .refine((v) => !v.assistUnitIds.includes(v.leadUnitId), { message: '主办单位不能同时作为协办单位', path: ['assistUnitIds'] });

export const bulkAssignSchema = z
  .object({
    ids: ids().refine((v) => v.length > 0, '请至少勾选一件建议'),
    leadUnitId: positiveId('请选择主办单位'),
    assistUnitIds: ids(),
    isComplex: checkbox,
  })
  .refine((v) => !v.assistUnitIds.includes(v.leadUnitId), { message: '主办单位不能同时作为协办单位', path: ['assistUnitIds'] });

export const contactSchema = z.object({
  date: date('沟通日期'),
  way: oneOf(values(ContactWay), '沟通方式'),
  summary: text('沟通情况', 1000),
});

export const assistOpinionSchema = z.object({ content: text('协办意见', 3000) });

export const extensionSchema = z.object({
  newDeadline: date('延期后的答复期限'),
  reason: text('延期理由', 500),
});

export const decideExtensionSchema = z.object({
  decision: z.enum(['approve', 'refuse'], { message: '请选择同意或不同意' }),
  note: optionalText('审批意见', 500),
});

export const replySchema = z
  .object({
    category: oneOf(values(ReplyCategory), '答复类别'),
    content: text('答复内容', 8000).refine((s) => s.length >= 10, '答复内容请至少写10个字'),
    plannedCompletion: optionalDate('计划完成时间'),
  })
  .refine((v) => v.category !== 'B' || v.plannedCompletion !== null, {
    message: 'B类答复（正在解决或已列入计划）请填写计划完成时间',
    path: ['plannedCompletion'],
  });

export const rateSchema = z.object({
  attitude: oneOf(values(SatisfactionLevel), '办理态度评价'),
  result: oneOf(values(SatisfactionLevel), '办理结果评价'),
  comment: optionalText('意见', 1000),
});

export const updateSchema = z.object({ date: date('落实日期'), content: text('落实情况', 3000) });

export const noteSchema = z.object({ note: optionalText('说明', 500) });

export const keySchema = z
  .object({ isKey: checkbox, supervisorId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()) })
  .refine((v) => !v.isKey || v.supervisorId !== undefined, { message: '重点建议请选择一名主席团成员作为督办人', path: ['supervisorId'] });

export const superviseSchema = z.object({
  way: oneOf(values(SupervisionWay), '督办方式'),
  date: date('督办日期'),
  note: text('督办情况', 1000),
});

export const publicSchema = z.object({ withheld: checkbox });

/** The version the user saw; a different current version means someone changed it meanwhile. */
export const versionSchema = z.object({ version: z.coerce.number().int().positive().catch(0) });
