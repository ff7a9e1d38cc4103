import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import { pageArgs, toPage, type Page } from '../../lib/pagination.js';

/** Something that can write rows: the client or a transaction client. */
type Writer = Pick<Db, 'auditLog'>;

export type AuditEntry = {
  action: string;
  entity?: string;
  entityId?: string | number;
  detail?: unknown;
  ip?: string;
};

export function createAuditService(db: Db) {
  return {
    /** Writes one audit row; pass the transaction client to keep it in the same transaction. */
    async record(actor: Pick<CurrentUser, 'id' | 'townshipId'> | null, entry: AuditEntry, tx: Writer = db) {
      await tx.auditLog.create({
        data: {
          townshipId: actor?.townshipId ?? null,
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
