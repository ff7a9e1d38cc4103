import { ValidationError } from '../errors.js';
import type { FieldErrors } from './forms.js';

/** The submitted values to show again on a form with errors: only the form's own fields, as strings. */
export function submittedValues(body: unknown, fields: readonly string[], arrays: readonly string[] = []): Record<string, unknown> {
  const b = (body ?? {}) as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const f of fields) values[f] = typeof b[f] === 'string' ? b[f] : '';
  for (const f of arrays) {
    const v = b[f];
    values[f] = Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : [];
  }
  return values;
}

/**
 * Runs a service call; a ValidationError it raises becomes a 422 re-render with its field
 * errors (through `rerender`). Returns true when the work succeeded.
 */
export async function orInvalid(work: () => Promise<unknown>, rerender: (errors: FieldErrors) => unknown): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (e) {
    if (e instanceof ValidationError) {
      await rerender(e.fieldErrors);
      return false;
    }
    throw e;
  }
}
