/**
 * The year charts at banner scale: a chart of units or projects draws at most MAX_BARS of them
 * (the most suggestions assigned; the largest investment), says so in a note with the total and
 * where all are listed, and names only what it draws; up to MAX_BARS it draws them all, unchanged.
 */
import { describe, expect, it } from 'vitest';
import { chartRows, MAX_BARS, ratesChart, unitsCut, yearCharts } from '../../src/features/dashboard/dashboard.charts.js';
import type { YearData } from '../../src/features/reports/reports.figures.js';
import { empty, type StatRow } from '../../src/features/suggestions/suggestions.stats.js';

/** `n` units; unit i (1-based) was assigned `assigned(i)` suggestions, listed in the statistics' order (by 立案, here i). */
function units(n: number, assigned: (i: number) => number = (i) => i): StatRow[] {
  return Array.from({ length: n }, (_, k) => {
    const i = n - k; // the statistics list the largest first
    return { ...empty(`单位${String(i).padStart(2, '0')}`), count: i, assigned: assigned(i), replied: assigned(i), rated: 1, satisfied: 1 };
  });
}

const unitCut = unitsCut(2025);

/** A year with these units and projects, and nothing else. */
function year(byUnit: StatRow[], projects: Array<{ name: string; budgetYuan: number; percent: number }> = []): YearData {
  return {
    year: 2025,
    suggestions: { byCategory: [], byUnit },
    suggestionsByStatus: {},
    projects,
    activities: [],
  } as unknown as YearData;
}

/** The texts an SVG draws (its <text> elements), and its accessible name. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
const nameOf = (svg: string) => /aria-label="([^"]*)"/.exec(svg)?.[1] ?? '';

describe('which rows a chart draws (chartRows)', () => {
  it('of 63 units, the 20 with the most suggestions assigned, in the order given, with a note of the total and where all are', () => {
    // assigned does not follow the given order: unit i was assigned (i * 8) % 63
    const rows = units(63, (i) => (i * 8) % 63);
    const { rows: shown, note } = chartRows(rows, unitCut);
    expect(MAX_BARS).toBe(20);
    expect(shown).toHaveLength(20);
    const expected = [...rows].sort((a, b) => b.assigned - a.assigned).slice(0, 20);
    expect(new Set(shown)).toEqual(new Set(expected));
    expect(Math.min(...shown.map((r) => r.assigned))).toBeGreaterThan(
      Math.max(...rows.filter((r) => !shown.includes(r)).map((r) => r.assigned)),
    );
    // drawn in the order of the table that lists them all
    expect(shown).toEqual(rows.filter((r) => shown.includes(r)));
    expect(note).toEqual({
      shown: '交办件数最多的20个承办单位（共63个）',
      online: {
        text: '交办件数最多的20个承办单位（共63个），全部单位见',
        link: '建议办理统计',
        href: '/suggestions/stats?year=2025#by-unit',
      },
      printed: '交办件数最多的20个承办单位（共63个），全部单位见附表5',
    });
  });

  it('breaks a tie at the 20th place by name, whatever the given order, and the same way every time', () => {
    // 19 units with 10 assigned, then three with 5: only one of 单位A, 单位B, 单位C fits, the first by name
    const rows = [
      ...units(19, () => 10),
      { ...empty('单位C'), assigned: 5 },
      { ...empty('单位A'), assigned: 5 },
      { ...empty('单位B'), assigned: 5 },
    ];
    const once = chartRows(rows, unitCut).rows.map((r) => r.label);
    expect(once).toContain('单位A');
    expect(once).not.toContain('单位B');
    expect(once).not.toContain('单位C');
    expect(
      chartRows([...rows].reverse(), unitCut)
        .rows.map((r) => r.label)
        .sort(),
    ).toEqual([...once].sort());
  });

  it('draws every row, unchanged and without a note, up to 20', () => {
    for (const n of [0, 1, 6, 20]) {
      const rows = units(n);
      const cut = chartRows(rows, unitCut);
      expect(cut.rows).toEqual(rows);
      expect(cut.note).toBeNull();
    }
    expect(chartRows(units(21), unitCut).note?.shown).toBe('交办件数最多的20个承办单位（共21个）');
  });
});

describe('the year charts (yearCharts)', () => {
  it('with 63 units the units chart draws 20, names only them, and carries the note; its link goes to the statistics’ per-unit table', () => {
    const rows = units(63, (i) => (i * 8) % 63);
    const { unitRates } = yearCharts(year(rows));
    const chosen = chartRows(rows, unitCut).rows.map((r) => r.label);
    const drawn = texts(unitRates.svg).filter((t) => t.startsWith('单位'));
    expect(drawn).toEqual(chosen);
    const name = nameOf(unitRates.svg);
    expect(name).toMatch(/^2025年各承办单位办复率、满意率：交办件数最多的20个承办单位（共63个）：/);
    for (const r of rows) expect(name.includes(`${r.label}办复率`), r.label).toBe(chosen.includes(r.label));
    expect(unitRates.note?.printed).toBe('交办件数最多的20个承办单位（共63个），全部单位见附表5');
    expect(unitRates.note?.online.href).toBe('/suggestions/stats?year=2025#by-unit');
    // far smaller than all 63 drawn
    const all = ratesChart(
      'x',
      rows.map((r) => ({ label: r.label, replyRate: 1, satisfactionRate: 1 })),
    );
    expect(unitRates.svg.length).toBeLessThan(all.length / 2);
  });

  it('with 6 units (the 东明镇 demo) the units chart draws them all as before, without a note', () => {
    const rows = units(6);
    const { unitRates } = yearCharts(year(rows));
    expect(unitRates.note).toBeNull();
    expect(texts(unitRates.svg).filter((t) => t.startsWith('单位'))).toEqual(rows.map((r) => r.label));
    expect(nameOf(unitRates.svg)).toBe(`2025年各承办单位办复率、满意率：${rows.map((r) => `${r.label}办复率100%、满意率100%`).join('；')}`);
  });

  it('with 26 projects the projects chart draws the 20 largest investments, in the order given, and names only them', () => {
    // project i (1–26) invests ((i * 11) % 26 + 1) × 10 万元: all different
    const projects = Array.from({ length: 26 }, (_, k) => ({
      name: `项目${k + 1}号`,
      budgetYuan: ((((k + 1) * 11) % 26) + 1) * 100_000,
      percent: 50,
    }));
    const { projects: chart } = yearCharts(year([], projects));
    const largest = [...projects].sort((a, b) => b.budgetYuan - a.budgetYuan).slice(0, 20);
    const chosen = projects.filter((p) => largest.includes(p)).map((p) => p.name);
    expect(texts(chart.svg).filter((t) => t.startsWith('项目'))).toEqual(chosen);
    const name = nameOf(chart.svg);
    expect(name).toMatch(/^2025年民生实事项目投资与进度：投资最多的20件民生实事项目（共26件）：/);
    for (const p of projects) expect(name.includes(`${p.name}投资`), p.name).toBe(chosen.includes(p.name));
    expect(chart.note).toEqual({
      shown: '投资最多的20件民生实事项目（共26件）',
      online: {
        text: '投资最多的20件民生实事项目（共26件），全部项目见',
        link: '民生实事项目列表',
        href: '/projects?year=2025&phase=PASSED',
      },
      printed: '投资最多的20件民生实事项目（共26件），全部项目见附表2',
    });
  });

  it('names the bundled CJK web font in the SVG text of a chart laid across', () => {
    const { unitRates, projects } = yearCharts(
      year(
        units(30),
        Array.from({ length: 12 }, (_, k) => ({ name: `项目${k}`, budgetYuan: 100_000, percent: 10 })),
      ),
    );
    for (const svg of [unitRates.svg, projects.svg]) {
      const labels = svg.match(/<text [^>]*>/g) ?? [];
      expect(labels.length).toBeGreaterThan(20);
      for (const t of labels) expect(t).toContain('Noto Sans SC');
    }
  });
});
