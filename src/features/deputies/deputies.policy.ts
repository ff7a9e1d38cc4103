import type { CurrentUser } from '../../auth/current-user.js';
import { isOffice } from '../../auth/current-user.js';

/** Staff and presidium read the whole roster; a deputy reads only their own record. */
export function canViewDeputy(user: CurrentUser, deputyId: number): boolean {
  return isOffice(user) || (user.role === 'DEPUTY' && user.deputyId === deputyId);
}

/** Only staff create, edit and terminate deputies. */
export function canManageDeputies(user: CurrentUser): boolean {
  return user.role === 'STAFF';
}

/** The office (staff and presidium) may reveal a deputy's full phone number on the record's page (audited). */
export function canRevealDeputyPhone(user: CurrentUser): boolean {
  return isOffice(user);
}

/** 显示完整号码 on a deputy's page: the office, for another's number (a deputy sees their own in full). */
export function mayRevealPhone(user: CurrentUser, deputy: { id: number; phone: string }): boolean {
  return user.deputyId !== deputy.id && canRevealDeputyPhone(user) && deputy.phone !== '';
}
