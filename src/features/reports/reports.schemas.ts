/** zod schemas of the work report's forms and URL parameters. */
import { z } from 'zod';
import { optionalText, text } from '../../lib/forms.js';
import { NotFoundError } from '../../errors.js';

export const SECTION_KINDS = ['OPENING', 'REVIEW_INTRO', 'REVIEW_PART', 'ACHIEVEMENTS', 'TASKS', 'CLOSING'] as const;

/** A year in a URL (/reports/2023): anything else is a 404. */
export function parseYear(value: unknown): number {
  const n = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new NotFoundError('没有找到该年度的工作报告。');
  return n;
}

const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]);

export const versionSchema = z.object({ version: z.coerce.number().int().positive() });

/**
 * The editor's form: header fields and the sections as parallel repeated fields
 * (kind, heading, body), and `op`, the button pressed: save, or up/down/remove/insert:<index>.
 */
export const reportFormSchema = z
  .object({
    version: z.coerce.number().int().positive(),
    title: text('报告标题', 60),
    presenterName: text('报告人姓名', 30),
    presenterTitle: text('报告人职务', 30),
    sessionId: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().positive().nullable()),
    note: optionalText('修改说明', 200),
    kind: z.preprocess(list, z.array(z.enum(SECTION_KINDS, { message: '段落类型不正确' })).max(60, '段落不能超过60个')),
    heading: z.preprocess(list, z.array(z.string().trim().max(100, '小标题不能超过100个字'))),
    body: z.preprocess(
      list,
      z.array(
        z
          .string()
          .transform((b) => b.replace(/\r\n?/g, '\n').trim())
          .pipe(z.string().max(20000, '每段正文不能超过20000个字')),
      ),
    ),
    op: z.preprocess(
      (v) => (v === undefined || v === '' ? 'save' : v),
      z.string().regex(/^(save|add|(up|down|remove|insert):\d{1,2})$/, '操作不正确'),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.kind.length !== v.heading.length || v.kind.length !== v.body.length) {
      ctx.addIssue({ code: 'custom', path: ['_form'], message: '段落数据不完整，请刷新页面后重试' });
    }
  });

export type ReportForm = z.output<typeof reportFormSchema>;

export const reopenSchema = z.object({
  version: z.coerce.number().int().positive(),
  reason: text('重新打开的理由', 200),
});

export const compareSchema = z.object({
  a: z.coerce.number().int().positive({ message: '请选择修订版本' }),
  b: z.coerce.number().int().positive({ message: '请选择修订版本' }),
});

export const yearQuerySchema = z.object({
  year: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(2000).max(2100).optional()),
});
