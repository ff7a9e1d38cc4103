/**
 * The .xlsx ledgers read their rows in batches and stream the file: a year of more rows than two
 * batches comes out whole, in the ledger's order, no row lost or repeated at a batch's edge (ties of
 * the sort columns and nulls falling across the edges), for the township ledger in both of its
 * orders and for the banner's ledger; a failure before the first byte is the Chinese error page,
 * one after it a failed download.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type request from 'supertest';
import { binary, createTestApp, loginAs, type TestApp, workbookOf } from '../helpers/test-app.js';
import { DEMO_PASSWORD, SECOND_TOWNSHIP, seedDemo } from '../../src/demo/index.js';
import { LEDGER_BATCH } from '../../src/features/suggestions/suggestions.queries.js';
import { STREAM_QUEUE_LIMIT, STREAMS_AT_ONCE } from '../../src/lib/download.js';

const YEAR = 2019; // no demo suggestion is of 2019 or earlier
const MANY = 2500;
const OTHER = 300; // in the second township, for the banner's ledger

type Made = { title: string; id: number; number: number | null; deadline: Date | null; township: string };

let t: TestApp;
let staff: request.Agent;
let banner: request.Agent;
let made: Made[];

/** The ledger's data rows (below the title and the header), as their 标题 (column `titleCol`). */
async function titlesOf(agent: request.Agent, path: string, titleCol: number): Promise<string[]> {
  const res = await agent.get(path).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const sheet = (await workbookOf(res)).worksheets[0]!;
  const titles: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 2) titles.push(row.getCell(titleCol).text);
  });
  return titles;
}

const byId = (a: Made, b: Made) => a.id - b.id;

beforeAll(async () => {
  const today = new Date('2026-06-15T10:00:00+08:00');
  t = await createTestApp({ now: () => today });
  await seedDemo(t.services.db, { now: today });
  const db = t.services.db;
  const towns = await db.township.findMany({ where: { name: { in: ['东明镇', SECOND_TOWNSHIP.name] } } });
  const data = [];
  for (const town of towns) {
    const deputy = await db.deputy.findFirstOrThrow({ where: { townshipId: town.id } });
    const count = town.name === '东明镇' ? MANY : OTHER;
    for (let i = 0; i < count; i++) {
      // Every second unnumbered (still 已提交), numbers in an order of their own; three deadlines
      // shared by hundreds of rows each, and none for the unnumbered: ties and runs of nulls longer
      // than a batch, so that batches end and start on a tie, a null and the last non-null.
      const numbered = i % 2 !== 0;
      data.push({
        townshipId: town.id,
        year: YEAR,
        number: numbered ? ((i * 7919) % count) + 1 : null,
        title: `${town.name}分批建议${String(i).padStart(4, '0')}`,
        content: '内容',
        category: 'OTHER' as const,
        leadDeputyId: deputy.id,
        status: numbered ? ('ASSIGNED' as const) : ('SUBMITTED' as const),
        submittedAt: new Date(`${YEAR}-03-01T02:00:00Z`),
        deadline: numbered ? new Date(Date.UTC(YEAR, 5 + (i % 3), 1)) : null,
      });
    }
  }
  await db.suggestion.createMany({ data });
  const rows = await db.suggestion.findMany({
    where: { year: YEAR },
    select: { id: true, title: true, number: true, deadline: true, township: { select: { name: true } } },
  });
  made = rows.map((r) => ({ ...r, township: r.township.name }));
  staff = await loginAs(t.app, 'staff', DEMO_PASSWORD);
  banner = await loginAs(t.app, 'banner', DEMO_PASSWORD);
}, 120_000);
afterAll(() => t?.close());

describe('the ledgers in batches', () => {
  it('the township ledger by number: every row once, the unnumbered first, then the numbers from the highest', async () => {
    expect(MANY).toBeGreaterThan(2 * LEDGER_BATCH);
    const mine = made.filter((m) => m.township === '东明镇');
    // year desc, number desc with the unnumbered first, id desc
    const expected = [
      ...mine.filter((m) => m.number === null).sort((a, b) => b.id - a.id),
      ...mine.filter((m) => m.number !== null).sort((a, b) => b.number! - a.number!),
    ].map((m) => m.title);
    const titles = await titlesOf(staff, `/suggestions/export.xlsx?year=${YEAR}`, 2);
    expect(titles.length).toBe(MANY);
    expect(new Set(titles).size).toBe(MANY);
    expect(titles).toEqual(expected);
    const audit = await t.services.db.auditLog.findFirstOrThrow({ where: { action: 'suggestion.export' }, orderBy: { id: 'desc' } });
    expect(JSON.parse(audit.detail)).toMatchObject({ rows: MANY, year: YEAR });
  });

  it('the township ledger by deadline: the earliest first, ties by id, the rows without a deadline last', async () => {
    const mine = made.filter((m) => m.township === '东明镇');
    const expected = [
      ...mine.filter((m) => m.deadline).sort((a, b) => a.deadline!.getTime() - b.deadline!.getTime() || a.id - b.id),
      ...mine.filter((m) => !m.deadline).sort(byId),
    ].map((m) => m.title);
    const titles = await titlesOf(staff, `/suggestions/export.xlsx?year=${YEAR}&sort=deadline`, 2);
    expect(titles).toEqual(expected);
  });

  it('the banner’s ledger: by township, by number with the unnumbered last, every row once', async () => {
    const towns = await t.services.db.township.findMany({ orderBy: { id: 'asc' }, select: { name: true } });
    const expected = towns.flatMap(({ name }) => {
      const of = made.filter((m) => m.township === name);
      return [
        ...of.filter((m) => m.number !== null).sort((a, b) => a.number! - b.number!),
        ...of.filter((m) => m.number === null).sort(byId),
      ];
    });
    const titles = await titlesOf(banner, `/banner/suggestions/export.xlsx?year=${YEAR}`, 3);
    expect(titles.length).toBe(MANY + OTHER);
    expect(titles).toEqual(expected.map((m) => m.title));
    const audit = await t.services.db.auditLog.findFirstOrThrow({ where: { action: 'banner.suggestion.export' }, orderBy: { id: 'desc' } });
    expect(JSON.parse(audit.detail)).toMatchObject({ rows: MANY + OTHER, year: YEAR });
  });

  it('a failure before the first byte is the Chinese error page, not a download', async () => {
    const db = t.services.db;
    await db.$executeRawUnsafe('ALTER TABLE "Satisfaction" RENAME TO "Satisfaction_away"');
    try {
      const res = await staff.get(`/suggestions/export.xlsx?year=${YEAR}`);
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['content-disposition']).toBeUndefined();
      expect(res.text).toContain('服务器出现错误');
    } finally {
      await db.$executeRawUnsafe('ALTER TABLE "Satisfaction_away" RENAME TO "Satisfaction"');
    }
  });

  it('a failure after the first byte fails the download instead of ending a truncated file', async () => {
    const delegate = t.services.db.suggestion;
    const original = delegate.findMany.bind(delegate);
    let calls = 0;
    // The third read of the export (its second batch after the first) fails.
    const failing = (args: Parameters<typeof original>[0]) => {
      calls++;
      return calls === 3 ? Promise.reject(new Error('the database went away')) : original(args);
    };
    const findMany = vi.spyOn(delegate, 'findMany').mockImplementation(failing as typeof original);
    try {
      await expect(staff.get(`/suggestions/export.xlsx?year=${YEAR}`).buffer(true).parse(binary)).rejects.toThrow();
      expect(calls).toBe(3);
    } finally {
      findMany.mockRestore();
    }
    // The app goes on serving.
    expect((await staff.get('/suggestions')).status).toBe(200);
  });

  it('at most STREAMS_AT_ONCE ledgers are made at once; STREAM_QUEUE_LIMIT more wait their turn, the next is refused in Chinese', async () => {
    const delegate = t.services.db.suggestion;
    const original = delegate.findMany.bind(delegate);
    type Args = Parameters<typeof original>[0];
    // Every ledger reads its ids and its first batch before it waits for a slot; its second batch
    // (a first id other than the first batch's) is held here until let go.
    let firstBatchStart: number | undefined;
    let held = 0;
    let letGo!: () => void;
    const gate = new Promise<void>((resolve) => (letGo = resolve));
    const reading = (args: Args) => {
      const ids = (args?.where?.id as { in?: number[] } | undefined)?.in;
      if (ids?.length) {
        firstBatchStart ??= ids[0];
        if (ids[0] !== firstBatchStart) {
          held++;
          return gate.then(() => original(args));
        }
      }
      return original(args);
    };
    const findMany = vi.spyOn(delegate, 'findMany').mockImplementation(reading as typeof original);
    try {
      const asked = STREAMS_AT_ONCE + STREAM_QUEUE_LIMIT + 1;
      const downloads = Array.from({ length: asked }, () =>
        staff
          .get(`/suggestions/export.xlsx?year=${YEAR}`)
          .buffer(true)
          .parse(binary)
          .then((res) => res),
      );
      const refused = await Promise.race(downloads);
      expect(refused.status).toBe(503);
      expect(Buffer.from(refused.body as Buffer).toString('utf8')).toContain('同时导出的台账较多，请稍后再试。');
      expect(refused.headers['content-disposition']).toBeUndefined();
      // Meanwhile STREAMS_AT_ONCE read further than their first batch, and no more.
      await vi.waitFor(() => expect(held).toBe(STREAMS_AT_ONCE));
      await new Promise((r) => setTimeout(r, 300));
      expect(held).toBe(STREAMS_AT_ONCE);
      letGo();
      const results = await Promise.all(downloads);
      expect(results.filter((r) => r.status === 200)).toHaveLength(asked - 1);
      const sheet = (await workbookOf(results.find((r) => r.status === 200)!)).worksheets[0]!;
      expect(sheet.rowCount).toBe(2 + made.filter((m) => m.township === '东明镇').length);
    } finally {
      findMany.mockRestore();
    }
  });
});
