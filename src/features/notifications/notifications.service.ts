import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { NotFoundError } from '../../errors.js';
import { paginate } from '../../lib/pagination.js';
import { cached } from '../../lib/cached.js';

export type NotificationInput = {
  kind: string; // assignment, reply-to-rate, key-suggestion, due-soon, overdue, task …
  title: string;
  link?: string;
  /** At most one notification per user and key (reminders must not repeat). */
  dedupeKey?: string;
};

type Writer = Pick<Prisma.TransactionClient, 'notification'>;

/** In-app notifications: the bell in the top bar and the /notifications page. */
export function createNotificationsService(db: Db, now: () => Date = () => new Date()) {
  return {
    /** Notifies users; pass the transaction client to notify in the same transaction as the change. */
    async notify(userIds: number[], input: NotificationInput, tx: Writer = db): Promise<void> {
      for (const userId of new Set(userIds)) {
        const data = { userId, kind: input.kind, title: input.title, link: input.link ?? '', dedupeKey: input.dedupeKey ?? null };
        if (input.dedupeKey) {
          await tx.notification.upsert({
            where: { userId_dedupeKey: { userId, dedupeKey: input.dedupeKey } },
            create: data,
            update: {},
          });
        } else {
          await tx.notification.create({ data });
        }
      }
    },

    /** The bell's count on every page: no query until a notification is written or read. */
    unreadCount(user: CurrentUser): Promise<number> {
      return cached(db, `unread:${user.id}`, ['Notification'], 10 * 60_000, () =>
        db.notification.count({ where: { userId: user.id, readAt: null } }),
      );
    },

    async list(user: CurrentUser, page: number) {
      const where = { userId: user.id };
      return paginate(
        page,
        () => db.notification.count({ where }),
        (args) => db.notification.findMany({ where, orderBy: [{ readAt: { sort: 'asc', nulls: 'first' } }, { id: 'desc' }], ...args }),
      );
    },

    /** Marks one of the user's own notifications read and returns where it points. */
    async open(user: CurrentUser, id: number): Promise<string> {
      const n = await db.notification.findFirst({ where: { id, userId: user.id } });
      if (!n) throw new NotFoundError('没有找到该提醒。');
      if (!n.readAt) await db.notification.update({ where: { id }, data: { readAt: now() } });
      return n.link || '/notifications';
    },

    async readAll(user: CurrentUser): Promise<void> {
      await db.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: now() } });
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
