/**
 * Deadline reminders in batches: once per suggestion and deadline, the lead unit's users, the
 * supervisor (督办人) and the township's staff are told that a reply is due within 7 days, and again
 * when it is overdue. The job it replaced ran one transaction per due suggestion (339 s before the
 * first request at city scale); this one makes one query for the due suggestions with their lead units,
 * one for the recipients, then `INSERT OR IGNORE` of up to BATCH rows per statement (the unique
 * (userId, dedupeKey) index skips reminders already sent), with a pause for the event loop between
 * statements so that pages keep answering while it runs. It never runs before the server listens.
 */
import type { Db } from '../../db.js';
import { Prisma } from '../../generated/prisma/client.js';
import { deadlineFlag } from '../../lib/deadline.js';
import { formatDate } from '../../lib/format.js';
import { sqlTime, sqlTimeParam } from '../../lib/sql.js';
import { exclusively } from '../../lib/locks.js';
import { AWAITING_REPLY } from '../suggestions/suggestions.workflow.js';
import { suggestionCode } from '../suggestions/suggestions.service.js';

const DAY = 24 * 3600 * 1000;
const BATCH = 400; // rows per INSERT (6 parameters each)

type Due = {
  id: number;
  townshipId: number;
  year: number;
  number: number | null;
  title: string;
  deadline: Date;
  supervisorId: number | null;
};

export function createDeadlineReminders(db: Db, now: () => Date = () => new Date()) {
  return {
    /** Sends the reminders that are due and not sent yet; returns how many notifications it wrote. */
    async run(): Promise<number> {
      const t = now();
      const soon = new Date(t.getTime() + 7 * DAY);
      const [due, leads, unitUsers, staff] = await Promise.all([
        db.suggestion.findMany({
          where: { status: { in: [...AWAITING_REPLY] }, deadline: { lte: soon } },
          select: { id: true, townshipId: true, year: true, number: true, title: true, deadline: true, supervisorId: true },
          orderBy: { id: 'asc' },
        }),
        db.$queryRaw<Array<{ suggestionId: bigint; unitId: bigint }>>`
          SELECT a."suggestionId", a."unitId" FROM "SuggestionAssignment" a JOIN "Suggestion" s ON s."id" = a."suggestionId"
          WHERE a."active" = TRUE AND a."role" = 'LEAD' AND s."status" IN (${Prisma.join([...AWAITING_REPLY])}) AND s."deadline" IS NOT NULL
            AND ${sqlTime(db, Prisma.sql`s."deadline"`)} <= ${sqlTimeParam(db, soon)}`,
        db.user.findMany({ where: { role: 'UNIT', active: true, unitId: { not: null } }, select: { id: true, unitId: true } }),
        db.user.findMany({ where: { role: 'STAFF', active: true }, select: { id: true, townshipId: true } }),
      ]);
      const unitsOf = groupBy(
        leads,
        (l) => Number(l.suggestionId),
        (l) => Number(l.unitId),
      );
      const usersOfUnit = groupBy(
        unitUsers,
        (u) => u.unitId!,
        (u) => u.id,
      );
      const staffOf = groupBy(
        staff,
        (u) => u.townshipId,
        (u) => u.id,
      );

      const rows: Array<[userId: number, kind: string, title: string, link: string, dedupeKey: string, createdAt: string]> = [];
      const createdAt = t.toISOString().replace('Z', '+00:00'); // as Prisma writes DateTime
      for (const s of due as Due[]) {
        const overdue = deadlineFlag(s.deadline, true, t) === 'overdue';
        const key = `${overdue ? 'overdue' : 'due7'}:suggestion:${s.id}:${s.deadline.toISOString().slice(0, 10)}`;
        const title = overdue
          ? `建议已逾期未答复：${suggestionCode(s)} ${s.title}（期限${formatDate(s.deadline)}）`
          : `建议7日内到期：${suggestionCode(s)} ${s.title}（期限${formatDate(s.deadline)}）`;
        const users = new Set([
          ...(unitsOf.get(s.id) ?? []).flatMap((u) => usersOfUnit.get(u) ?? []),
          ...(s.supervisorId ? [s.supervisorId] : []),
          ...(staffOf.get(s.townshipId) ?? []),
        ]);
        for (const userId of users) rows.push([userId, overdue ? 'overdue' : 'due-soon', title, `/suggestions/${s.id}`, key, createdAt]);
      }

      let written = 0;
      for (let i = 0; i < rows.length; i += BATCH) {
        const values = rows.slice(i, i + BATCH).map((r) => Prisma.sql`(${Prisma.join(r)})`);
        written += await db.$executeRaw`
          INSERT INTO "Notification" ("userId", "kind", "title", "link", "dedupeKey", "createdAt")
          VALUES ${Prisma.join(values)} ON CONFLICT DO NOTHING`;
        await new Promise((resolve) => setImmediate(resolve)); // let requests in between batches
      }
      return written;
    },

    /**
     * run(), unless another instance on the same PostgreSQL database is running it right now (an
     * advisory lock): then null. A later run by any instance writes nothing twice (dedupeKey).
     */
    async runOnce(): Promise<number | null> {
      const r = await exclusively(db, 'portal:deadline-reminders', () => this.run(), { wait: false });
      return r.ran ? r.value : null;
    },
  };
}

function groupBy<T, K, V>(items: T[], key: (t: T) => K, value: (t: T) => V): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(value(item));
    else map.set(k, [value(item)]);
  }
  return map;
}

export type DeadlineReminders = ReturnType<typeof createDeadlineReminders>;
