import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { createServices } from '../../src/services.js';
import { createDeadlineReminders } from '../../src/features/notifications/deadline-reminders.js';
import { seedDemo } from '../../src/demo/index.js';

/** The batched reminders send exactly what the one-transaction-per-suggestion job sent. */
describe('deadline reminders in batches', () => {
  const now = () => new Date('2026-11-30T09:00:00+08:00');
  let a: TestDb;
  let b: TestDb;
  const sent = (t: TestDb) =>
    t.db.notification.findMany({
      where: { dedupeKey: { not: null } },
      select: { userId: true, kind: true, title: true, link: true, dedupeKey: true },
      orderBy: [{ userId: 'asc' }, { dedupeKey: 'asc' }],
    });

  beforeAll(async () => {
    a = await createTestDb();
    b = await createTestDb();
    await seedDemo(a.db, { passwordHash: 'x' });
    await seedDemo(b.db, { passwordHash: 'x' });
  }, 60_000);
  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
  });

  it('writes the same notifications as the old job, once', async () => {
    await createServices(a.db, { now }).suggestions.remindDeadlines();
    const batched = createDeadlineReminders(b.db, now);
    const written = await batched.run();
    const expected = await sent(a);
    expect(expected.length).toBeGreaterThan(5);
    expect(written).toBe(expected.length);
    expect(await sent(b)).toEqual(expected);
    expect(await batched.run()).toBe(0); // already sent
    expect(await sent(b)).toEqual(expected);
  });
});
