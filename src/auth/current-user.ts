import type { Role } from '../generated/prisma/enums.js';

/** The logged-in user as services see it: enough for every role and record-level check. */
export type CurrentUser = {
  id: number;
  /** The user's township; NO_TOWNSHIP for the banner's accounts, which belong to none. */
  townshipId: number;
  /** The township's name (东明镇), shown in the page header; absent for the banner's accounts. */
  townshipName?: string;
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

/**
 * The township id of a banner account in the session: no row has it, so a query scoped by it finds
 * nothing even if a banner account ever reached a township page (the role guards already refuse it).
 */
export const NO_TOWNSHIP = -1;

/** The banner's accounts (旗人大): they belong to no township. */
export const BANNER_ROLES: readonly Role[] = ['BANNER_ADMIN', 'BANNER_VIEWER'];

export function isBannerRole(role: Role): boolean {
  return BANNER_ROLES.includes(role);
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
