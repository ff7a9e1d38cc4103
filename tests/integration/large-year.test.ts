/**
 * Correctness at scale: a year of 6,000 suggestions (a banner's volume, past SQLite's old limit of
 * 999 bound parameters) through the pages that aggregate it — the statistics page, the dashboard,
 * the .xlsx ledger and the drafted work report — checked against figures computed here
 * independently from the raw rows. Timing never decides this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type request from 'supertest';
import { loginAs, csrfOf, type TestApp, workbookOf } from '../helpers/test-app.js';
import { scaleApp } from '../helpers/scale-app.js';
import { DEMO_PASSWORD } from '../../src/demo/index.js';
import type { ScaleSpec } from '../bench/generate.js';
import { formatPercent } from '../../src/lib/format.js';
import { suggestionCategoryLabels } from '../../src/lib/labels.js';
import { percentText } from '../../src/features/reports/reports.figures.js';

const YEAR = 2025;
const SPEC: ScaleSpec = {
  deputies: 120,
  perYear: 6000,
  years: [YEAR],
  units: 14,
  presidium: 5,
  staff: 2,
  stations: 6,
  activitiesPerYear: 20,
  projectsPerYear: 4,
  receptionsPerYear: 20,
  tasksPerYear: 10,
  otherTownships: 2,
};
/** The .xlsx ledger once stopped at this many rows; now it holds them all. */
const OLD_LEDGER_CAP = 5000;

type Counts = {
  count: number;
  assigned: number;
  replied: number;
  onTime: number;
  rated: number;
  satisfied: number;
  toImplement: number;
  implemented: number;
};
const zero = (): Counts => ({ count: 0, assigned: 0, replied: 0, onTime: 0, rated: 0, satisfied: 0, toImplement: 0, implemented: 0 });

/** The year's figures from the raw rows, by plain iteration (not the app's SQL). */
function independentFigures(file: string, township: number) {
  const raw = new Database(file, { readonly: true });
  try {
    const suggestions = raw
      .prepare(
        `SELECT id, category, status, "assignedAt", deadline FROM "Suggestion"
         WHERE "townshipId" = ? AND year = ? AND number IS NOT NULL AND status NOT IN ('MERGED', 'REFERENCE')`,
      )
      .all(township, YEAR) as Array<{ id: number; category: string; status: string; assignedAt: string | null; deadline: string | null }>;
    const replies = raw
      .prepare(`SELECT id, "suggestionId", category, "createdAt", "dueAt" FROM "Reply" WHERE "isAssistOpinion" = 0 ORDER BY id`)
      .all() as Array<{
      id: number;
      suggestionId: number;
      category: string | null;
      createdAt: string;
      dueAt: string | null;
    }>;
    const ratings = raw.prepare(`SELECT "suggestionId", round, result FROM "Satisfaction" ORDER BY round`).all() as Array<{
      suggestionId: number;
      result: string;
    }>;
    const leads = raw
      .prepare(
        `SELECT a."suggestionId", u.name FROM "SuggestionAssignment" a JOIN "HandlingUnit" u ON u.id = a."unitId" WHERE a.active = 1 AND a.role = 'LEAD' ORDER BY a.id`,
      )
      .all() as Array<{ suggestionId: number; name: string }>;
    const received = (
      raw
        .prepare(`SELECT COUNT(*) AS n FROM "Suggestion" WHERE "townshipId" = ? AND year = ? AND status <> 'DRAFT'`)
        .get(township, YEAR) as { n: number }
    ).n;
    const repliesOf = new Map<number, typeof replies>();
    for (const r of replies) repliesOf.set(r.suggestionId, [...(repliesOf.get(r.suggestionId) ?? []), r]);
    const lastRating = new Map<number, string>();
    for (const r of ratings) lastRating.set(r.suggestionId, r.result); // ordered by round: the last one wins
    const unitOf = new Map<number, string>();
    for (const l of leads) if (!unitOf.has(l.suggestionId)) unitOf.set(l.suggestionId, l.name);

    const total = zero();
    const byCategory = new Map<string, Counts>();
    const byUnit = new Map<string, Counts>();
    const day = 24 * 3600 * 1000;
    for (const s of suggestions) {
      const rs = repliesOf.get(s.id) ?? [];
      const first = rs[0];
      const last = rs.at(-1);
      const due = first ? (first.dueAt ?? s.deadline) : null;
      const rating = lastRating.get(s.id);
      const accepted = ['IMPLEMENTING', 'IMPLEMENTED', 'CLOSED'].includes(s.status);
      const groups = [total, getOr(byCategory, s.category), ...(unitOf.has(s.id) ? [getOr(byUnit, unitOf.get(s.id)!)] : [])];
      for (const g of groups) {
        g.count++;
        if (s.assignedAt || first) g.assigned++;
        if (first) g.replied++;
        if (first && due && Date.parse(first.createdAt) < Date.parse(due) + day) g.onTime++;
        if (rating) g.rated++;
        if (rating && rating !== 'DISSATISFIED') g.satisfied++;
        if ((last?.category === 'A' || last?.category === 'B') && accepted) {
          g.toImplement++;
          if ((last.category === 'A' && s.status === 'CLOSED') || (last.category === 'B' && ['IMPLEMENTED', 'CLOSED'].includes(s.status)))
            g.implemented++;
        }
      }
    }
    // The ledger of the year: the year's suggestions that staff see (all but drafts) and earlier
    // years' numbered ones still unfinished at the start of the year (结转).
    const yearStart = new Date(Date.UTC(YEAR, 0, 1) - 8 * 3600 * 1000).toISOString();
    const ledger = (
      raw
        .prepare(
          `SELECT COUNT(*) AS n FROM "Suggestion" WHERE "townshipId" = ? AND status <> 'DRAFT' AND (year = ? OR (year < ? AND number IS NOT NULL
             AND status NOT IN ('MERGED', 'REFERENCE') AND (status <> 'CLOSED' OR julianday("closedAt") >= julianday(?))))`,
        )
        .get(township, YEAR, YEAR, yearStart) as { n: number }
    ).n;
    return { received, total, byCategory, byUnit, ledger };
  } finally {
    raw.close();
  }
  function getOr(map: Map<string, Counts>, key: string) {
    let v = map.get(key);
    if (!v) map.set(key, (v = zero()));
    return v;
  }
}

/** The cells of the table rows of a stats section, keyed by the first cell. */
function statsRows(html: string, heading: string): Map<string, string[]> {
  const section = html.split('<section class="card"').find((s) => s.includes(`<h2>${heading}</h2>`)) ?? '';
  const rows = new Map<string, string[]>();
  for (const tr of section.split('<tr').slice(2)) {
    const cells = [...tr.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!.trim());
    if (cells.length) rows.set(cells[0]!, cells.slice(1));
  }
  return rows;
}

// The year is written in bulk through better-sqlite3 (tests/bench/generate.ts): SQLite only.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('a year of 6,000 suggestions', () => {
  let t: TestApp;
  let staff: request.Agent;
  let figures: ReturnType<typeof independentFigures>;

  beforeAll(async () => {
    let township: number;
    ({ t, township } = await scaleApp(SPEC));
    figures = independentFigures(t.testDb.file, township);
    staff = await loginAs(t.app, 'staff', DEMO_PASSWORD);
  }, 120_000);
  afterAll(() => t?.close());

  it('holds more suggestions in the year than SQLite once allowed bound parameters', () => {
    expect(figures.total.count).toBeGreaterThan(5000);
    expect(figures.byUnit.size).toBeGreaterThan(5);
  });

  it('the statistics page shows 办复率, 按期办复率, 满意率 and 落实率 by category and by unit as computed from the rows', async () => {
    const res = await staff.get(`/suggestions/stats?year=${YEAR}`);
    expect(res.status).toBe(200);
    const check = (cells: string[] | undefined, c: Counts) => {
      // 立案, 重点, 已答复, 办复率, 按期办复率, 满意率, 落实率, 逾期, 办结
      expect(cells).toBeDefined();
      expect(Number(cells![0])).toBe(c.count);
      expect(Number(cells![2])).toBe(c.replied);
      expect(cells![3]).toBe(formatPercent(c.replied, c.assigned));
      expect(cells![4]).toBe(formatPercent(c.onTime, c.assigned));
      expect(cells![5]).toBe(formatPercent(c.satisfied, c.rated));
      expect(cells![6]).toBe(formatPercent(c.implemented, c.toImplement));
    };
    const categories = statsRows(res.text, '按类别');
    for (const [category, c] of figures.byCategory)
      check(categories.get(suggestionCategoryLabels[category as keyof typeof suggestionCategoryLabels]), c);
    check(categories.get('合计'), figures.total);
    const units = statsRows(res.text, '按主办单位');
    for (const [unit, c] of figures.byUnit) check(units.get(unit), c);
    expect(units.size).toBe(figures.byUnit.size + 1);
  });

  it('the statistics page lists the first 50 重点建议 by number and links to all of them in the list', async () => {
    const key = await t.services.db.suggestion.count({
      where: { year: YEAR, isKey: true, number: { not: null }, status: { notIn: ['MERGED', 'REFERENCE'] }, township: { name: '东明镇' } },
    });
    expect(key).toBeGreaterThan(50);
    const html = (await staff.get(`/suggestions/stats?year=${YEAR}`)).text;
    const section = html.slice(html.indexOf('<h2>重点建议</h2>'));
    expect([...section.slice(0, section.indexOf('</section>')).matchAll(/<td data-label="编号">/g)]).toHaveLength(50);
    expect(section).toContain(`共 ${key} 件重点建议，这里列出编号最前的 50 件。`);
    const link = /href="(\/suggestions\?year=\d+&amp;key=1&amp;sort=number)"/.exec(section)![1]!.replaceAll('&amp;', '&');
    const list = (await staff.get(link)).text;
    expect(list).toMatch(/name="key" value="1" checked/);
    // the list also counts the year's 结转 and its 并案/参阅 ones
    expect(Number(/全部 (\d+)/.exec(list)![1])).toBeGreaterThanOrEqual(key);
  });

  it('the dashboard shows the year’s received count, 办复率 and 满意率', async () => {
    const res = await staff.get(`/dashboard?year=${YEAR}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`${figures.received}件`);
    expect(res.text).toContain(percentText(figures.total.replied, figures.total.assigned)!);
    expect(res.text).toContain(percentText(figures.total.satisfied, figures.total.rated)!);
  });

  it('the .xlsx ledger of the year holds every one of the year’s suggestions', async () => {
    const res = await staff
      .get(`/suggestions/export.xlsx?year=${YEAR}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const sheet = (await workbookOf(res)).getWorksheet('代表建议台账')!;
    const codes: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) codes.push(row.getCell(1).text);
    });
    expect(figures.ledger).toBeGreaterThan(OLD_LEDGER_CAP);
    // Every suggestion of the year and the unfinished ones carried over.
    expect(codes.length).toBe(figures.ledger);
    expect(new Set(codes.filter((c) => c !== '未编号')).size).toBe(codes.filter((c) => c !== '未编号').length);
  });

  it('the drafted work report quotes the year’s figures', async () => {
    const csrf = await csrfOf(staff, '/reports');
    // The demo may have drafted this year's report already: regenerating it names the version seen.
    const existing = await t.services.db.annualReport.findFirst({ where: { year: YEAR, township: { name: '东明镇' } } });
    const res = await staff
      .post(`/reports/${YEAR}/generate`)
      .type('form')
      .send({ _csrf: csrf, ...(existing ? { version: String(existing.version) } : {}) });
    expect(res.status).toBe(303);
    const editor = await staff.get(`/reports/${YEAR}`);
    expect(editor.status).toBe(200);
    expect(editor.text).toContain(`收到代表建议${figures.received}件`);
    expect(editor.text).toContain(`办复率${percentText(figures.total.replied, figures.total.assigned)}`);
    const print = await staff.get(`/reports/${YEAR}/print`);
    expect(print.status).toBe(200);
  });
});
