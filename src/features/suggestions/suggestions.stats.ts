import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { SuggestionCategory, SuggestionStatus } from '../../generated/prisma/enums.js';
import { Prisma } from '../../generated/prisma/client.js';
import { NotFoundError } from '../../errors.js';
import { paginate } from '../../lib/pagination.js';
import { cached } from '../../lib/cached.js';
import { sqlTime, sqlTimeParam, sqlTimePlusDays } from '../../lib/sql.js';
import { suggestionCode } from './suggestions.service.js';
import { AWAITING_REPLY } from './suggestions.workflow.js';

/** One row of the statistics: counts, and the rates computed from them. */
export type StatRow = {
  label: string;
  count: number; // 立案 (accepted and numbered, not merged or referred)
  key: number; // 重点建议
  assigned: number; // 已交办
  replied: number; // 已答复
  repliedOnTime: number; // 按期答复: first lead reply no later than the deadline
  rated: number; // 已测评
  satisfied: number; // 满意 + 基本满意 (latest rating's result)
  toImplement: number; // A or B replies accepted by the deputy: what should be carried out
  implemented: number; // A closed, or B marked 已落实 / 办结
  overdue: number; // awaiting a reply past the deadline
  closed: number; // 办结
};

export const empty = (label: string): StatRow => ({
  label,
  count: 0,
  key: 0,
  assigned: 0,
  replied: 0,
  repliedOnTime: 0,
  rated: 0,
  satisfied: 0,
  toImplement: 0,
  implemented: 0,
  overdue: 0,
  closed: 0,
});

const PUBLIC_STATES = ['REPLIED', 'IMPLEMENTING', 'IMPLEMENTED', 'CLOSED'] as const;

const COUNTS = [
  'count',
  'key',
  'assigned',
  'replied',
  'repliedOnTime',
  'rated',
  'satisfied',
  'toImplement',
  'implemented',
  'overdue',
  'closed',
] as const satisfies ReadonlyArray<keyof StatRow>;

/** The counts of the suggestions of one township, one category and one lead unit (null: not assigned). */
type Group = Record<(typeof COUNTS)[number], number> & {
  townshipId: number;
  category: SuggestionCategory;
  unitId: number | null;
  unitName: string | null;
};

export function add(row: StatRow, g: Group): void {
  for (const k of COUNTS) row[k] += g[k];
}

/**
 * The year's counts, aggregated in SQL per category and lead unit: one query, whatever the number
 * of suggestions (no id list is ever bound, so no parameter limit applies). Per suggestion:
 * - 立案: numbered and neither merged nor referred; 已交办: assigned, or answered;
 * - 已答复: has a lead reply; 按期答复: the first lead reply came no later than the day of the
 *   deadline in force when it was written (Reply.dueAt; the suggestion's deadline for older rows);
 * - 已测评 / 满意: the latest rating (by round), 满意 + 基本满意;
 * - 应落实: the latest lead reply is A or B and the deputy has accepted it (rated, not sent back);
 *   已落实: A and closed, or B and marked implemented or closed;
 * - 逾期: awaiting a reply a full day past its deadline.
 * SQL that SQLite and PostgreSQL both run; dates compared through src/lib/sql.ts. `townshipId` null:
 * every township of the deployment at once (the banner's view), still one query.
 */
export async function yearGroups(db: Db, townshipId: number | null, year: number, at: Date): Promise<Group[]> {
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>(yearGroupsSql(db, townshipId, year, at));
  return rows.map((r) => ({
    townshipId: Number(r.townshipId),
    category: r.category as SuggestionCategory,
    unitId: r.unitId === null ? null : Number(r.unitId),
    unitName: (r.unitName as string | null) ?? null,
    ...(Object.fromEntries(COUNTS.map((k) => [k, Number(r[k] ?? 0)])) as Record<(typeof COUNTS)[number], number>),
  }));
}

/**
 * The statement of yearGroups. `base` is MATERIALIZED: its per-suggestion subqueries run once per
 * suggestion; PostgreSQL otherwise inlines it and runs them again for each use (3–4× the work at a
 * banner's 20,000 a year: npm run bench:queries -- --pg=… --explain).
 */
export function yearGroupsSql(db: Db, townshipId: number | null, year: number, at: Date): Prisma.Sql {
  const inScope = townshipId === null ? Prisma.empty : Prisma.sql`s."townshipId" = ${townshipId} AND`;
  const count = (condition: Prisma.Sql) => Prisma.sql`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
  const awaiting = Prisma.join([...AWAITING_REPLY]);
  return Prisma.sql`
    WITH base AS MATERIALIZED (
      SELECT s."id", s."townshipId", s."category", s."isKey", s."status", s."assignedAt", s."deadline",
        (SELECT a."unitId" FROM "SuggestionAssignment" a
          WHERE a."suggestionId" = s."id" AND a."active" = TRUE AND a."role" = 'LEAD' ORDER BY a."id" LIMIT 1) AS "unitId",
        (SELECT r."id" FROM "Reply" r WHERE r."suggestionId" = s."id" AND r."isAssistOpinion" = FALSE ORDER BY r."id" LIMIT 1) AS "firstReplyId",
        (SELECT r."category" FROM "Reply" r
          WHERE r."suggestionId" = s."id" AND r."isAssistOpinion" = FALSE ORDER BY r."id" DESC LIMIT 1) AS "lastCategory",
        (SELECT x."result" FROM "Satisfaction" x WHERE x."suggestionId" = s."id" ORDER BY x."round" DESC LIMIT 1) AS "rating"
      FROM "Suggestion" s
      WHERE ${inScope} s."year" = ${year} AND s."number" IS NOT NULL
        AND s."status" NOT IN ('MERGED', 'REFERENCE')
    ), facts AS (
      SELECT b.*, fr."createdAt" AS "firstReplyAt", COALESCE(fr."dueAt", b."deadline") AS "due"
      FROM base b LEFT JOIN "Reply" fr ON fr."id" = b."firstReplyId"
    )
    SELECT f."townshipId", f."category", f."unitId", u."name" AS "unitName",
      COUNT(*) AS "count",
      ${count(Prisma.sql`f."isKey" = TRUE`)} AS "key",
      ${count(Prisma.sql`f."assignedAt" IS NOT NULL OR f."firstReplyId" IS NOT NULL`)} AS "assigned",
      ${count(Prisma.sql`f."firstReplyId" IS NOT NULL`)} AS "replied",
      ${count(Prisma.sql`f."firstReplyId" IS NOT NULL AND f."due" IS NOT NULL AND ${sqlTime(db, Prisma.sql`f."firstReplyAt"`)} < ${sqlTimePlusDays(db, Prisma.sql`f."due"`, 1)}`)} AS "repliedOnTime",
      ${count(Prisma.sql`f."rating" IS NOT NULL`)} AS "rated",
      ${count(Prisma.sql`f."rating" IS NOT NULL AND f."rating" <> 'DISSATISFIED'`)} AS "satisfied",
      ${count(Prisma.sql`f."lastCategory" IN ('A', 'B') AND f."status" IN ('IMPLEMENTING', 'IMPLEMENTED', 'CLOSED')`)} AS "toImplement",
      ${count(Prisma.sql`(f."lastCategory" = 'A' AND f."status" = 'CLOSED') OR (f."lastCategory" = 'B' AND f."status" IN ('IMPLEMENTED', 'CLOSED'))`)} AS "implemented",
      ${count(Prisma.sql`f."status" IN (${awaiting}) AND f."deadline" IS NOT NULL AND ${sqlTimeParam(db, at)} >= ${sqlTimePlusDays(db, Prisma.sql`f."deadline"`, 1)}`)} AS "overdue",
      ${count(Prisma.sql`f."status" = 'CLOSED'`)} AS "closed"
    FROM facts f LEFT JOIN "HandlingUnit" u ON u."id" = f."unitId"
    GROUP BY f."townshipId", f."category", f."unitId", u."name"`;
}

/** The year's key suggestions (重点建议) with their supervisor and lead unit, in number order. */
async function keySuggestionsOf(db: Db, townshipId: number, year: number) {
  const rows = await db.$queryRaw<
    Array<{
      id: bigint;
      year: bigint;
      number: bigint;
      title: string;
      category: string;
      status: string;
      supervisor: string | null;
      unit: string | null;
    }>
  >`
    SELECT s."id", s."year", s."number", s."title", s."category", s."status", sup."displayName" AS "supervisor",
      (SELECT h."name" FROM "SuggestionAssignment" a JOIN "HandlingUnit" h ON h."id" = a."unitId"
        WHERE a."suggestionId" = s."id" AND a."active" = TRUE AND a."role" = 'LEAD' ORDER BY a."id" LIMIT 1) AS "unit"
    FROM "Suggestion" s LEFT JOIN "User" sup ON sup."id" = s."supervisorId"
    WHERE s."townshipId" = ${townshipId} AND s."year" = ${year} AND s."isKey" = TRUE AND s."number" IS NOT NULL
      AND s."status" NOT IN ('MERGED', 'REFERENCE')
    ORDER BY s."number"`;
  return rows.map((s) => ({
    id: Number(s.id),
    year: Number(s.year),
    number: Number(s.number),
    title: s.title,
    category: s.category as SuggestionCategory,
    status: s.status as SuggestionStatus,
    supervisor: s.supervisor ?? '',
    unit: s.unit ?? '',
  }));
}

/**
 * Statistics of suggestion handling per year, by category and by lead unit. The annual report
 * reuses `forYear`.
 */
export function createSuggestionStatsService(db: Db, now: () => Date = () => new Date()) {
  async function computeYear(townshipId: number, year: number, at: Date) {
    const [groups, received, keySuggestions] = await Promise.all([
      yearGroups(db, townshipId, year, at),
      db.suggestion.count({ where: { townshipId, year, status: { notIn: ['DRAFT'] } } }),
      keySuggestionsOf(db, townshipId, year),
    ]);
    const total = empty('合计');
    const byCategory = new Map<SuggestionCategory, StatRow>();
    const byUnit = new Map<number, StatRow>();
    for (const g of groups) {
      add(total, g);
      add(
        getOr(byCategory, g.category, () => empty(g.category)),
        g,
      );
      if (g.unitId !== null)
        add(
          getOr(byUnit, g.unitId, () => empty(g.unitName ?? '')),
          g,
        );
    }
    return {
      year,
      received,
      total,
      byCategory: [...byCategory.values()].sort((a, b) => b.count - a.count),
      byUnit: [...byUnit.values()].sort((a, b) => b.count - a.count),
      keySuggestions: keySuggestions.map((s) => ({ ...s, code: suggestionCode(s) })),
    };
  }

  return {
    /**
     * The year's statistics, kept until a record changes (and for at most a minute, since 逾期
     * depends on the time): the stats page, the dashboard and the report ask for them often.
     */
    forYear(user: Pick<CurrentUser, 'townshipId'>, year: number) {
      const t = now();
      return cached(db, `suggestion-stats:${user.townshipId}:${year}:${Math.floor(t.getTime() / 60_000)}`, 'records', 60_000, () =>
        computeYear(user.townshipId, year, t),
      );
    },

    /** Years that have suggestions in the township, newest first (drafts included: their own year). */
    years(user: Pick<CurrentUser, 'townshipId'>): Promise<number[]> {
      return cached(db, `suggestion-years:${user.townshipId}`, ['Suggestion'], 10 * 60_000, async () => {
        const rows = await db.suggestion.groupBy({ by: ['year'], where: { townshipId: user.townshipId }, orderBy: { year: 'desc' } });
        return rows.map((r) => r.year);
      });
    },

    /** A township's answered suggestions for the public page, without any contact data, 20 a page. */
    async publicList(townshipId: number, year: number | undefined, page: number) {
      const base = { townshipId, status: { in: [...PUBLIC_STATES] }, publicWithheld: false };
      const where = { ...base, ...(year ? { year } : {}) };
      const [page_, years] = await Promise.all([
        paginate(
          page,
          () => db.suggestion.count({ where }),
          (args) =>
            db.suggestion.findMany({
              where,
              select: {
                id: true,
                year: true,
                number: true,
                title: true,
                category: true,
                status: true,
                leadDeputy: { select: { name: true } },
                replies: {
                  where: { isAssistOpinion: false },
                  orderBy: { id: 'desc' },
                  take: 1,
                  select: { category: true, createdAt: true, unit: { select: { name: true } } },
                },
              },
              orderBy: [{ year: 'desc' }, { number: 'asc' }],
              ...args,
            }),
        ),
        db.suggestion.findMany({ where: base, distinct: ['year'], select: { year: true }, orderBy: { year: 'desc' } }),
      ]);
      return {
        page: { ...page_, items: page_.items.map((s) => ({ ...s, code: suggestionCode(s) })) },
        years: years.map((y) => y.year),
      };
    },

    /** One of a township's answered suggestions for the public page. */
    async publicOne(townshipId: number, id: number) {
      const s = await db.suggestion.findFirst({
        where: { id, townshipId, status: { in: [...PUBLIC_STATES] }, publicWithheld: false },
        select: {
          id: true,
          year: true,
          number: true,
          title: true,
          content: true,
          category: true,
          status: true,
          leadDeputy: { select: { name: true } },
          coSigners: { select: { deputy: { select: { name: true } } } },
          replies: {
            where: { isAssistOpinion: false },
            orderBy: { id: 'asc' },
            select: { category: true, content: true, createdAt: true, plannedCompletion: true, unit: { select: { name: true } } },
          },
          updates: { orderBy: { date: 'asc' }, select: { date: true, content: true } },
        },
      });
      if (!s) throw new NotFoundError('没有找到这件公开的建议。');
      return { ...s, code: suggestionCode(s) };
    },
  };
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (!v) map.set(key, (v = make()));
  return v;
}

export type SuggestionStatsService = ReturnType<typeof createSuggestionStatsService>;
export type SuggestionYearStats = Awaited<ReturnType<SuggestionStatsService['forYear']>>;
