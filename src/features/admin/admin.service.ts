import type { Db } from '../../db.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthService } from '../../auth/auth.service.js';
import type { LoginGuard } from '../../auth/login-guard.js';
import { createUsersAdmin } from './users.service.js';
import { createLocksAdmin, createTownshipAdmin, createUnitsAdmin } from './settings.service.js';

/** What the system and security administrators do under /admin. */
export function createAdminService(db: Db, deps: { audit: AuditService; auth: AuthService; guard: LoginGuard }, now: () => Date) {
  return {
    users: createUsersAdmin(db, deps, now),
    units: createUnitsAdmin(db, deps.audit),
    township: createTownshipAdmin(db, deps.audit),
    locks: createLocksAdmin(db, deps.audit, deps.guard),
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
