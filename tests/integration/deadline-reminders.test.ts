import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { AWAITING_REPLY } from '../../src/features/suggestions/suggestions.workflow.js';
import { deadlineFlag } from '../../src/lib/deadline.js';
import { createDeadlineReminders } from '../../src/features/notifications/deadline-reminders.js';
import { seedDemo } from '../../src/demo/index.js';

/**
 * The batched reminders: once per suggestion and deadline, the lead unit's users, the supervisor and
 * the township's staff are told that a reply is due within 7 days, or overdue.
 */
describe('deadline reminders in batches', () => {
  const now = () => new Date('2026-11-30T09:00:00+08:00');
  let t: TestDb;
  const sent = () =>
    t.db.notification.findMany({
      where: { dedupeKey: { not: null } },
      select: { userId: true, kind: true, link: true, dedupeKey: true },
      orderBy: [{ userId: 'asc' }, { dedupeKey: 'asc' }],
    });

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemo(t.db, { passwordHash: 'x' });
  }, 60_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it('tells the lead unit, the supervisor and staff of every due suggestion, once', async () => {
    // The expectation, computed one suggestion at a time with plain queries.
    const soon = new Date(now().getTime() + 7 * 24 * 3_600_000);
    const due = await t.db.suggestion.findMany({
      where: { status: { in: [...AWAITING_REPLY] }, deadline: { lte: soon } },
      include: { assignments: { where: { active: true, role: 'LEAD' } } },
    });
    const expected: Array<{ userId: number; kind: string; link: string; dedupeKey: string }> = [];
    for (const s of due) {
      const overdue = deadlineFlag(s.deadline, true, now()) === 'overdue';
      const key = `${overdue ? 'overdue' : 'due7'}:suggestion:${s.id}:${s.deadline!.toISOString().slice(0, 10)}`;
      const users = await t.db.user.findMany({
        where: {
          active: true,
          OR: [
            { unitId: { in: s.assignments.map((a) => a.unitId) } },
            { id: s.supervisorId ?? -1 },
            { townshipId: s.townshipId, role: 'STAFF' },
          ],
        },
        select: { id: true },
      });
      for (const u of users)
        expected.push({ userId: u.id, kind: overdue ? 'overdue' : 'due-soon', link: `/suggestions/${s.id}`, dedupeKey: key });
    }
    expected.sort((a, b) => a.userId - b.userId || (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0));
    expect(expected.length).toBeGreaterThan(5);

    const reminders = createDeadlineReminders(t.db, now);
    expect(await reminders.run()).toBe(expected.length);
    expect(await sent()).toEqual(expected);
    expect(await reminders.run()).toBe(0); // already sent
    expect(await sent()).toEqual(expected);
  });
});
