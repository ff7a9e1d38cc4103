import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import { yearOf, yearRange } from '../../lib/format.js';
import { defaultYear, yearOptions } from '../../lib/years.js';
import type { DeputiesService } from '../deputies/deputies.service.js';
import type { OpinionStats } from '../opinions/opinions.stats.js';
import { suggestionScope } from '../suggestions/suggestions.policy.js';
import { suggestionCode } from '../suggestions/suggestions.service.js';

/**
 * 代表履职档案: everything one deputy did in one year — suggestions led and co-signed, activities,
 * receptions on duty and opinions collected, inspections, votes, supervision tasks — with counts.
 * Who may read it is the deputy record's own rule (staff and presidium everyone, a deputy themself).
 */
export function createRecordsService(
  db: Db,
  deps: { deputies: DeputiesService; opinionStats: OpinionStats },
  now: () => Date = () => new Date(),
) {
  /** Years in which the deputy has anything on record, newest first (always the current year). */
  async function years(deputyId: number): Promise<number[]> {
    const [s, a, r, v, t] = await Promise.all([
      db.suggestion.findMany({
        // a draft never submitted is not a suggestion the deputy has made
        where: { status: { not: 'DRAFT' }, OR: [{ leadDeputyId: deputyId }, { coSigners: { some: { deputyId } } }] },
        select: { year: true },
        distinct: ['year'],
      }),
      db.activityParticipant.findMany({ where: { deputyId }, select: { activity: { select: { date: true } } } }),
      db.receptionDeputy.findMany({ where: { deputyId }, select: { reception: { select: { date: true } } } }),
      db.projectVote.findMany({ where: { deputyId }, select: { session: { select: { date: true } } } }),
      db.supervisionTaskAssignment.findMany({ where: { deputyId }, select: { task: { select: { dueDate: true } } } }),
    ]);
    const set = new Set<number>([
      ...s.map((x) => x.year),
      ...a.map((x) => yearOf(x.activity.date)),
      ...r.map((x) => yearOf(x.reception.date)),
      ...v.map((x) => yearOf(x.session.date)),
      ...t.map((x) => yearOf(x.task.dueDate)),
    ]);
    return [...set].sort((x, y) => y - x);
  }

  return {
    years,

    async forDeputy(user: CurrentUser, deputyId: number, requestedYear?: number) {
      const deputy = await deps.deputies.get(user, deputyId); // 404 / 403 by the deputy record's policy
      const allYears = await years(deputyId);
      const year = requestedYear ?? defaultYear(allYears, now());
      const range = yearRange(year);
      const scope = suggestionScope(user);
      const suggestionSelect = {
        id: true,
        year: true,
        number: true,
        title: true,
        status: true,
        category: true,
        isKey: true,
        leadDeputy: { select: { name: true } },
      } as const;
      const township = await db.township.findUnique({ where: { id: user.townshipId }, select: { name: true } });
      const [led, coSigned, activities, receptions, opinions, votes, tasks, codes] = await Promise.all([
        db.suggestion.findMany({
          where: { AND: [scope, { leadDeputyId: deputyId, year, status: { not: 'DRAFT' } }] },
          select: suggestionSelect,
          orderBy: [{ number: 'asc' }, { id: 'asc' }],
        }),
        db.suggestion.findMany({
          where: { AND: [scope, { year, status: { not: 'DRAFT' }, coSigners: { some: { deputyId } } }] },
          select: suggestionSelect,
          orderBy: [{ number: 'asc' }, { id: 'asc' }],
        }),
        db.activityParticipant.findMany({
          where: { deputyId, activity: { date: range } },
          select: {
            activity: {
              select: {
                id: true,
                kind: true,
                title: true,
                date: true,
                place: true,
                inspection: { select: { findings: true, project: { select: { id: true, name: true } } } },
              },
            },
          },
          orderBy: { activity: { date: 'asc' } },
        }),
        db.receptionDeputy.findMany({
          where: { deputyId, reception: { date: range } },
          select: {
            present: true,
            reception: {
              select: { id: true, date: true, timeRange: true, status: true, voterCount: true, station: { select: { name: true } } },
            },
          },
          orderBy: { reception: { date: 'asc' } },
        }),
        db.voterOpinion.findMany({
          // opinions collected at receptions and elsewhere; those sent through the code are counted below
          where: { deputyId, source: 'RECEPTION', OR: [{ reception: { date: range } }, { receptionId: null, createdAt: range }] },
          select: {
            id: true,
            content: true,
            category: true,
            handling: true,
            answeredAt: true,
            suggestion: { select: { id: true, title: true } },
            reception: { select: { date: true } },
            createdAt: true,
          },
          orderBy: { id: 'asc' },
        }),
        db.projectVote.findMany({
          where: { deputyId, session: { date: range } },
          select: {
            choice: true,
            createdAt: true,
            project: { select: { id: true, name: true } },
            session: { select: { number: true, date: true } },
          },
          orderBy: { createdAt: 'asc' },
        }),
        db.supervisionTaskAssignment.findMany({
          where: { deputyId, task: { dueDate: range, status: { not: 'CANCELLED' } } },
          select: {
            status: true,
            reportText: true,
            submittedAt: true,
            task: { select: { id: true, title: true, kind: true, dueDate: true } },
          },
          orderBy: { task: { dueDate: 'asc' } },
        }),
        deps.opinionStats.forYear(user.townshipId, year, deputyId),
      ]);
      const withCode = <T extends { year: number; number: number | null }>(s: T) => ({ ...s, code: suggestionCode(s) });
      const acts = activities.map((a) => a.activity);
      const inspections = acts.filter((a) => a.kind === 'INSPECTION');
      const held = receptions.filter((r) => r.reception.status !== 'CANCELLED');
      return {
        deputy,
        townshipName: township?.name ?? '',
        year,
        years: yearOptions(allYears, year),
        led: led.map(withCode),
        coSigned: coSigned.map(withCode),
        activities: acts,
        inspections,
        receptions: held,
        opinions,
        votes,
        tasks,
        /** 代表码: opinions voters sent to the deputy through their code this year. */
        codes: codes.total,
        counts: {
          led: led.length,
          coSigned: coSigned.length,
          activities: acts.length,
          inspections: inspections.length,
          receptions: held.filter((r) => r.reception.status === 'SCHEDULED' || r.present).length,
          opinions: opinions.length,
          votes: votes.length,
          tasks: tasks.length,
          reports: tasks.filter((t) => t.submittedAt).length,
        },
      };
    },
  };
}

export type RecordsService = ReturnType<typeof createRecordsService>;
export type DeputyRecord = Awaited<ReturnType<RecordsService['forDeputy']>>;
