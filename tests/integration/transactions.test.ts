import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db.js';
import { createTestDb, testDatabaseUrl, type TestDb } from '../helpers/test-db.js';

/**
 * Statements of other requests while a feature's transaction is open. On PostgreSQL they run on
 * another connection of the pool; on SQLite the adapter's one connection would run them inside the
 * open transaction unless src/db.ts sends reads to its read-only connection and makes writes wait.
 * Either way they must behave as if the transaction were elsewhere: they never see its uncommitted
 * rows, are never rolled back with it, and a read does not wait for it.
 */
let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
});
afterAll(async () => {
  await testDb.cleanup();
});

const session = (sid: string) => ({ sid, data: '{}', expiresAt: new Date(Date.now() + 3_600_000) });

/** Opens a transaction that writes `sid` and then waits; `finish(fail)` commits it or makes it fail. */
async function openTransaction(sid: string) {
  let inside!: () => void;
  const began = new Promise<void>((resolve) => (inside = resolve));
  let finish!: (fail: boolean) => void;
  const finished = new Promise<boolean>((resolve) => (finish = resolve));
  const done = db
    .$transaction(async (tx) => {
      await tx.session.create({ data: session(sid) });
      inside();
      if (await finished) throw new Error('the feature failed');
    })
    .then(
      () => 'committed',
      () => 'rolled back',
    );
  await began;
  return { finish, done };
}

/** Sends a Prisma query now (its promise is lazy: it would run only when awaited). */
const started = <T>(query: PromiseLike<T>): Promise<T> => Promise.resolve(query);

/** Gives statements issued so far the time to reach the connection (Prisma compiles them first). */
const reachesConnection = () => new Promise((resolve) => setTimeout(resolve, 100));

const sids = async () => (await db.session.findMany({ select: { sid: true }, orderBy: { sid: 'asc' } })).map((s) => s.sid);

describe('a statement outside a transaction', () => {
  it('is not rolled back with a transaction that was open when it ran', async () => {
    const feature = await openTransaction('feature-1');
    const written = started(db.session.create({ data: session('other-request-1') }));
    await reachesConnection();
    feature.finish(true);
    expect(await feature.done).toBe('rolled back');
    await written;
    expect(await sids()).toContain('other-request-1');
    expect(await sids()).not.toContain('feature-1');
  });

  it('does not read the open transaction’s uncommitted rows', async () => {
    const feature = await openTransaction('feature-2');
    const read = started(db.session.count({ where: { sid: 'feature-2' } }));
    // findUnique goes out through Prisma's batching tick, which the transaction's queries share
    const readOne = started(db.session.findUnique({ where: { sid: 'feature-2' } }));
    const readRaw = started(db.$queryRaw<Array<{ n: number | bigint }>>`SELECT COUNT(*) AS n FROM "Session" WHERE sid = 'feature-2'`);
    await reachesConnection();
    feature.finish(true);
    expect(await feature.done).toBe('rolled back');
    expect(await read).toBe(0);
    expect(await readOne).toBeNull();
    expect(Number((await readRaw)[0]!.n)).toBe(0);
  });

  it('reads what is committed at once, without waiting for the open transaction to end', async () => {
    const feature = await openTransaction('feature-3');
    const read = started(db.session.findMany({ where: { sid: { startsWith: 'feature-' } }, select: { sid: true } }));
    // the transaction is still open: the read must have answered without it
    const answered = await Promise.race([read.then(() => true), new Promise((resolve) => setTimeout(resolve, 2000, false))]);
    feature.finish(false);
    expect(answered).toBe(true);
    expect((await read).map((s) => s.sid)).not.toContain('feature-3');
    expect(await feature.done).toBe('committed');
    expect(await sids()).toContain('feature-3');
  });

  // SQLite only: on PostgreSQL the write runs at once on another connection, before either commits.
  it.skipIf(!!testDatabaseUrl())('writes in its turn: after the open transaction, before one that started after it', async () => {
    const first = await openTransaction('feature-4');
    let wrote = false;
    const written = started(db.session.create({ data: session('other-request-4') })).then(() => (wrote = true));
    await reachesConnection();
    const second = db.$transaction(async (tx) => tx.session.count({ where: { sid: 'other-request-4' } }));
    await reachesConnection();
    expect(wrote).toBe(false);
    first.finish(false);
    expect(await first.done).toBe('committed');
    await written;
    // the second transaction began after the write, and saw it
    expect(await second).toBe(1);
  });

  it('still runs at once when no transaction is open, and the transaction after it is not kept waiting', async () => {
    await db.$transaction(async (tx) => {
      await tx.session.create({ data: session('feature-5') });
    });
    expect(await db.session.count({ where: { sid: 'feature-5' } })).toBe(1);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? db.session.create({ data: session(`many-${i}`) })
          : db.$transaction(async (tx) => {
              await tx.session.create({ data: session(`many-${i}`) });
            }),
      ),
    );
    expect(await db.session.count({ where: { sid: { startsWith: 'many-' } } })).toBe(20);
  });

  // SQLite only: PostgreSQL gives every transaction a connection of its own.
  it.skipIf(!!testDatabaseUrl())('is not stopped for good by a transaction begun with raw SQL', async () => {
    await db.$executeRawUnsafe('BEGIN');
    await expect(db.$transaction(async (tx) => tx.session.count())).rejects.toThrow();
    await db.$transaction(async (tx) => {
      await tx.session.create({ data: session('feature-6') });
    });
    expect(await db.session.count({ where: { sid: 'feature-6' } })).toBe(1);
  });
});
