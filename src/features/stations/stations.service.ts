import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { StationTier } from '../../generated/prisma/enums.js';
import { NotFoundError } from '../../errors.js';
import { yearRange } from '../../lib/format.js';

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

    /** Receptions held in a year at every station, with the opinions collected (for the annual report). */
    async receptionsInYear(user: CurrentUser, year: number) {
      const rows = await db.reception.findMany({
        where: { townshipId: user.townshipId, status: 'HELD', date: yearRange(year) },
        select: { id: true, date: true, voterCount: true, station: { select: { name: true } }, _count: { select: { opinions: true } } },
        orderBy: { date: 'asc' },
      });
      return rows.map((r) => ({ id: r.id, date: r.date, station: r.station.name, voterCount: r.voterCount, opinions: r._count.opinions }));
    },
  };
}

export type StationsService = ReturnType<typeof createStationsService>;
