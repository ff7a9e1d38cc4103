import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import { chineseNumber } from '../../lib/labels.js';
import { yearOf } from '../../lib/format.js';

export function createReportsService(db: Db) {
  return {
    /**
     * One row per year that has data or a report: the report's state when it exists, and the
     * session the report of that year is delivered at (the session held late in that year).
     */
    async overview(user: CurrentUser) {
      const [reports, sessions, suggestionYears, projectYears] = await Promise.all([
        db.annualReport.findMany({ where: { townshipId: user.townshipId }, orderBy: { year: 'desc' } }),
        db.congressSession.findMany({
          where: { congress: { townshipId: user.townshipId } },
          include: { congress: true },
          orderBy: { date: 'asc' },
        }),
        db.suggestion.findMany({ where: { townshipId: user.townshipId }, distinct: ['year'], select: { year: true } }),
        db.livelihoodProject.findMany({ where: { townshipId: user.townshipId }, distinct: ['year'], select: { year: true } }),
      ]);
      const years = new Set<number>([
        ...reports.map((r) => r.year),
        ...suggestionYears.map((r) => r.year),
        ...projectYears.map((r) => r.year),
      ]);
      return [...years]
        .sort((a, b) => b - a)
        .map((year) => {
          const session = sessions.filter((s) => yearOf(s.date) === year).at(-1) ?? null;
          return {
            year,
            report: reports.find((r) => r.year === year) ?? null,
            sessionName: session
              ? `第${chineseNumber(session.congress.term)}届人民代表大会第${chineseNumber(session.number)}次会议`
              : '',
            sessionDate: session?.date ?? null,
          };
        });
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
