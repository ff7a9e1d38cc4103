import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import { cached } from '../../lib/cached.js';

/** Options change seldom and every suggestion page shows them: kept until their table changes. */
const KEEP_MS = 10 * 60_000;

/** Handling units (承办单位) and the presidium members who can supervise, as select options. */
export function createUnitsService(db: Db) {
  return {
    options(user: CurrentUser) {
      return cached(db, `unit-options:${user.townshipId}`, ['HandlingUnit'], KEEP_MS, () =>
        db.handlingUnit.findMany({
          where: { townshipId: user.townshipId, active: true },
          select: { id: true, name: true },
          orderBy: { id: 'asc' },
        }),
      );
    },

    presidiumOptions(user: CurrentUser) {
      return cached(db, `presidium-options:${user.townshipId}`, ['User'], KEEP_MS, () =>
        db.user.findMany({
          where: { townshipId: user.townshipId, role: 'PRESIDIUM', active: true },
          select: { id: true, displayName: true, title: true },
          orderBy: { id: 'asc' },
        }),
      );
    },
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
