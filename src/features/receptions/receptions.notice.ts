/** The 2-day rule of the public notice (公告) of a reception day, and the notice's wording helpers. */
import { toDateInput } from '../../lib/format.js';

export const NOTICE_DAYS_AHEAD = 2;
const DAY = 24 * 60 * 60 * 1000;

/** Whole calendar days (China time) from `from` to `to`; negative when `to` is earlier. */
export function calendarDaysBetween(from: Date, to: Date): number {
  const a = Date.parse(`${toDateInput(from)}T00:00:00Z`);
  const b = Date.parse(`${toDateInput(to)}T00:00:00Z`);
  return Math.round((b - a) / DAY);
}

export type NoticeWarning = { kind: 'late'; daysAhead: number } | { kind: 'unpublished'; daysLeft: number } | null;

/**
 * Whether the notice breaks the rule: published fewer than 2 days before the reception day, or not
 * published yet when it can no longer be on time. Only for receptions still to be held.
 */
export function noticeWarning(r: { date: Date; noticePublishedOn: Date | null; status?: string }, now: Date): NoticeWarning {
  if (r.status && r.status === 'CANCELLED') return null;
  if (r.noticePublishedOn) {
    const daysAhead = calendarDaysBetween(r.noticePublishedOn, r.date);
    return daysAhead < NOTICE_DAYS_AHEAD ? { kind: 'late', daysAhead } : null;
  }
  if (r.status && r.status !== 'SCHEDULED') return null;
  const daysLeft = calendarDaysBetween(now, r.date);
  return daysLeft < NOTICE_DAYS_AHEAD ? { kind: 'unpublished', daysLeft } : null;
}

/** The Chinese sentence of a warning, for forms and pages. */
export function noticeWarningText(w: NoticeWarning): string {
  if (!w) return '';
  if (w.kind === 'late') {
    const ahead = w.daysAhead <= 0 ? (w.daysAhead === 0 ? '当天才发布' : '晚于接待日发布') : `只提前${w.daysAhead}天发布`;
    return `公告${ahead}，未达到“接待日前至少${NOTICE_DAYS_AHEAD}天公布”的要求。`;
  }
  return w.daysLeft < 0
    ? '接待日已过，公告未登记发布日期。'
    : `距接待日只有${w.daysLeft}天，公告尚未发布，已无法提前${NOTICE_DAYS_AHEAD}天公布。`;
}

const weekdayFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', weekday: 'long' });

/** 星期四 */
export function weekdayOf(d: Date): string {
  return weekdayFormat.format(d);
}
