/** Deadline flags shown in every list: overdue, or due within 7 days. */
export const DUE_SOON_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;

export type DeadlineFlag = 'overdue' | 'due-soon' | null;

export function deadlineFlag(deadline: Date | null | undefined, open: boolean, now: Date = new Date()): DeadlineFlag {
  if (!deadline || !open) return null;
  // A deadline is the whole day: overdue from the next midnight on.
  if (now.getTime() >= deadline.getTime() + DAY) return 'overdue';
  if (deadline.getTime() - now.getTime() <= DUE_SOON_DAYS * DAY) return 'due-soon';
  return null;
}

export const deadlineFlagLabels: Record<Exclude<DeadlineFlag, null>, string> = {
  overdue: '已逾期',
  'due-soon': '7日内到期',
};
