/**
 * Tamper evidence for the audit log: every row carries HMAC-SHA256(key, previous row's hash ‖ the
 * row's fields), under `deriveKey(DATA_KEY, 'audit-chain')`. Changing, inserting or deleting a row
 * in the middle breaks the chain at that row or the next; without DATA_KEY no one can forge it.
 *
 * Sealing. Rows are written inside the features' own transactions, with a null hash: reading "the
 * last hash" there would make every writing transaction read the log's tail, and with several
 * connections (the portal and a script) a deferred transaction that reads and then writes can fail
 * with SQLITE_BUSY. The sealer chains the unsealed rows afterwards, in id order, in a short
 * transaction of its own, which first takes SQLite's write lock (a write that matches no row).
 *
 * Why id order is the order of commits: SQLite has one writer at a time. A transaction that inserts
 * a row holds the write lock from that insert to its commit, so no other transaction can insert (and
 * take a larger id) before it commits or rolls back. Hence, holding the write lock, the sealer sees
 * every row with an id below any committed row, and no row with a smaller id can appear later: the
 * unsealed rows it chains are exactly the tail of the log. (A database with concurrent writers,
 * such as PostgreSQL, would need the sealer to lock the table instead.)
 *
 * The sealer runs after each write (scheduled, out of the request's transaction), before the log is
 * shown and before it is verified. Triggers (migration `audit_chain`) refuse any UPDATE of a sealed
 * row, any change of an unsealed row other than setting its hash, and any DELETE of a row younger
 * than 180 days.
 */
import { createHmac } from 'node:crypto';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db.js';
import { lockInTransaction } from '../../lib/locks.js';

type ChainedRow = {
  id: number;
  townshipId: number | null;
  actorId: number | null;
  action: string;
  entity: string;
  entityId: string;
  detail: string;
  ip: string;
  username: string;
  result: string;
  createdAt: Date;
  hash: string | null;
};

/** The hash of one row given the previous row's hash ('' for the first row). */
export function rowHash(key: Buffer, prev: string, r: Omit<ChainedRow, 'hash'>): string {
  const fields = [
    prev,
    r.id,
    r.townshipId,
    r.actorId,
    r.action,
    r.entity,
    r.entityId,
    r.detail,
    r.ip,
    r.username,
    r.result,
    r.createdAt.toISOString(),
  ];
  return createHmac('sha256', key).update(JSON.stringify(fields)).digest('hex');
}

const BATCH = 500;

/** Chains every unsealed row; returns how many it sealed. */
export async function sealAuditLog(db: Db, key: Buffer): Promise<number> {
  return db.$transaction(async (tx) => {
    // Take the write lock before reading the tail (see above).
    await tx.$executeRawUnsafe('UPDATE "AuditLog" SET "hash" = NULL WHERE "id" = -1');
    // PostgreSQL (several instances): one sealer at a time. Ids there are handed out before commit, so a
    // row of a long transaction can commit after a higher id was sealed: verify then names it (see SECURITY.md).
    await lockInTransaction(tx, 'audit-chain');
    const last = await tx.auditLog.findFirst({ where: { hash: { not: null } }, orderBy: { id: 'desc' }, select: { id: true, hash: true } });
    let prev = last?.hash ?? '';
    let after = last?.id ?? 0;
    let sealed = 0;
    for (;;) {
      // After the last sealed row: the log's tail, read by primary key (a row before it whose hash was
      // cleared stays unsealed, and verify names it), not by scanning every sealed row of the log.
      const rows = await tx.auditLog.findMany({ where: { id: { gt: after }, hash: null }, orderBy: { id: 'asc' }, take: BATCH });
      if (rows.length === 0) return sealed;
      const hashes = rows.map((r) => Prisma.sql`(CAST(${r.id} AS INTEGER), ${(prev = rowHash(key, prev, r))})`);
      after = rows.at(-1)!.id;
      // One statement per batch: an update per row cost more than the rest of a request that logs a row.
      // The id range lets SQLite find the rows by primary key (without it, it scanned the whole log).
      await tx.$executeRaw`UPDATE "AuditLog" SET "hash" = v.column2 FROM (VALUES ${Prisma.join(hashes)}) AS v
        WHERE "AuditLog"."id" = v.column1 AND "AuditLog"."id" BETWEEN ${rows[0]!.id} AND ${after}`;
      sealed += rows.length;
      if (rows.length < BATCH) return sealed;
    }
  });
}

export type ChainReport =
  { ok: true; checked: number; unsealed: number } | { ok: false; checked: number; brokenAt: number; reason: string };

/**
 * Recomputes the chain from the first row. The first row whose stored hash differs from the one
 * recomputed from the rows before it is named: it or the row before it was changed, inserted or
 * deleted. Rows not yet sealed must all come after the sealed ones.
 */
export async function verifyAuditLog(db: Db, key: Buffer): Promise<ChainReport> {
  let prev = '';
  let checked = 0;
  let unsealed = 0;
  let cursor = 0;
  for (;;) {
    const rows = await db.auditLog.findMany({ where: { id: { gt: cursor } }, orderBy: { id: 'asc' }, take: BATCH });
    for (const r of rows) {
      cursor = r.id;
      if (r.hash === null) {
        unsealed++;
        continue;
      }
      if (unsealed > 0) return { ok: false, checked, brokenAt: r.id, reason: '之前有未封存的记录（封存值被清除）' };
      const expected = rowHash(key, prev, r);
      if (expected !== r.hash) return { ok: false, checked, brokenAt: r.id, reason: '校验值不符：本条或上一条记录被修改、插入或删除' };
      prev = r.hash;
      checked++;
    }
    if (rows.length < BATCH) return { ok: true, checked, unsealed };
  }
}
