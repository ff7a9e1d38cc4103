import { yearOf } from './format.js';

/**
 * The year a year selector opens on: the latest year that has data, never an empty one (and never
 * a future year that only holds candidates). Annual views — the dashboard, statistics, a deputy's
 * 履职档案 — open on last year in January, while this year has barely begun; work lists (pass
 * `annual: false`) open on this year as soon as it has anything in it. Without any data, this year.
 */
export function defaultYear(yearsWithData: Iterable<number>, now: Date, { annual = true }: { annual?: boolean } = {}): number {
  const current = yearOf(now);
  const years = [...new Set(yearsWithData)].filter((y) => y <= current).sort((a, b) => b - a);
  const january = new Date(now.getTime() + 8 * 3600 * 1000).getUTCMonth() === 0;
  if (annual && january && years.includes(current - 1)) return current - 1;
  return years[0] ?? current;
}

/** The years to offer in a selector: those with data, and the chosen one, latest first. */
export function yearOptions(yearsWithData: Iterable<number>, chosen: number): number[] {
  return [...new Set([...yearsWithData, chosen])].sort((a, b) => b - a);
}

/**
 * A work list's year filter when the address names none: the latest year with data (this year once
 * it has any). `?year=` (the 全部 option) keeps every year.
 */
export function openingYear(req: { query: Record<string, unknown> }, yearsWithData: Iterable<number>, now: Date): { year?: number } {
  return req.query.year === undefined ? { year: defaultYear(yearsWithData, now, { annual: false }) } : {};
}
