import type { Role } from '../generated/prisma/enums.js';

/** The logged-in user as services see it: enough for every role and record-level check. */
export type CurrentUser = {
  id: number;
  townshipId: number;
  username: string;
  role: Role;
  title: string;
  displayName: string;
  deputyId: number | null;
  unitId: number | null;
  /** Set when the user must choose a new password before doing anything else. */
  passwordChange?: 'initial' | 'expired';
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // passport's req.user is our CurrentUser
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends CurrentUser {}
  }
}

/** Roles that may read everything in the township (their lists are not scoped). */
export const OFFICE_ROLES: readonly Role[] = ['STAFF', 'PRESIDIUM'];

/** The three administrators (三权分立): accounts and settings, security, the audit log. No business data. */
export const ADMIN_ROLES: readonly Role[] = ['SYSADMIN', 'SECADMIN', 'AUDITOR'];

export function isAdministrator(role: Role): boolean {
  return ADMIN_ROLES.includes(role);
}

export function isOffice(user: CurrentUser): boolean {
  return user.role === 'STAFF' || user.role === 'PRESIDIUM';
}
