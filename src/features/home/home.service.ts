import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { SuggestionsService } from '../suggestions/suggestions.service.js';
import type { TasksService } from '../tasks/tasks.service.js';
import type { ProjectsService } from '../projects/projects.service.js';
import { yearOf } from '../../lib/format.js';
import { namesOf } from '../../lib/names.js';

/** More than a deputy leads or co-signs in a term: past it the home page uses the plain scope. */
const MAX_OWN = 2000;

/** What each role's home page shows; reads through the feature services. */
export function createHomeService(
  db: Db,
  deps: { suggestions: SuggestionsService; tasks: TasksService; projects: ProjectsService },
  now: () => Date = () => new Date(),
) {
  const { suggestions, tasks, projects } = deps;

  /**
   * Ids of the suggestions a deputy may read — those they lead, and those they co-sign that are not
   * drafts: the deputy's `suggestionScope`, through the lead-deputy and co-signer indexes. Null when
   * there are too many to list.
   */
  async function ownSuggestionIds(user: CurrentUser): Promise<number[] | null> {
    if (!user.deputyId) return [];
    const rows = await db.$queryRaw<Array<{ id: bigint }>>`
      SELECT "id" FROM "Suggestion" WHERE "townshipId" = ${user.townshipId} AND "leadDeputyId" = ${user.deputyId}
      UNION
      SELECT c."suggestionId" FROM "SuggestionCoSigner" c JOIN "Suggestion" s ON s."id" = c."suggestionId"
      WHERE c."deputyId" = ${user.deputyId} AND s."townshipId" = ${user.townshipId} AND s."status" <> 'DRAFT'
      LIMIT ${MAX_OWN + 1}`;
    return rows.length > MAX_OWN ? null : rows.map((r) => Number(r.id));
  }

  return {
    async staff(user: CurrentUser) {
      const [counts, activeDeputies, stations, projectsInProgress, toReview, toAssign, alerts] = await Promise.all([
        suggestions.countByStatus(user),
        db.deputy.count({ where: { townshipId: user.townshipId, status: 'ACTIVE' } }),
        db.liaisonStation.count({ where: { townshipId: user.townshipId, active: true } }),
        db.livelihoodProject.count({
          where: { townshipId: user.townshipId, phase: 'PASSED', status: { in: ['NOT_STARTED', 'IN_PROGRESS'] } },
        }),
        suggestions.recent(user, { status: 'SUBMITTED' }),
        suggestions.recent(user, { status: 'ACCEPTED' }),
        suggestions.deadlineAlerts(user),
      ]);
      return { counts, activeDeputies, stations, projectsInProgress, toReview, toAssign, alerts };
    },

    async presidium(user: CurrentUser) {
      const open = { supervisorId: user.id, status: { notIn: ['CLOSED' as const, 'MERGED' as const, 'REFERENCE' as const] } };
      const [supervised, supervisedCount, followed, myTasks, alerts] = await Promise.all([
        suggestions.recent(user, open, 20),
        suggestions.count(user, open),
        projects.list(user, { followerId: user.id }),
        tasks.mine(user),
        suggestions.deadlineAlerts(user),
      ]);
      return { supervised, supervisedCount, followed, tasks: myTasks.filter((t) => t.open), alerts };
    },

    async deputy(user: CurrentUser) {
      // The deputy's own suggestions through the lead-deputy and co-signer indexes; the scope
      // (lead OR co-signed, an EXISTS) cannot use an index and would scan the whole township on
      // every visit (for the count as well).
      const own = await ownSuggestionIds(user);
      const [mine, mineCount, myTasks, duties] = await Promise.all([
        own ? suggestions.recentOf(user, own, 20) : suggestions.recent(user, {}, 20),
        own ? Promise.resolve(own.length) : suggestions.count(user, {}),
        tasks.mine(user),
        user.deputyId
          ? db.reception
              .findMany({
                where: { status: 'SCHEDULED', date: { gte: now() }, deputies: { some: { deputyId: user.deputyId } } },
                orderBy: { date: 'asc' },
                take: 5,
              })
              .then(async (rows) => {
                const stations = await namesOf(
                  db,
                  'station',
                  rows.map((r) => r.stationId),
                );
                return rows.map((r) => ({ ...r, station: stations.get(r.stationId) ?? { id: r.stationId, name: '' } }));
              })
          : Promise.resolve([]),
      ]);
      return { mine, mineCount, tasks: myTasks.filter((t) => t.open), duties, year: yearOf(now()) };
    },

    async unit(user: CurrentUser) {
      const [counts, toSign, handling, alerts, unit] = await Promise.all([
        suggestions.countByStatus(user),
        suggestions.recent(user, { status: 'ASSIGNED' }, 20),
        suggestions.recent(user, { status: { in: ['HANDLING', 'IMPLEMENTING'] } }, 20),
        suggestions.deadlineAlerts(user),
        user.unitId ? db.handlingUnit.findUnique({ where: { id: user.unitId }, select: { name: true } }) : null,
      ]);
      return { counts, toSign, handling, alerts, unitName: unit?.name ?? '' };
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
