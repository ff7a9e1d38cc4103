// Dates of the demo. The history (2021–2024, the world of the 2023 report) has fixed dates such as
// '2023-12-07' or '2023-12-07 09:30'. The current work is written relative to the day the demo is
// created: 'T-5' is five days before today, 'T+8 14:30' eight days after, at 14:30 China time.

const DAY = 24 * 3600 * 1000;
const CN_OFFSET = 8 * 3600 * 1000;

export interface DemoClock {
  /** The moment the demo is created. */
  readonly now: Date;
  /** Midnight (China time) of a fixed or relative date; with a time when one is given. */
  date: (s: string) => Date;
  /** Like date(), but a date without a time is taken at 09:00 (office hours). */
  at: (s: string) => Date;
  /** The China-local calendar year of a fixed or relative date. */
  yearOf: (s: string) => number;
  /** Replaces {P} (the year of the current projects) and {P+1} (the next one) in a text. */
  text: (s: string) => string;
  /** The year of the livelihood projects under way now, and of the ones voted at the coming session. */
  readonly projectYear: number;
}

/** Calendar year of an instant in China time. */
function cnYear(date: Date): number {
  return new Date(date.getTime() + CN_OFFSET).getUTCFullYear();
}

export function createClock(now: Date): DemoClock {
  // Today at midnight, China time.
  const today = Math.floor((now.getTime() + CN_OFFSET) / DAY) * DAY - CN_OFFSET;

  function date(s: string): Date {
    const [day, time = '00:00'] = s.split(' ');
    const [h, m] = time.split(':').map(Number);
    const rel = /^T([+-]\d+)$/.exec(day ?? '');
    let out: Date;
    if (rel) out = new Date(today + Number(rel[1]) * DAY + ((h ?? 0) * 60 + (m ?? 0)) * 60 * 1000);
    else out = new Date(`${day}T${time}:00+08:00`);
    if (Number.isNaN(out.getTime())) throw new Error(`demo seed: bad date "${s}"`);
    return out;
  }
  const at = (s: string): Date => (s.includes(' ') ? date(s) : date(`${s} 09:00`));
  // The projects under way are those of the year around the middle of the current work.
  const projectYear = cnYear(date('T-170'));
  return {
    now,
    date,
    at,
    yearOf: (s) => cnYear(date(s)),
    text: (s) => s.replaceAll('{P+1}', String(projectYear + 1)).replaceAll('{P}', String(projectYear)),
    projectYear,
  };
}

/** Adds calendar months in China local time, clamping to the month's last day. */
export function addMonths(date: Date, n: number): Date {
  const local = new Date(date.getTime() + CN_OFFSET);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + n;
  const day = local.getUTCDate();
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const shifted = Date.UTC(y, m, Math.min(day, lastDay), local.getUTCHours(), local.getUTCMinutes());
  return new Date(shifted - CN_OFFSET);
}

export const MINUTE = 60 * 1000;
export { DAY };

/** 立案编号 2024-015. */
export function sugNo(year: number, n: number): string {
  return `${year}-${String(n).padStart(3, '0')}`;
}

/** A value the data table names, or a clear error naming the typo. */
export function must<V>(map: Map<string, V>, key: string, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`demo seed: unknown ${what} "${key}"`);
  return v;
}
