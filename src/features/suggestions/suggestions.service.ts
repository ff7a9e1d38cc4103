import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { NotFoundError } from '../../errors.js';
import { pageArgs, toPage } from '../../lib/pagination.js';
import { deadlineFlag } from '../../lib/deadline.js';
import { AWAITING_REPLY, suggestionScope } from './suggestions.policy.js';
import type { SuggestionFilter } from './suggestions.schemas.js';

/** 2024-015, or 未编号 before 立案. */
export function suggestionCode(s: { year: number; number: number | null }): string {
  return s.number ? `${s.year}-${String(s.number).padStart(3, '0')}` : '未编号';
}

const listInclude = {
  leadDeputy: { select: { id: true, name: true } },
  assignments: { where: { active: true }, include: { unit: { select: { id: true, name: true } } } },
} satisfies Prisma.SuggestionInclude;

export function createSuggestionsService(db: Db, now: () => Date = () => new Date()) {
  function decorate<T extends { deadline: Date | null; status: string; year: number; number: number | null }>(s: T) {
    const open = (AWAITING_REPLY as readonly string[]).includes(s.status);
    return { ...s, code: suggestionCode(s), flag: deadlineFlag(s.deadline, open, now()) };
  }

  return {
    async list(user: CurrentUser, filter: SuggestionFilter) {
      const where: Prisma.SuggestionWhereInput = {
        AND: [
          suggestionScope(user),
          {
            ...(filter.year ? { year: filter.year } : {}),
            ...(filter.status ? { status: filter.status } : {}),
            ...(filter.category ? { category: filter.category } : {}),
            ...(filter.key ? { isKey: true } : {}),
            ...(filter.q ? { OR: [{ title: { contains: filter.q } }, { content: { contains: filter.q } }] } : {}),
          },
        ],
      };
      const [items, total] = await Promise.all([
        db.suggestion.findMany({
          where,
          include: listInclude,
          orderBy: [{ year: 'desc' }, { number: 'desc' }, { id: 'desc' }],
          ...pageArgs(filter.page),
        }),
        db.suggestion.count({ where }),
      ]);
      return toPage(items.map(decorate), total, filter.page);
    },

    /** Years that have suggestions in this user's scope, newest first. */
    async years(user: CurrentUser): Promise<number[]> {
      const rows = await db.suggestion.findMany({
        where: suggestionScope(user),
        distinct: ['year'],
        select: { year: true },
        orderBy: { year: 'desc' },
      });
      return rows.map((r) => r.year);
    },

    async get(user: CurrentUser, id: number) {
      const s = await db.suggestion.findFirst({
        where: { AND: [suggestionScope(user), { id }] },
        include: {
          ...listInclude,
          assignments: { include: { unit: { select: { id: true, name: true } } }, orderBy: { assignedAt: 'asc' } },
          coSigners: { include: { deputy: { select: { id: true, name: true } } } },
          supervisor: { select: { id: true, displayName: true, title: true } },
          replies: { include: { unit: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
          satisfactions: { orderBy: { createdAt: 'asc' } },
          supervisions: { include: { supervisor: { select: { displayName: true } } }, orderBy: { date: 'asc' } },
          events: { include: { actor: { select: { displayName: true } } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
          updates: { include: { unit: { select: { name: true } } }, orderBy: { date: 'asc' } },
          duplicateOf: { select: { id: true, year: true, number: true, title: true } },
        },
      });
      if (!s) throw new NotFoundError('没有找到这件建议，或您无权查看。');
      return decorate(s);
    },

    /** Counts per state in this user's scope (tabs, home pages). */
    async countByStatus(user: CurrentUser, where: Prisma.SuggestionWhereInput = {}) {
      const rows = await db.suggestion.groupBy({
        by: ['status'],
        where: { AND: [suggestionScope(user), where] },
        _count: { _all: true },
      });
      return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Partial<Record<string, number>>;
    },

    /** Items awaiting a reply whose deadline has passed or is within 7 days. */
    async deadlineAlerts(user: CurrentUser, take = 10) {
      const soon = new Date(now().getTime() + 7 * 24 * 60 * 60 * 1000);
      const items = await db.suggestion.findMany({
        where: { AND: [suggestionScope(user), { status: { in: [...AWAITING_REPLY] }, deadline: { lte: soon } }] },
        include: listInclude,
        orderBy: { deadline: 'asc' },
        take,
      });
      return items.map(decorate);
    },

    async recent(user: CurrentUser, where: Prisma.SuggestionWhereInput, take = 10) {
      const items = await db.suggestion.findMany({
        where: { AND: [suggestionScope(user), where] },
        include: listInclude,
        orderBy: [{ updatedAt: 'desc' }],
        take,
      });
      return items.map(decorate);
    },
  };
}

export type SuggestionsService = ReturnType<typeof createSuggestionsService>;
export type SuggestionListItem = Awaited<ReturnType<SuggestionsService['list']>>['items'][number];
