import type { Role } from '../../generated/prisma/enums.js';
import type { CurrentUser } from '../../auth/current-user.js';
import { isAdministrator } from '../../auth/current-user.js';

/**
 * 三权分立: the system administrator manages the business accounts; the administrator accounts
 * (系统 / 安全 / 审计管理员) are made at the server (`npm run user:create`) and never changed here,
 * so that no one administrator can give themselves — or take over — another's powers.
 */
export const MANAGEABLE_ROLES = ['STAFF', 'PRESIDIUM', 'DEPUTY', 'UNIT'] as const satisfies readonly Role[];
export type ManageableRole = (typeof MANAGEABLE_ROLES)[number];

export function isManageable(role: Role): role is ManageableRole {
  return (MANAGEABLE_ROLES as readonly Role[]).includes(role);
}

/** May `actor` create, reset, edit, deactivate or reactivate the account `target`? */
export function canManageAccount(actor: CurrentUser, target: { id: number; townshipId: number | null; role: Role }): boolean {
  return actor.role === 'SYSADMIN' && actor.townshipId === target.townshipId && actor.id !== target.id && isManageable(target.role);
}

/** Which linked record a role needs: a deputy, a handling unit, or none. */
export function linkOf(role: Role): 'deputy' | 'unit' | 'optional-deputy' | 'none' {
  switch (role) {
    case 'DEPUTY':
      return 'deputy';
    case 'UNIT':
      return 'unit';
    case 'PRESIDIUM':
      return 'optional-deputy';
    default:
      return 'none';
  }
}

export { isAdministrator };
