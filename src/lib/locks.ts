/**
 * Work that several app instances on one PostgreSQL database must not do at the same time.
 * SQLite needs none of this: one process owns the file and its adapter runs one transaction at a time.
 */
import pg from 'pg';
import { providerOfDb, urlOfDb, type Db, type Tx } from '../db.js';
import { pgPoolConfig, providerOf } from '../db-url.js';

/**
 * Serializes the rest of a transaction with every other transaction that takes the same `key`
 * (PostgreSQL: a transaction-level advisory lock, released at commit or rollback). Used where a
 * number is computed as max + 1 — suggestion numbers per township and year, report revisions —
 * so that concurrent 立案 on several instances never hand out one number twice.
 */
export async function lockInTransaction(tx: Tx, key: string): Promise<void> {
  if (providerOfDb(tx) !== 'postgresql') return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/**
 * Runs `fn` holding a session advisory lock named `key` on a connection of its own, so that of
 * several instances only one runs it at a time. `wait: false` (jobs): if another instance holds the
 * lock, returns `{ ran: false }` at once; `wait: true` (start-up migrations and seed): waits its turn.
 */
export async function exclusively<T>(
  urlOrDb: string | Db,
  key: string,
  fn: () => Promise<T>,
  { wait }: { wait: boolean },
): Promise<{ ran: true; value: T } | { ran: false }> {
  const url = typeof urlOrDb === 'string' ? urlOrDb : urlOfDb(urlOrDb);
  if (!url || providerOf(url) !== 'postgresql') return { ran: true, value: await fn() };
  const client = new pg.Client({ ...pgPoolConfig(url), application_name: `portal lock ${key}` });
  await client.connect();
  try {
    if (wait) await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    else {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]);
      if (!rows[0]?.locked) return { ran: false };
    }
    try {
      return { ran: true, value: await fn() };
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
    }
  } finally {
    await client.end();
  }
}
