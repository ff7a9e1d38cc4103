/** Reading suggestions: the filtered list, its tabs and ledger, the years, and one suggestion with its buttons. */
import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { AssignmentRole, SuggestionStatus } from '../../generated/prisma/enums.js';
import { NotFoundError } from '../../errors.js';
import { paginate } from '../../lib/pagination.js';
import { idBatches } from '../../lib/keyset.js';
import { cached, minuteKeys } from '../../lib/cached.js';
import { namesOf } from '../../lib/names.js';
import { deadlineFlag, overdueCutoff } from '../../lib/deadline.js';
import { yearOf, yearRange } from '../../lib/format.js';
import { canEditDraft, suggestionScope } from './suggestions.policy.js';
import { searchWhere } from './suggestions.search.js';
import { AWAITING_REPLY, TERMINAL, availableActions, contextOf } from './suggestions.workflow.js';
import type { SuggestionFilter } from './suggestions.schemas.js';

/** 2024-015, or 未编号 before 立案. */
export function suggestionCode(s: { year: number; number: number | null }): string {
  return s.number ? `${s.year}-${String(s.number).padStart(3, '0')}` : '未编号';
}

/** What every list row shows besides the suggestion itself (as one include, for the uncapped ledgers). */
export const listInclude = {
  leadDeputy: { select: { id: true, name: true } },
  assignments: { where: { active: true }, include: { unit: { select: { id: true, name: true } } } },
} satisfies Prisma.SuggestionInclude;

/**
 * A page of list rows with what `listInclude` adds — the lead deputy and the active assignments
 * with their units — in one query for the assignments and the cached names (lib/names), rather
 * than the three queries and JavaScript joins of the include. For a page (≤ a few dozen rows).
 */
export async function withListRelations<T extends { id: number; leadDeputyId: number }>(db: Db, rows: T[]) {
  const [assignments, deputies] = await Promise.all([
    rows.length
      ? db.suggestionAssignment.findMany({ where: { suggestionId: { in: rows.map((r) => r.id) }, active: true }, orderBy: { id: 'asc' } })
      : Promise.resolve([]),
    namesOf(
      db,
      'deputy',
      rows.map((r) => r.leadDeputyId),
    ),
  ]);
  const units = await namesOf(
    db,
    'unit',
    assignments.map((a) => a.unitId),
  );
  const byRow = new Map<number, typeof assignments>();
  for (const a of assignments) byRow.set(a.suggestionId, [...(byRow.get(a.suggestionId) ?? []), a]);
  return rows.map((r) => ({
    ...r,
    leadDeputy: deputies.get(r.leadDeputyId) ?? { id: r.leadDeputyId, name: '' },
    assignments: (byRow.get(r.id) ?? []).map((a) => ({ ...a, unit: units.get(a.unitId) ?? { id: a.unitId, name: '' } })),
  }));
}

/** Unfinished suggestions of earlier years, carried over (结转) into `year`. */
export function carriedInto(year: number): Prisma.SuggestionWhereInput {
  // Accepted in an earlier year and not finished by the start of `year` (closed later, or still open).
  return {
    year: { lt: year },
    number: { not: null },
    status: { notIn: ['MERGED', 'REFERENCE'] },
    OR: [{ status: { not: 'CLOSED' } }, { closedAt: { gte: yearRange(year).gte } }],
  };
}

/** A year's list: that year's suggestions plus the unfinished ones carried over from earlier years. */
export function yearWhere(year: number): Prisma.SuggestionWhereInput {
  return { OR: [{ year }, carriedInto(year)] };
}

/** The role of a unit officer's unit in a suggestion's active assignments (主办 or 协办), or null. */
export function unitRoleOf(
  user: CurrentUser,
  assignments: ReadonlyArray<{ unitId: number; role: AssignmentRole; active: boolean }> | undefined,
): AssignmentRole | null {
  if (user.role !== 'UNIT' || user.unitId === null || !assignments) return null;
  const mine = assignments.filter((a) => a.active && a.unitId === user.unitId);
  return mine.some((a) => a.role === 'LEAD') ? 'LEAD' : mine.length ? 'ASSIST' : null;
}

type Decoratable = {
  deadline: Date | null;
  status: SuggestionStatus;
  year: number;
  number: number | null;
  assignments?: ReadonlyArray<{ unitId: number; role: AssignmentRole; active: boolean }>;
};

/** Adds the code, the deadline flag, whether it is carried over (结转) into `viewYear`, and the viewing unit's role. */
export function decorate<T extends Decoratable>(s: T, user: CurrentUser, now: Date, viewYear = yearOf(now)) {
  return {
    ...s,
    code: suggestionCode(s),
    flag: deadlineFlag(s.deadline, AWAITING_REPLY.includes(s.status), now),
    carriedOver: s.year < viewYear && s.number !== null && !TERMINAL.includes(s.status),
    unitRole: unitRoleOf(user, s.assignments),
  };
}

function orderBy(sort: SuggestionFilter['sort']): Prisma.SuggestionOrderByWithRelationInput[] {
  switch (sort) {
    case 'deadline':
      return [{ deadline: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }];
    case 'number':
      return [{ year: 'desc' }, { number: { sort: 'desc', nulls: 'first' } }, { id: 'desc' }];
    default:
      return [{ updatedAt: 'desc' }, { id: 'desc' }];
  }
}

/** One suggestion's history; the names its rows point to come from lib/names (see `withDetailNames`). */
const detailInclude = {
  assignments: { orderBy: { assignedAt: 'asc' } },
  coSigners: true,
  replies: { orderBy: { id: 'asc' } },
  satisfactions: { orderBy: { id: 'asc' } },
  supervisions: { orderBy: { date: 'asc' } },
  events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  updates: { orderBy: { date: 'asc' } },
  contacts: { orderBy: { date: 'asc' } },
  extensions: { orderBy: { id: 'asc' } },
  opinion: { select: { id: true, content: true, receptionId: true } },
} satisfies Prisma.SuggestionInclude;

type DetailRow = Prisma.SuggestionGetPayload<{ include: typeof detailInclude }>;

/** The detail with the names of its deputies, units and accounts, in the shape the page reads. */
async function withDetailNames(db: Db, s: DetailRow) {
  const unitRows = [...s.assignments, ...s.replies, ...s.updates, ...s.contacts, ...s.extensions];
  const [deputies, units, users, duplicateOf] = await Promise.all([
    namesOf(db, 'deputy', [s.leadDeputyId, ...s.coSigners.map((c) => c.deputyId)]),
    namesOf(
      db,
      'unit',
      unitRows.map((r) => r.unitId),
    ),
    namesOf(db, 'user', [
      s.supervisorId,
      ...s.supervisions.map((v) => v.supervisorId),
      ...s.events.map((e) => e.actorId),
      ...s.extensions.map((e) => e.decidedById),
    ]),
    s.duplicateOfId
      ? db.suggestion.findFirst({ where: { id: s.duplicateOfId }, select: { id: true, year: true, number: true, title: true } })
      : Promise.resolve(null),
  ]);
  const deputy = (id: number) => deputies.get(id) ?? { id, name: '' };
  const unit = (id: number) => units.get(id) ?? { id, name: '' };
  const user = (id: number | null) => (id === null ? null : (users.get(id) ?? { id, displayName: '', title: '' }));
  return {
    ...s,
    leadDeputy: deputy(s.leadDeputyId),
    supervisor: user(s.supervisorId),
    duplicateOf,
    assignments: s.assignments.map((a) => ({ ...a, unit: unit(a.unitId) })),
    coSigners: s.coSigners.map((c) => ({ ...c, deputy: deputy(c.deputyId) })),
    replies: s.replies.map((r) => ({ ...r, unit: unit(r.unitId) })),
    supervisions: s.supervisions.map((v) => ({ ...v, supervisor: user(v.supervisorId)! })),
    events: s.events.map((e) => ({ ...e, actor: user(e.actorId) })),
    updates: s.updates.map((u) => ({ ...u, unit: unit(u.unitId) })),
    contacts: s.contacts.map((c) => ({ ...c, unit: unit(c.unitId) })),
    extensions: s.extensions.map((e) => ({ ...e, unit: unit(e.unitId), decidedBy: user(e.decidedById) })),
  };
}

/** Rows of the .xlsx ledgers read at once. */
export const LEDGER_BATCH = 1000;

/**
 * What a row of the .xlsx 台账 shows (suggestions.export's columns) and `decorate` needs, and nothing
 * else: a ledger reads every row of a year, and Prisma's work grows with each column it reads.
 */
export const ledgerSelect = {
  id: true,
  year: true,
  number: true,
  title: true,
  category: true,
  isKey: true,
  status: true,
  deadline: true,
  assignedAt: true,
  leadDeputy: { select: { name: true } },
  coSigners: { select: { deputy: { select: { name: true } } } },
  assignments: {
    where: { active: true },
    orderBy: { id: 'asc' },
    select: { role: true, unitId: true, active: true, unit: { select: { name: true } } },
  },
  supervisor: { select: { displayName: true } },
  replies: { where: { isAssistOpinion: false }, orderBy: { id: 'desc' }, take: 1, select: { category: true, createdAt: true } },
  satisfactions: { orderBy: { round: 'desc' }, take: 1, select: { result: true } },
} satisfies Prisma.SuggestionSelect;

/** The tables a suggestion list's scope and filters read. */
const SUGGESTION_TABLES = ['Suggestion', 'SuggestionCoSigner', 'SuggestionAssignment'] as const;
/** …and what a list page shows of them besides (the deputies' and units' names). */
export const LIST_PAGE_TABLES = [...SUGGESTION_TABLES, 'Deputy', 'HandlingUnit'] as const;

export function createSuggestionQueries(db: Db, now: () => Date) {
  async function filterWhere(user: CurrentUser, filter: SuggestionFilter): Promise<Prisma.SuggestionWhereInput> {
    const and: Prisma.SuggestionWhereInput[] = [suggestionScope(user)];
    if (user.role === 'PRESIDIUM' && filter.scope !== 'all') and.push({ supervisorId: user.id });
    if (filter.carried) and.push(carriedInto(filter.year ?? yearOf(now())));
    else if (filter.year) and.push(yearWhere(filter.year));
    if (filter.status) and.push({ status: filter.status });
    if (filter.category) and.push({ category: filter.category });
    if (filter.key) and.push({ isKey: true });
    if (filter.unit) and.push({ assignments: { some: { unitId: filter.unit, active: true } } });
    if (filter.deputy) and.push({ OR: [{ leadDeputyId: filter.deputy }, { coSigners: { some: { deputyId: filter.deputy } } }] });
    if (filter.overdue) and.push({ status: { in: [...AWAITING_REPLY] }, deadline: { lte: overdueCutoff(now()) } });
    if (filter.q) and.push(await searchWhere(db, user.townshipId, filter.q));
    return { AND: and };
  }

  /**
   * A count of the user's filtered suggestions, kept until a suggestion, a co-signer or an
   * assignment changes (and for at most a minute: 逾期 and 结转 move with the time).
   */
  function countCached<T>(what: string, user: CurrentUser, filter: SuggestionFilter, compute: () => Promise<T>): Promise<T> {
    const { page: _page, sort: _sort, ...rest } = filter;
    return cached(db, listKey(what, user, rest), SUGGESTION_TABLES, 60_000, compute);
  }

  /** What a value of the user's filtered list depends on besides the rows: who asks, the minute, the filter. */
  function listKey(what: string, user: CurrentUser, filter: object): string {
    return listKeys(what, user, filter).key;
  }

  /** `listKey` of this minute and of the one before (see `minuteKeys`). */
  function listKeys(what: string, user: CurrentUser, filter: object) {
    const scope = `suggestion-${what}:${user.townshipId}:${user.role}:${user.id}:${user.deputyId}:${user.unitId}`;
    return minuteKeys(now(), (minute) => `${scope}:${minute}:${JSON.stringify(filter)}`);
  }

  return {
    listKeys,

    async list(user: CurrentUser, filter: SuggestionFilter) {
      const where = await filterWhere(user, filter);
      const page = await paginate(
        filter.page,
        () => countCached('count', user, filter, () => db.suggestion.count({ where })),
        // A page's rows, kept like the counts (and until a deputy or a unit is renamed): staff open the
        // same lists all day between changes.
        (args) =>
          cached(db, listKey('page', user, { ...filter, ...args }), LIST_PAGE_TABLES, 60_000, async () =>
            withListRelations(db, await db.suggestion.findMany({ where, orderBy: orderBy(filter.sort), ...args })),
          ),
      );
      return { ...page, items: page.items.map((s) => decorate(s, user, now(), filter.year)) };
    },

    /** Counts per state for the tabs: the same filters as the list, except the state. */
    async tabCounts(user: CurrentUser, filter: SuggestionFilter) {
      return countCached('tabs', user, { ...filter, status: undefined }, async () => {
        const where = await filterWhere(user, { ...filter, status: undefined });
        const rows = await db.suggestion.groupBy({ by: ['status'], where, _count: { _all: true } });
        return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
      });
    },

    /**
     * Every row of the filtered list for the .xlsx 台账, in the ledger's order, a batch at a time
     * (no cap; one batch in memory), with what the ledger shows (`ledgerSelect`): the relations loaded in one
     * query each per batch. The first batch is
     * read here, so that a failing query fails before the download starts; `total` counts the rows.
     */
    async ledger(user: CurrentUser, filter: SuggestionFilter) {
      const where = await filterWhere(user, filter);
      const order = orderBy(filter.sort === 'updated' ? 'number' : filter.sort);
      const t = now();
      // The ledger's order sorted once (ids only), then the rows a batch at a time by id (lib/keyset).
      const ids = (await db.suggestion.findMany({ where, orderBy: order, select: { id: true } })).map((s) => s.id);
      const batches = await idBatches(ids, LEDGER_BATCH, async (some) => {
        const rows = await db.suggestion.findMany({ where: { id: { in: some } }, select: ledgerSelect });
        return rows.map((s) => decorate(s, user, t, filter.year));
      });
      const total = ids.length;
      return { total, batches };
    },

    /** Years that have suggestions in this user's scope, newest first. */
    years(user: CurrentUser): Promise<number[]> {
      // groupBy is one GROUP BY in SQLite (findMany's `distinct` reads every row into JavaScript).
      const key = `suggestion-years:${user.townshipId}:${user.role}:${user.id}:${user.deputyId}:${user.unitId}`;
      return cached(db, key, SUGGESTION_TABLES, 10 * 60_000, async () => {
        const rows = await db.suggestion.groupBy({ by: ['year'], where: suggestionScope(user), orderBy: { year: 'desc' } });
        return rows.map((r) => r.year);
      });
    },

    /** One suggestion the user may read, with the actions they may take now (the buttons). */
    async get(user: CurrentUser, id: number) {
      // Kept per reader and minute until a record changes: the page is opened again after each action's
      // form, by the deputy checking on it, by staff going through a list.
      const s = await cached(db, listKey('detail', user, { id }), 'records', 60_000, async () => {
        const row = await db.suggestion.findFirst({ where: { AND: [suggestionScope(user), { id }] }, include: detailInclude });
        return row && withDetailNames(db, row);
      });
      if (!s) throw new NotFoundError('没有找到这件建议，或您无权查看。');
      const ctx = contextOf(s, now());
      const assistPending = s.assignments
        .filter(
          (a) =>
            a.active && a.role === 'ASSIST' && !s.replies.some((r) => r.isAssistOpinion && r.unitId === a.unit.id && r.round === ctx.round),
        )
        .map((a) => a.unit.name);
      return { ...decorate(s, user, now()), ctx, actions: availableActions(user, ctx), canEdit: canEditDraft(user, s), assistPending };
    },
  };
}
