/** 代表码 statistics: opinions received, answered on time (有访必答), turned into suggestions, satisfaction — per deputy, station and month. */
import type { Db } from '../../db.js';
import { yearRange } from '../../lib/format.js';
import { answeredOnTime } from './opinions.policy.js';

export type CodeFigures = { received: number; onTime: number; responded: number; converted: number; rated: number; satisfied: number };
const empty = (): CodeFigures => ({ received: 0, onTime: 0, responded: 0, converted: 0, rated: 0, satisfied: 0 });
/** The month (1–12) of an instant in China time. */
const cnMonth = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCMonth() + 1;

export function createOpinionStats(db: Db) {
  return {
    /** The year's code opinions (spam left out) of a township, or of one deputy (sent to them). */
    async forYear(townshipId: number, year: number, deputyId?: number) {
      const rows = await db.voterOpinion.findMany({
        where: { townshipId, source: 'CODE', spam: false, createdAt: yearRange(year), ...(deputyId ? { deputyId } : {}) },
        select: {
          createdAt: true,
          respondedAt: true,
          handling: true,
          rating: true,
          deputy: { select: { id: true, name: true } },
          station: { select: { id: true, name: true } },
        },
      });
      const total = empty();
      const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...empty() }));
      const deputies = new Map<number, { id: number; name: string } & CodeFigures>();
      const stations = new Map<number, { id: number; name: string } & CodeFigures>();
      for (const o of rows) {
        const targets: CodeFigures[] = [total, months[cnMonth(o.createdAt) - 1]!];
        if (o.deputy) {
          if (!deputies.has(o.deputy.id)) deputies.set(o.deputy.id, { ...o.deputy, ...empty() });
          targets.push(deputies.get(o.deputy.id)!);
        }
        if (o.station) {
          if (!stations.has(o.station.id)) stations.set(o.station.id, { ...o.station, ...empty() });
          targets.push(stations.get(o.station.id)!);
        }
        for (const f of targets) {
          f.received++;
          if (o.respondedAt) f.responded++;
          if (answeredOnTime(o)) f.onTime++;
          if (o.handling === 'CONVERTED') f.converted++;
          if (o.rating) f.rated++;
          if (o.rating === 'SATISFIED' || o.rating === 'FAIRLY') f.satisfied++;
        }
      }
      const byCount = (a: CodeFigures & { name: string }, b: CodeFigures & { name: string }) =>
        b.received - a.received || a.name.localeCompare(b.name, 'zh-CN');
      return { year, total, months, deputies: [...deputies.values()].sort(byCount), stations: [...stations.values()].sort(byCount) };
    },
  };
}

export type OpinionStats = ReturnType<typeof createOpinionStats>;
export type CodeYear = Awaited<ReturnType<OpinionStats['forYear']>>;
