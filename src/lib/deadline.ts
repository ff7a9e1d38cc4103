/**
 * Deadlines, one rule for every list, filter, reminder and statistic: a deadline is the whole day
 * (overdue from the next midnight on), and it is due soon within 7 days.
 */
export const DUE_SOON_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;

export type DeadlineFlag = 'overdue' | 'due-soon' | null;

/** The end of a deadline: the instant after its day. */
export function deadlineEnd(deadline: Date): Date {
  return new Date(deadline.getTime() + DAY);
}

/** Has the deadline passed at `now`? */
export function isOverdue(deadline: Date, now: Date): boolean {
  return now.getTime() >= deadlineEnd(deadline).getTime();
}

/** Was something done at `at` within the deadline (on the day itself counts)? */
export function metDeadline(at: Date, deadline: Date): boolean {
  return at.getTime() < deadlineEnd(deadline).getTime();
}

/** For queries: deadlines on or before this instant have passed at `now` (`deadline: { lte: … }`). */
export function overdueCutoff(now: Date): Date {
  return new Date(now.getTime() - DAY);
}

/** For queries: deadlines on or before this instant are overdue or due soon at `now`. */
export function dueSoonLimit(now: Date): Date {
  return new Date(now.getTime() + DUE_SOON_DAYS * DAY);
}

export function deadlineFlag(deadline: Date | null | undefined, open: boolean, now: Date): DeadlineFlag {
  if (!deadline || !open) return null;
  if (isOverdue(deadline, now)) return 'overdue';
  if (deadline.getTime() <= dueSoonLimit(now).getTime()) return 'due-soon';
  return null;
}

export const deadlineFlagLabels: Record<Exclude<DeadlineFlag, null>, string> = {
  overdue: '已逾期',
  'due-soon': `${DUE_SOON_DAYS}日内到期`,
};
