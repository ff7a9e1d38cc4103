import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';

/** Handling units (承办单位) and the presidium members who can supervise, as select options. */
export function createUnitsService(db: Db) {
  return {
    options(user: CurrentUser) {
      return db.handlingUnit.findMany({
        where: { townshipId: user.townshipId, active: true },
        select: { id: true, name: true },
        orderBy: { id: 'asc' },
      });
    },

    presidiumOptions(user: CurrentUser) {
      return db.user.findMany({
        where: { townshipId: user.townshipId, role: 'PRESIDIUM', active: true },
        select: { id: true, displayName: true, title: true },
        orderBy: { id: 'asc' },
      });
    },
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
