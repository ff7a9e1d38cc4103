import type { CurrentUser } from '../../auth/current-user.js';

/** Reception days and voters' opinions: staff record them; staff, presidium and deputies read them. */
export function canReadReceptions(user: CurrentUser): boolean {
  return user.role === 'STAFF' || user.role === 'PRESIDIUM' || user.role === 'DEPUTY';
}
export function canManageReceptions(user: CurrentUser): boolean {
  return user.role === 'STAFF';
}
/**
 * Voters' names and phones are shown in full to staff, and to the deputy a voter wrote to through a
 * code (a deputy sees a code opinion only when it is in their own queue: opinions/opinions.policy.ts).
 */
export function canSeeVoterContact(user: CurrentUser, o: { source: string }): boolean {
  return user.role === 'STAFF' || (user.role === 'DEPUTY' && o.source === 'CODE');
}

/** Overdue referrals are the office's to chase (staff) and the presidium's to supervise; deputies are not alerted. */
export function canFollowUpReferrals(user: CurrentUser): boolean {
  return user.role === 'STAFF' || user.role === 'PRESIDIUM';
}
