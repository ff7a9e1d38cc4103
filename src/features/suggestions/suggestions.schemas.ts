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
import type { ActionName } from './suggestions.workflow.js';
import type { CurrentUser } from '../../auth/current-user.js';
import { registersForDeputy } from './suggestions.policy.js';

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

/** The fields in the order the form shows them, so that the error summary lists them in that order too. */
export const suggestionFormSchema = z.object({
  /** Staff register on a deputy's behalf; a deputy is always the lead of their own. */
  leadDeputyId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  title: text('标题', 100),
  category: oneOf(values(SuggestionCategory), '类别'),
  content: text('建议内容', 5000).refine((s) => s.length >= 10, '建议内容请至少写10个字，说明问题和建议'),
  coSignerIds: ids(),
  opinionId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  /** Which button was pressed: 保存草稿 or 提交. */
  intent: z.enum(['draft', 'submit']).catch('submit'),
});

/** Staff registering a new suggestion must name the lead deputy: flagged with the other fields, in one round. */
const staffRegistrationSchema = suggestionFormSchema.extend({ leadDeputyId: positiveId('请选择领衔代表') });

/** The schema of the suggestion form as `user` fills it in. */
export function suggestionFormFor(user: CurrentUser, mode: 'new' | 'edit') {
  return mode === 'new' && registersForDeputy(user) ? staffRegistrationSchema : suggestionFormSchema;
}

export type SuggestionForm = z.output<typeof suggestionFormSchema>;

// ───────────────────────────── Workflow actions ─────────────────────────────

export const reasonSchema = z.object({ reason: text('理由', 500) });

export const mergeSchema = z.object({
  duplicateOfCode: text('重复的建议编号', 20).refine((s) => /^\d{4}-\d{1,4}$/.test(s), '请按“2024-015”的格式填写建议编号'),
  reason: text('理由', 500),
});

const assignFields = z.object({
  leadUnitId: positiveId('请选择主办单位'),
  assistUnitIds: ids(),
  isComplex: checkbox,
});
/** A unit leads or assists, not both. */
function leadIsNotAssisting<T extends z.ZodType<{ leadUnitId: number; assistUnitIds: number[] }>>(schema: T) {
  return schema.refine((v) => !v.assistUnitIds.includes(v.leadUnitId), {
    message: '主办单位不能同时作为协办单位',
    path: ['assistUnitIds'],
  });
}

export const assignSchema = leadIsNotAssisting(assignFields);

/** 批量交办: the same choice for every ticked suggestion. */
export const bulkAssignSchema = leadIsNotAssisting(assignFields.extend({ ids: ids().refine((v) => v.length > 0, '请至少勾选一件建议') }));

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

/** The schema of each workflow action's form: the one map the routes parse with and the inputs come from. */
const schemaOf = {
  submit: noteSchema,
  accept: noteSchema,
  return: reasonSchema,
  merge: mergeSchema,
  toReference: reasonSchema,
  assign: assignSchema,
  sign: noteSchema,
  returnAssignment: reasonSchema,
  logContact: contactSchema,
  assistOpinion: assistOpinionSchema,
  requestExtension: extensionSchema,
  decideExtension: decideExtensionSchema,
  reply: replySchema,
  rate: rateSchema,
  implementationUpdate: updateSchema,
  markImplemented: noteSchema,
  confirm: noteSchema,
  setKey: keySchema,
  supervise: superviseSchema,
  setPublic: publicSchema,
} as const satisfies Record<ActionName, z.ZodType>;

/** The input of each action, as its schema outputs it. */
export type ActionInput = { [A in ActionName]: z.output<(typeof schemaOf)[A]> };

/** The same map, typed per action, so that code generic in the action keeps the input's type. */
export const actionSchemas: { [A in ActionName]: z.ZodType<ActionInput[A]> } = schemaOf;

/** The URL segment each action is posted to: /suggestions/:id/<path>. */
export const actionPaths: Record<ActionName, string> = {
  submit: 'submit',
  accept: 'accept',
  return: 'return',
  merge: 'merge',
  toReference: 'to-reference',
  assign: 'assign',
  sign: 'sign',
  returnAssignment: 'return-assignment',
  logContact: 'contacts',
  assistOpinion: 'assist-opinions',
  requestExtension: 'extension-requests',
  decideExtension: 'extension-decision',
  reply: 'reply',
  rate: 'rate',
  implementationUpdate: 'implementation-updates',
  markImplemented: 'mark-implemented',
  confirm: 'confirm',
  setKey: 'key',
  supervise: 'supervisions',
  setPublic: 'public',
};

/** The version the user saw; a different current version means someone changed it meanwhile. */
export const versionSchema = z.object({ version: z.coerce.number().int().positive().catch(0) });
