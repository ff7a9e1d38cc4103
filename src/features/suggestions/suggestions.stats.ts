import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { SuggestionCategory } from '../../generated/prisma/enums.js';
import { NotFoundError } from '../../errors.js';
import { pageArgs, toPage } from '../../lib/pagination.js';
import { suggestionCode } from './suggestions.service.js';
import { AWAITING_REPLY } from './suggestions.workflow.js';

const DAY = 24 * 3600 * 1000;

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

const empty = (label: string): StatRow => ({
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
const RATED_STATES: readonly string[] = ['IMPLEMENTING', 'IMPLEMENTED', 'CLOSED'];

/**
 * Statistics of suggestion handling per year, by category and by lead unit. The annual report
 * reuses `forYear`.
 */
export function createSuggestionStatsService(db: Db, now: () => Date = () => new Date()) {
  /**
   * The township whose results the public pages show. A deployment serves one township today;
   * a banner-level one would choose it by host name here.
   */
  async function publicTownshipId(): Promise<number> {
    const t = await db.township.findFirst({ orderBy: { id: 'asc' }, select: { id: true } });
    return t?.id ?? -1;
  }

  return {
    async forYear(user: Pick<CurrentUser, 'townshipId'>, year: number) {
      const rows = await db.suggestion.findMany({
        where: { townshipId: user.townshipId, year, number: { not: null }, status: { notIn: ['MERGED', 'REFERENCE'] } },
        include: {
          assignments: { where: { active: true, role: 'LEAD' }, include: { unit: { select: { id: true, name: true } } } },
          replies: { where: { isAssistOpinion: false }, orderBy: { id: 'asc' }, select: { category: true, createdAt: true, dueAt: true } },
          satisfactions: { orderBy: { round: 'desc' }, take: 1, select: { result: true } },
        },
      });
      const total = empty('合计');
      const byCategory = new Map<SuggestionCategory, StatRow>();
      const byUnit = new Map<string, StatRow>();
      const t = now().getTime();
      for (const s of rows) {
        const unit = s.assignments[0]?.unit;
        const targets = [
          total,
          getOr(byCategory, s.category, () => empty(s.category)),
          ...(unit ? [getOr(byUnit, unit.name, () => empty(unit.name))] : []),
        ];
        const firstReply = s.replies[0];
        const lastReply = s.replies.at(-1);
        const assigned = s.assignedAt !== null || s.replies.length > 0;
        // On time against the deadline in force when the first reply was written (a later
        // re-handling deadline must not make a late reply look punctual).
        const due = firstReply ? (firstReply.dueAt ?? s.deadline) : null;
        const onTime = firstReply && due ? firstReply.createdAt.getTime() < due.getTime() + DAY : false;
        const rating = s.satisfactions[0];
        const cat = lastReply?.category;
        const overdue = AWAITING_REPLY.includes(s.status) && s.deadline !== null && t >= s.deadline.getTime() + DAY;
        for (const r of targets) {
          r.count++;
          if (s.isKey) r.key++;
          if (assigned) r.assigned++;
          if (firstReply) r.replied++;
          if (onTime) r.repliedOnTime++;
          if (rating) {
            r.rated++;
            if (rating.result !== 'DISSATISFIED') r.satisfied++;
          }
          // 落实率 over the A and B replies the deputy has accepted (rated, not sent back).
          if ((cat === 'A' || cat === 'B') && RATED_STATES.includes(s.status)) {
            r.toImplement++;
            if ((cat === 'A' && s.status === 'CLOSED') || (cat === 'B' && (s.status === 'IMPLEMENTED' || s.status === 'CLOSED')))
              r.implemented++;
          }
          if (overdue) r.overdue++;
          if (s.status === 'CLOSED') r.closed++;
        }
      }
      const [received, keySuggestions] = await Promise.all([
        db.suggestion.count({ where: { townshipId: user.townshipId, year, status: { notIn: ['DRAFT'] } } }),
        db.suggestion.findMany({
          where: { townshipId: user.townshipId, year, isKey: true, number: { not: null }, status: { notIn: ['MERGED', 'REFERENCE'] } },
          include: {
            supervisor: { select: { displayName: true } },
            assignments: { where: { active: true, role: 'LEAD' }, include: { unit: { select: { name: true } } } },
          },
          orderBy: { number: 'asc' },
        }),
      ]);
      return {
        year,
        received,
        total,
        byCategory: [...byCategory.values()].sort((a, b) => b.count - a.count),
        byUnit: [...byUnit.values()].sort((a, b) => b.count - a.count),
        keySuggestions: keySuggestions.map((s) => ({
          id: s.id,
          code: suggestionCode(s),
          title: s.title,
          category: s.category,
          status: s.status,
          supervisor: s.supervisor?.displayName ?? '',
          unit: s.assignments[0]?.unit.name ?? '',
        })),
      };
    },

    /** Answered suggestions for the public page, without any contact data, 20 a page. */
    async publicList(year: number | undefined, page: number) {
      const townshipId = await publicTownshipId();
      const base = { townshipId, status: { in: [...PUBLIC_STATES] }, publicWithheld: false };
      const where = { ...base, ...(year ? { year } : {}) };
      const [items, total, years] = await Promise.all([
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
          ...pageArgs(page),
        }),
        db.suggestion.count({ where }),
        db.suggestion.findMany({ where: base, distinct: ['year'], select: { year: true }, orderBy: { year: 'desc' } }),
      ]);
      return {
        page: toPage(
          items.map((s) => ({ ...s, code: suggestionCode(s) })),
          total,
          page,
        ),
        years: years.map((y) => y.year),
      };
    },

    async publicOne(id: number) {
      const s = await db.suggestion.findFirst({
        where: { id, townshipId: await publicTownshipId(), status: { in: [...PUBLIC_STATES] }, publicWithheld: false },
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
