/** Form parsing with zod: Chinese messages, first error per field, helpers for HTML form values. */
import { z } from 'zod';
import { parseDateInput, parseWan } from './format.js';
import { NotFoundError } from '../errors.js';

z.config(z.locales.zhCN());

export type FieldErrors = Record<string, string>;
export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Parses `input` (req.body or req.query) with `schema`; on failure returns one message per field. */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): FormResult<z.output<S>> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_form';
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/** A required text field, trimmed. */
export const text = (label: string, max = 200) =>
  z.preprocess((v) => trimmed(v ?? ''), z.string().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`));

/** An optional text field, trimmed, '' when empty. */
export const optionalText = (label: string, max = 200) =>
  z.preprocess((v) => trimmed(v ?? ''), z.string().max(max, `${label}不能超过${max}个字`));

/** A required date from <input type="date"> (also accepts 2023/12/7 and 2023年12月7日). */
export const date = (label: string) =>
  z.preprocess(
    (v) => trimmed(v ?? ''),
    z
      .string()
      .min(1, `请填写${label}`)
      .transform((s, ctx) => {
        const d = parseDateInput(s);
        if (!d) {
          ctx.addIssue({ code: 'custom', message: `${label}格式不正确，请按“2023-12-07”填写` });
          return z.NEVER;
        }
        return d;
      }),
  );

/** An optional date: null when empty. */
export const optionalDate = (label: string) =>
  z.preprocess(
    (v) => trimmed(v ?? ''),
    z.string().transform((s, ctx) => {
      if (s === '') return null;
      const d = parseDateInput(s);
      if (!d) {
        ctx.addIssue({ code: 'custom', message: `${label}格式不正确，请按“2023-12-07”填写` });
        return z.NEVER;
      }
      return d;
    }),
  );

/** An optional whole number within [min, max]: null when empty. */
export const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => trimmed(v ?? ''),
    z.string().transform((s, ctx) => {
      if (s === '') return null;
      if (!/^-?\d+$/.test(s)) {
        ctx.addIssue({ code: 'custom', message: `${label}应为整数` });
        return z.NEVER;
      }
      const n = Number(s);
      if (n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${label}应在${min}到${max}之间` });
        return z.NEVER;
      }
      return n;
    }),
  );

/** An amount typed in 万元, stored as integer 元. */
export const wan = (label: string) =>
  z.preprocess(
    (v) => trimmed(v ?? ''),
    z.string().transform((s, ctx) => {
      const yuan = parseWan(s === '' ? '0' : s);
      if (yuan === null) {
        ctx.addIssue({ code: 'custom', message: `${label}应为以万元计的数字，最多四位小数，如 12.5` });
        return z.NEVER;
      }
      return yuan;
    }),
  );

/** One value of a fixed set, with a Chinese message. */
export const oneOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.preprocess((v) => trimmed(v ?? ''), z.enum(values, { message: `请选择${label}` }));

/** Several values of a fixed set (checkboxes): a single value or none become an array. */
export const someOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.preprocess(
    (v): unknown[] => (v === undefined || v === '' ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
    z.array(z.enum(values, { message: `${label}的取值不正确` })),
  );

/** Several record ids (checkboxes / multi-select). */
export const ids = () =>
  z.preprocess(
    (v): unknown[] => (v === undefined || v === '' ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
    z.array(z.coerce.number().int().positive()),
  );

/** A positive integer id from a URL; anything else is a 404, not a 500. */
export function parseId(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n <= 0) throw new NotFoundError();
  return n;
}
