/** Formatting for the Chinese UI: dates as 2023年12月7日 (China time), money in 万元. */

const TZ = 'Asia/Shanghai';

const dateParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const timeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

function ymd(d: Date): [number, number, number] {
  const [y, m, day] = dateParts.format(d).split('-').map(Number);
  return [y!, m!, day!];
}

/** 2023年12月7日; '' for null. */
export function formatDate(d: Date | null | undefined): string {
  if (!d) return '';
  const [y, m, day] = ymd(d);
  return `${y}年${m}月${day}日`;
}

/** 2023年12月7日 14:05 */
export function formatDateTime(d: Date | null | undefined): string {
  if (!d) return '';
  return `${formatDate(d)} ${timeParts.format(d)}`;
}

/** 2023-12-07, the value of an <input type="date">. */
export function toDateInput(d: Date | null | undefined): string {
  if (!d) return '';
  const [y, m, day] = ymd(d);
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses 2023-12-07 (or 2023/12/7, 2023年12月7日) as midnight China time. */
export function parseDateInput(s: string): Date | null {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(`${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T00:00:00+08:00`);
  if (Number.isNaN(date.getTime())) return null;
  const [cy, cm, cd] = ymd(date);
  return cy === y && cm === mo && cd === d ? date : null;
}

/** The calendar year of a date in China time. */
export function yearOf(d: Date): number {
  return ymd(d)[0];
}

/** Midnight (China time) of 1 January of `year`, and of the next year: [from, to). */
export function yearRange(year: number): { gte: Date; lt: Date } {
  return {
    gte: new Date(`${year}-01-01T00:00:00+08:00`),
    lt: new Date(`${year + 1}-01-01T00:00:00+08:00`),
  };
}

/** 4000000 元 → "400万元"; 125000 → "12.5万元"; exact to the yuan (up to 4 decimals of 万). */
export function formatWan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return '';
  const negative = yuan < 0;
  const abs = Math.abs(Math.trunc(yuan));
  const whole = Math.floor(abs / 10000);
  const rest = abs % 10000;
  const decimals = rest === 0 ? '' : '.' + String(rest).padStart(4, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole.toLocaleString('zh-CN')}${decimals}万元`;
}

/** Parses a user's 万元 amount ("400", "12.5", "1,200.05") into integer 元; null when invalid. */
export function parseWan(s: string): number | null {
  const t = s.replace(/[,，\s]/g, '').replace(/万元?$/, '');
  const m = /^(\d{1,7})(?:\.(\d{1,4}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * 10000 + Number((m[2] ?? '').padEnd(4, '0'));
}

/** Masks a phone number for people who may not see it: 138****5678. */
export function maskPhone(phone: string): string {
  if (!phone) return '';
  if (phone.length < 7) return '****';
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** Percentage with one decimal place, "—" when there is nothing to divide. */
export function formatPercent(numerator: number, denominator: number): string {
  if (!denominator) return '—';
  return `${(Math.round((numerator / denominator) * 1000) / 10).toFixed(1)}%`;
}
