import type { CurrentUser } from '../../auth/current-user.js';
import { isOffice } from '../../auth/current-user.js';

/** Staff collect (征集) candidates, edit them before the vote and run the vote at the session. */
export function canManageProjects(user: CurrentUser): boolean {
  return user.role === 'STAFF';
}

/** The presidium shortlists (初定) candidates for a session; staff may do it on its behalf. */
export function canShortlist(user: CurrentUser): boolean {
  return isOffice(user);
}

export function canManageVoting(user: CurrentUser): boolean {
  return user.role === 'STAFF';
}

/** While voting is open only the office sees the running count; everyone sees the closed result. */
export function canSeeOpenTally(user: CurrentUser): boolean {
  return isOffice(user);
}

/**
 * Who records a progress update (实施进度): staff, the presidium member who follows the project,
 * and officers of the responsible unit.
 */
export function canRecordProgress(user: CurrentUser, project: { followerId: number | null; responsibleUnitId: number | null }): boolean {
  if (user.role === 'STAFF') return true;
  if (user.role === 'PRESIDIUM') return project.followerId === user.id;
  if (user.role === 'UNIT') return user.unitId !== null && project.responsibleUnitId === user.unitId;
  return false;
}

/** Inspections (视察) are recorded by staff and the presidium. */
export function canRecordInspection(user: CurrentUser): boolean {
  return isOffice(user);
}
