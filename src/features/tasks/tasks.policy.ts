import type { CurrentUser } from '../../auth/current-user.js';
import { isOffice } from '../../auth/current-user.js';

/** Staff and presidium members assign supervision tasks and see all of them. */
export function canAssignTasks(user: CurrentUser): boolean {
  return isOffice(user);
}

/** Everyone in the office reviews reports, but nobody reviews their own. */
export function canReviewAssignment(user: CurrentUser, assignment: { deputyId: number }): boolean {
  return isOffice(user) && assignment.deputyId !== user.deputyId;
}

/** A task is visible to the office, and to a deputy only when one of its assignments is theirs. */
export function canViewTask(user: CurrentUser, assignments: ReadonlyArray<{ deputyId: number }>): boolean {
  return isOffice(user) || (user.deputyId !== null && assignments.some((a) => a.deputyId === user.deputyId));
}
