import type { Db } from '../../db.js';
import { NO_TOWNSHIP, type CurrentUser } from '../../auth/current-user.js';
import { pageArgs, toPage, type Page } from '../../lib/pagination.js';

/** Something that can write rows: the client or a transaction client. */
type Writer = Pick<Db, 'auditLog'>;

export type AuditEntry = {
  action: string;
  /** The township the event concerns, when the actor has none (a banner account's work in a township). */
  townshipId?: number;
  entity?: string;
  entityId?: string | number;
  detail?: unknown;
  ip?: string;
};

export function createAuditService(db: Db) {
  return {
    /** Writes one audit row; pass the transaction client to keep it in the same transaction. */
    async record(actor: { id: number; townshipId: number | null } | null, entry: AuditEntry, tx: Writer = db) {
      const own = actor?.townshipId === NO_TOWNSHIP ? null : (actor?.townshipId ?? null);
      await tx.auditLog.create({
        data: {
          townshipId: own ?? entry.townshipId ?? null,
          actorId: actor?.id ?? null,
          action: entry.action,
          entity: entry.entity ?? '',
          entityId: entry.entityId === undefined ? '' : String(entry.entityId),
          detail: entry.detail === undefined ? '' : JSON.stringify(entry.detail),
          ip: entry.ip ?? '',
        },
      });
    },

    async list(user: CurrentUser, filter: { action?: string; page: number }): Promise<Page<AuditRow>> {
      const where = {
        townshipId: user.townshipId,
        ...(filter.action ? { action: { startsWith: filter.action } } : {}),
      };
      const [items, total] = await Promise.all([
        db.auditLog.findMany({
          where,
          orderBy: { id: 'desc' },
          include: { actor: { select: { username: true, displayName: true } } },
          ...pageArgs(filter.page, 50),
        }),
        db.auditLog.count({ where }),
      ]);
      return toPage(items, total, filter.page, 50);
    },
  };
}

export type AuditRow = Awaited<ReturnType<Db['auditLog']['findMany']>>[number] & {
  actor: { username: string; displayName: string } | null;
};
export type AuditService = ReturnType<typeof createAuditService>;
