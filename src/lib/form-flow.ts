/** The post → 422 re-render flow of a form, shared by the feature routes. */
import type { FieldErrors } from './forms.js';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.js';

/**
 * The submitted values of a form, to show again beside its errors (never the whole body): `fields`
 * as strings (a repeated field keeps its list), `arrays` always as lists (checkbox groups).
 */
export function submitted(body: unknown, fields: readonly string[], arrays: readonly string[] = []): Record<string, unknown> {
  const b = (body ?? {}) as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const f of fields) {
    const v = b[f];
    values[f] = Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v : '';
  }
  for (const f of arrays) {
    const v = b[f];
    values[f] = Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : [];
  }
  return values;
}

/** The field names of a zod object schema (refined or not), to pick the submitted values by. */
export function fieldsOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * The one way a route runs a service call that may reject the form: the call's value when it
 * succeeds; otherwise `render(errors)` for a ValidationError (422, the same form with the messages
 * beside the fields), or `refused(error)` — when given — for a 403/409 the page explains itself.
 * Returns null when it rendered, so the route stops: `if (!(await orRender(…))) return;`.
 */
export async function orRender<T>(
  work: () => Promise<T>,
  render: (errors: FieldErrors) => Promise<void> | void,
  refused?: (error: ConflictError | ForbiddenError) => Promise<void> | void,
): Promise<{ value: T } | null> {
  try {
    return { value: await work() };
  } catch (e) {
    if (e instanceof ValidationError) {
      await render(e.fieldErrors);
      return null;
    }
    if (refused && (e instanceof ConflictError || e instanceof ForbiddenError)) {
      await refused(e);
      return null;
    }
    throw e;
  }
}

/** One submitted text field (req.body is untyped): its trimmed-free string value, or '' when absent. */
export function fieldText(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
}
