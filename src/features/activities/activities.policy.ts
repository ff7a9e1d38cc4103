import type { CurrentUser } from '../../auth/current-user.js';

/** Staff, the presidium and deputies read the activities; units do not. */
export function canReadActivities(user: CurrentUser): boolean {
  return user.role === 'STAFF' || user.role === 'PRESIDIUM' || user.role === 'DEPUTY';
}

/** Staff record activities and their attendance. */
export function canManageActivities(user: CurrentUser): boolean {
  return user.role === 'STAFF';
}
