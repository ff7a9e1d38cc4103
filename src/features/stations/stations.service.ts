import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { StationTier } from '../../generated/prisma/enums.js';
import { NotFoundError } from '../../errors.js';

const TIER_ORDER: Record<StationTier, number> = { BANNER: 0, TOWN_HOME: 1, VILLAGE: 2 };

export function createStationsService(db: Db) {
  return {
    /** All stations of the township, the three tiers in order, with their counts. */
    async list(user: CurrentUser, filter: { tier?: StationTier } = {}) {
      const stations = await db.liaisonStation.findMany({
        where: { townshipId: user.townshipId, ...(filter.tier ? { tier: filter.tier } : {}) },
        include: { _count: { select: { deputies: true, equipment: true, receptions: true } } },
        orderBy: [{ establishedOn: 'asc' }, { name: 'asc' }],
      });
      return stations.sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier]);
    },

    async get(user: CurrentUser, id: number) {
      const station = await db.liaisonStation.findFirst({
        where: { id, townshipId: user.townshipId },
        include: {
          equipment: { orderBy: [{ providedOn: 'asc' }, { id: 'asc' }] },
          deputies: {
            include: { deputy: { select: { id: true, name: true, village: true, status: true, levels: true } } },
            orderBy: { deputy: { name: 'asc' } },
          },
          receptions: {
            orderBy: { date: 'desc' },
            take: 20,
            include: {
              deputies: { include: { deputy: { select: { id: true, name: true } } } },
              _count: { select: { opinions: true } },
            },
          },
        },
      });
      if (!station) throw new NotFoundError('没有找到该联络站。');
      return station;
    },
  };
}

export type StationsService = ReturnType<typeof createStationsService>;
