/** lib/cached's one rule, on a real database: kept until a change or the age limit, expired entries let go. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cached, keptCount } from '../../src/lib/cached.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { watchChanges } from '../../src/db.js';
import { createTownship } from '../helpers/factories.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  // Connected and, on PostgreSQL, listening for changes: before that, nothing is kept.
  await t.db.township.count();
  expect(await watchChanges(t.db)).toBe(true);
});
afterAll(async () => {
  vi.useRealTimers();
  await t.cleanup();
});

describe('cached', () => {
  it('computes once until its tables change or it is older than its limit', async () => {
    let computed = 0;
    const get = () => cached(t.db, 'townships', ['Township'], 1_000, async () => (computed++, t.db.township.count()));
    vi.useFakeTimers({ toFake: ['Date'] });
    const n = await get();
    expect(await get()).toBe(n);
    expect(computed).toBe(1);
    await createTownship(t.db);
    expect(await get()).toBe(n + 1);
    expect(computed).toBe(2);
    vi.advanceTimersByTime(1_001);
    await get();
    expect(computed).toBe(3);
    vi.useRealTimers();
  });

  it('lets go of expired entries (a key with a minute in it is never asked again)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let minute = 0; minute < 50; minute++)
      await cached(t.db, `per-minute:${minute}`, ['Township'], 60_000, () => Promise.resolve(minute));
    await cached(t.db, 'long-lived', ['Township'], 3_600_000, () => Promise.resolve('kept'));
    const before = keptCount(t.db);
    expect(before).toBeGreaterThanOrEqual(51);
    vi.advanceTimersByTime(61_000);
    let computed = 0;
    expect(await cached(t.db, 'long-lived', ['Township'], 3_600_000, () => (computed++, Promise.resolve('again')))).toBe('kept');
    expect(computed).toBe(0);
    expect(keptCount(t.db)).toBe(1); // only the long-lived one (the first test's expired too)
    vi.useRealTimers();
  });
});
