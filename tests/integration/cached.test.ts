/** lib/cached's one rule, on a real database: kept until a change or the age limit, expired entries let go. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cached, cachedPage, keptCount, minuteKeys } from '../../src/lib/cached.js';
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
    vi.advanceTimersByTime(121_000); // kept for a second age: the minute after may serve it
    let computed = 0;
    expect(await cached(t.db, 'long-lived', ['Township'], 3_600_000, () => (computed++, Promise.resolve('again')))).toBe('kept');
    expect(computed).toBe(0);
    expect(keptCount(t.db)).toBe(1); // only the long-lived one (the first test's expired too)
    vi.useRealTimers();
  });
});

describe('cachedPage across a minute', () => {
  /** A render that finishes when told to. */
  function deferred(html: string) {
    let finish = () => undefined as void;
    const done = new Promise<void>((r) => (finish = r));
    let calls = 0;
    return { render: async () => (calls++, await done, html), finish, calls: () => calls };
  }
  const page = (at: Date, render: () => Promise<string>) => {
    const { key, previousKey } = minuteKeys(at, (m) => `page:${m}`);
    return cachedPage(t.db, key, ['Township'], 60_000, async () => ({ title: '', body: await render() }), previousKey).then((p) => p.body);
  };

  it('serves the last minute’s page while this minute’s renders, unless a record changed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const m0 = new Date('2026-12-05T10:00:30Z');
    expect(await page(m0, () => Promise.resolve('first'))).toBe('first');

    // the next minute: the page of the minute before at once, twice, while one render runs
    vi.advanceTimersByTime(60_000);
    const m1 = new Date('2026-12-05T10:01:30Z');
    const next = deferred('second');
    expect(await page(m1, next.render)).toBe('first');
    expect(await page(m1, next.render)).toBe('first');
    expect(next.calls()).toBe(1);
    next.finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(await page(m1, next.render)).toBe('second');

    // a record changed: the next minute waits for its own page
    await createTownship(t.db);
    vi.advanceTimersByTime(60_000);
    const m2 = new Date('2026-12-05T10:02:30Z');
    const third = deferred('third');
    const shown = page(m2, third.render);
    third.finish();
    expect(await shown).toBe('third');

    // a render that fails is not kept: the last page is served meanwhile, and the next visit renders again
    vi.advanceTimersByTime(60_000);
    const m3 = new Date('2026-12-05T10:03:30Z');
    expect(await page(m3, () => Promise.reject(new Error('boom')))).toBe('third');
    await new Promise((r) => setTimeout(r, 0));
    let renders = 0;
    const fourth = () => (renders++, Promise.resolve('fourth'));
    expect(await page(m3, fourth)).toBe('third');
    await new Promise((r) => setTimeout(r, 0));
    expect(await page(m3, fourth)).toBe('fourth');
    expect(renders).toBe(1);
    vi.useRealTimers();
  });
});
