import type { CurrentUser } from '../../auth/current-user.js';

/** Only staff keep the stations, their equipment and their resident deputies. */
export function canManageStations(user: CurrentUser): boolean {
  return user.role === 'STAFF';
}
