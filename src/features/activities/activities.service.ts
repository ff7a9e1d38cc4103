import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { ActivityKind } from '../../generated/prisma/enums.js';
import { NotFoundError } from '../../errors.js';
import { yearOf, yearRange } from '../../lib/format.js';

/** 人次 of one activity: deputies recorded by name plus those counted without names. */
export function personTimes(a: { otherAttendees: number; _count: { participants: number } }): number {
  return a._count.participants + a.otherAttendees;
}

export function createActivitiesService(db: Db) {
  return {
    async list(user: CurrentUser, filter: { year?: number; kind?: ActivityKind }) {
      const activities = await db.activity.findMany({
        where: {
          townshipId: user.townshipId,
          ...(filter.year ? { date: yearRange(filter.year) } : {}),
          ...(filter.kind ? { kind: filter.kind } : {}),
        },
        include: { _count: { select: { participants: true } }, station: { select: { name: true } }, inspection: { select: { projectId: true } } },
        orderBy: { date: 'desc' },
      });
      const items = activities.map((a) => ({ ...a, personTimes: personTimes(a) }));
      return { items, totalPersonTimes: items.reduce((sum, a) => sum + a.personTimes, 0) };
    },

    async years(user: CurrentUser): Promise<number[]> {
      const rows = await db.activity.findMany({ where: { townshipId: user.townshipId }, select: { date: true } });
      const years = new Set(rows.map((r) => yearOf(r.date)));
      return [...years].sort((a, b) => b - a);
    },

    async get(user: CurrentUser, id: number) {
      const activity = await db.activity.findFirst({
        where: { id, townshipId: user.townshipId },
        include: {
          participants: { include: { deputy: { select: { id: true, name: true, village: true } } }, orderBy: { deputy: { name: 'asc' } } },
          station: { select: { id: true, name: true } },
          inspection: { include: { project: { select: { id: true, name: true } } } },
          _count: { select: { participants: true } },
        },
      });
      if (!activity) throw new NotFoundError('没有找到该活动。');
      return { ...activity, personTimes: personTimes(activity) };
    },
  };
}

export type ActivitiesService = ReturnType<typeof createActivitiesService>;
