/**
 * Charts rendered on the server as SVG with Apache ECharts (no client JavaScript), shared by the
 * dashboard and the work report's appendix. The SVG is made safe for the strict CSP
 * (style-src 'self'): ECharts writes `style="font-size:…"` attributes and a <style> element of
 * hover rules; both are turned into SVG presentation attributes or dropped.
 */
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';
import { suggestionCategoryLabels, suggestionStatusLabels } from '../../lib/labels.js';
import { yearOf } from '../../lib/format.js';
import type { YearData } from '../reports/reports.figures.js';
import { appendixNumber } from '../reports/reports.appendix.js';

export const CHART_FONT = 'Microsoft YaHei, PingFang SC, Noto Sans SC, sans-serif';
const PALETTE = ['#b71c1c', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#546e7a'];

const STYLE_PROPS = new Set(['font-size', 'font-family', 'font-weight', 'font-style', 'fill', 'stroke', 'opacity']);

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Turns ECharts' SSR output into SVG without style attributes or <style> elements, named for
 * assistive technology (role="img", aria-label and <title>: axe svg-img-alt) when a name is given.
 */
export function cspSafeSvg(svg: string, name = ''): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/\s(?:ecmeta_[a-z_]+|class)="[^"]*"/g, '')
    .replace(/\sstyle="([^"]*)"/g, (_m, css: string) => {
      const attrs = css
        .split(';')
        .map((decl) => decl.trim())
        .filter(Boolean)
        .map((decl) => {
          const i = decl.indexOf(':');
          return i > 0
            ? ([
                decl.slice(0, i).trim().toLowerCase(),
                decl
                  .slice(i + 1)
                  .trim()
                  .replace(/&quot;/g, ''),
              ] as const)
            : null;
        })
        .filter((x) => x !== null && STYLE_PROPS.has(x[0]))
        .map((x) => x!)
        .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`);
      return attrs.join('');
    })
    .replace(/^<svg ([^>]*)>/, (_m, attrs: string) =>
      name ? `<svg role="img" aria-label="${escapeAttr(name)}" ${attrs}><title>${escapeAttr(name)}</title>` : `<svg role="img" ${attrs}>`,
    );
}

// ECharts is loaded with the first chart, not at start; its "common" build (bar, line and pie
// charts, the usual components, the SVG renderer) draws the same SVG as the full one with a fifth
// of the code kept in memory (the full build's source alone held 7.5 MB).
const require = createRequire(import.meta.url);
let echartsLib: typeof Echarts | null = null;
const echarts = () => (echartsLib ??= require('echarts/dist/echarts.common.min') as typeof Echarts);

/** One chart as CSP-safe SVG, named by its title and `description` (the figures it shows, in words). */
export function renderChart(option: Echarts.EChartsCoreOption, width = 560, height = 300, description = ''): string {
  const t = option.title as { text?: string; subtext?: string } | undefined;
  const name = [t?.text, t?.subtext, description].filter(Boolean).join('：');
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: CHART_FONT }, ...option });
    return cspSafeSvg(chart.renderToSVGString(), name);
  } finally {
    chart.dispose();
  }
}

const title = (text: string) => ({ text, left: 'center', top: 4, textStyle: { fontSize: 15, fontFamily: CHART_FONT } });
const empty = (text: string, width = 560, height = 300) =>
  renderChart({ title: { ...title(text), subtext: '暂无数据', top: height / 2 - 30 } }, width, height);

export type Datum = { label: string; value: number };

export function barChart(text: string, data: Datum[], unit = '', width = 560, height = 300): string {
  if (!data.length) return empty(text, width, height);
  return renderChart(
    {
      title: title(text),
      grid: { left: 48, right: 16, top: 44, bottom: 56 },
      xAxis: {
        type: 'category',
        data: data.map((d) => d.label),
        axisLabel: { interval: 0, fontSize: 11, rotate: data.length > 5 ? 30 : 0 },
      },
      yAxis: { type: 'value', name: unit, minInterval: 1 },
      series: [{ type: 'bar', data: data.map((d) => d.value), barMaxWidth: 36, label: { show: true, position: 'top' } }],
    },
    width,
    height,
    data.map((d) => `${d.label}${d.value}${unit}`).join('，'),
  );
}

export function pieChart(text: string, data: Datum[], width = 560, height = 300): string {
  if (!data.length) return empty(text, width, height);
  return renderChart(
    {
      title: title(text),
      series: [
        {
          type: 'pie',
          radius: ['30%', '58%'],
          center: ['50%', '56%'],
          data: data.map((d) => ({ name: d.label, value: d.value })),
          label: { formatter: '{b}：{c}', fontSize: 12 },
        },
      ],
    },
    width,
    height,
    data.map((d) => `${d.label}${d.value}`).join('，'),
  );
}

/** A chart's figures in words, after what it draws when that is not everything: "交办件数最多的20个承办单位（共63个）：A…；B…". */
const describe = (shown: string, figures: string[]) => [shown, figures.join('；')].filter(Boolean).join('：');

/**
 * Above this many units or projects a chart lays its bars across (names down the left, one line
 * each, the chart as tall as they need): upright, their slanted names run into each other.
 */
export const UPRIGHT_MAX = 8;
/** The height of one unit's or project's row in a chart laid across. */
const ROW = 30;

/** 办复率 and 满意率 per unit, in percent. */
export function ratesChart(
  text: string,
  rows: Array<{ label: string; replyRate: number | null; satisfactionRate: number | null }>,
  /** What is drawn when not every unit is (the chart's note), said before the figures. */
  shown = '',
  width = 560,
  height = 320,
): string {
  if (!rows.length) return empty(text, width, height);
  const pct = (x: number | null) => (x === null ? 0 : Math.round(x * 1000) / 10);
  const across = rows.length > UPRIGHT_MAX;
  const labels = rows.map((r) => r.label);
  const bar = (name: string, data: number[]) => ({
    name,
    type: 'bar',
    data,
    barMaxWidth: across ? 11 : 28,
    label: { show: true, position: across ? 'right' : 'top', fontSize: 10 },
  });
  return renderChart(
    {
      title: title(text),
      legend: { top: 36, data: ['办复率', '满意率'] },
      ...(across
        ? {
            grid: { left: 8, right: 40, top: 70, bottom: 8 },
            yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { interval: 0, fontSize: 11 } },
            xAxis: { type: 'value', max: 100, name: '%', position: 'top', axisLabel: { show: false }, splitNumber: 5 },
          }
        : {
            grid: { left: 48, right: 16, top: 78, bottom: 70 },
            xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, fontSize: 11, rotate: rows.length > 3 ? 25 : 0 } },
            yAxis: { type: 'value', max: 100, name: '%' },
          }),
      series: [
        bar(
          '办复率',
          rows.map((r) => pct(r.replyRate)),
        ),
        bar(
          '满意率',
          rows.map((r) => pct(r.satisfactionRate)),
        ),
      ],
    },
    width,
    across ? 80 + rows.length * ROW : height,
    describe(
      shown,
      rows.map(
        (r) =>
          `${r.label}办复率${r.replyRate === null ? '—' : `${pct(r.replyRate)}%`}、满意率${r.satisfactionRate === null ? '—' : `${pct(r.satisfactionRate)}%`}`,
      ),
    ),
  );
}

/**
 * Livelihood projects: investment (万元) as bars, progress (%) as a line on the right axis; laid
 * across (more than UPRIGHT_MAX projects), progress as a second bar on its own axis along the top.
 */
export function projectsChart(
  text: string,
  rows: Array<{ label: string; budgetWan: number; percent: number }>,
  /** What is drawn when not every project is (the chart's note), said before the figures. */
  shown = '',
  width = 560,
  height = 320,
): string {
  if (!rows.length) return empty(text, width, height);
  const labels = rows.map((r) => (r.label.length > 12 ? r.label.slice(0, 12) + '…' : r.label));
  const legend = { top: 36, data: ['投资（万元）', '进度（%）'] };
  const description = describe(
    shown,
    rows.map((r) => `${r.label}投资${r.budgetWan}万元、进度${r.percent}%`),
  );
  if (rows.length > UPRIGHT_MAX) {
    const bar = (name: string, xAxisIndex: number, data: number[], formatter: string) => ({
      name,
      type: 'bar',
      xAxisIndex,
      data,
      barMaxWidth: 11,
      label: { show: true, position: 'right', fontSize: 10, formatter },
    });
    return renderChart(
      {
        title: title(text),
        legend,
        grid: { left: 8, right: 48, top: 86, bottom: 8 },
        yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { interval: 0, fontSize: 11 } },
        xAxis: [
          { type: 'value', name: '万元', position: 'bottom' },
          { type: 'value', name: '%', max: 100, position: 'top', splitLine: { show: false } },
        ],
        series: [
          bar(
            '投资（万元）',
            0,
            rows.map((r) => r.budgetWan),
            '{c}',
          ),
          bar(
            '进度（%）',
            1,
            rows.map((r) => r.percent),
            '{c}%',
          ),
        ],
      },
      width,
      110 + rows.length * ROW,
      description,
    );
  }
  return renderChart(
    {
      title: title(text),
      legend,
      grid: { left: 56, right: 48, top: 78, bottom: 70 },
      xAxis: {
        type: 'category',
        data: labels,
        axisLabel: { interval: 0, fontSize: 11, rotate: rows.length > 2 ? 20 : 0 },
      },
      yAxis: [
        { type: 'value', name: '万元' },
        { type: 'value', name: '%', max: 100 },
      ],
      series: [
        // Investment inside the bar, progress above the line: a full bar and 100% would otherwise print on top of each other.
        {
          name: '投资（万元）',
          type: 'bar',
          data: rows.map((r) => r.budgetWan),
          barMaxWidth: 40,
          label: { show: true, position: 'insideTop', color: '#fff' },
        },
        {
          name: '进度（%）',
          type: 'line',
          yAxisIndex: 1,
          data: rows.map((r) => r.percent),
          label: { show: true, position: 'top', formatter: '{c}%', backgroundColor: '#fff' },
        },
      ],
    },
    width,
    height,
    description,
  );
}

/** More bars than anyone reads (and each one costs the page about a kilobyte): a chart of units or projects draws at most this many. */
export const MAX_BARS = 20;

/**
 * The note of a chart that draws only some of its rows: which ones and how many there are
 * (`shown`), and where all of them are listed — on the dashboard a link to the page
 * (`online`: the text before the link, the link), in the printed report and its Word copy the
 * appendix table (`printed`).
 */
export type ChartNote = {
  shown: string;
  online: { text: string; link: string; href: string };
  printed: string;
};

/** A chart as drawn (CSP-safe SVG) and its note, null when it draws every row. */
export type Chart = { svg: string; note: ChartNote | null };

/** How a chart with too many rows chooses the ones it draws, and what its note says. */
export type Cut<T> = {
  /** The rows with the largest weight are drawn. */
  weight: (row: T) => number;
  /** Equal weights: the first by this label (Chinese collation), then the first given. */
  label: (row: T) => string;
  /** The note's words: "交办件数最多的" 20 "个" "承办单位"（共63个），"全部单位"见 … */
  chosenBy: string;
  counter: string;
  noun: string;
  all: string;
  /** The page that lists every row, and the appendix table of the printed report that does. */
  page: { link: string; href: string };
  table: string;
};

const collator = new Intl.Collator('zh-CN');

/**
 * The rows a chart draws and its note: every row when there are at most `max`, and no note;
 * otherwise the `max` rows of largest weight, in the order given (the order of the table that
 * lists them all, so that a bar is found there in the same place).
 */
export function chartRows<T>(rows: readonly T[], cut: Cut<T>, max = MAX_BARS): { rows: T[]; note: ChartNote | null } {
  if (rows.length <= max) return { rows: [...rows], note: null };
  const chosen = new Set(
    rows
      .map((row, i) => ({ row, i }))
      .sort((a, b) => cut.weight(b.row) - cut.weight(a.row) || collator.compare(cut.label(a.row), cut.label(b.row)) || a.i - b.i)
      .slice(0, max)
      .map((x) => x.row),
  );
  const shown = `${cut.chosenBy}${max}${cut.counter}${cut.noun}（共${rows.length}${cut.counter}）`;
  return {
    rows: rows.filter((r) => chosen.has(r)),
    note: {
      shown,
      online: { text: `${shown}，${cut.all}见`, link: cut.page.link, href: cut.page.href },
      printed: `${shown}，${cut.all}见${cut.table}`,
    },
  };
}

const monthFormat = new Intl.DateTimeFormat('en', { month: 'numeric', timeZone: 'Asia/Shanghai' });
/** 1–12, China time. */
const monthOf = (d: Date) => Number(monthFormat.format(d));

const chartsOf = new WeakMap<YearData, ReturnType<typeof renderYearCharts>>();

/**
 * The charts of one year, for the dashboard and the report's appendix, each with its note. Rendering
 * takes tens of milliseconds: the charts of a year's data are kept as long as that data object is
 * (the reports service keeps it until a record changes).
 */
export function yearCharts(data: YearData) {
  let charts = chartsOf.get(data);
  if (!charts) chartsOf.set(data, (charts = renderYearCharts(data)));
  return charts;
}

const whole = (svg: string): Chart => ({ svg, note: null });

/** The units' chart of a year: the units with the most suggestions assigned. */
export function unitsCut(year: number): Cut<YearData['suggestions']['byUnit'][number]> {
  return {
    weight: (r) => r.assigned,
    label: (r) => r.label,
    chosenBy: '交办件数最多的',
    counter: '个',
    noun: '承办单位',
    all: '全部单位',
    page: { link: '建议办理统计', href: `/suggestions/stats?year=${year}#by-unit` },
    table: appendixNumber('byUnit'),
  };
}

function renderYearCharts(data: YearData) {
  const s = data.suggestions;
  const y = data.year;
  const months = Array.from({ length: 12 }, (_, i) => ({ label: `${i + 1}月`, value: 0 }));
  for (const a of data.activities) {
    if (yearOf(a.date) === y) months[monthOf(a.date) - 1]!.value += a.personTimes;
  }
  const div = (a: number, b: number) => (b ? a / b : null);
  const units = chartRows(s.byUnit, unitsCut(y));
  const projects = chartRows(data.projects, {
    weight: (p) => p.budgetYuan,
    label: (p) => p.name,
    chosenBy: '投资最多的',
    counter: '件',
    noun: '民生实事项目',
    all: '全部项目',
    page: { link: '民生实事项目列表', href: `/projects?year=${y}&phase=PASSED` },
    table: appendixNumber('projects'),
  });
  return {
    byCategory: whole(
      barChart(
        `${y}年代表建议（按类别）`,
        s.byCategory.map((r) => ({
          label: suggestionCategoryLabels[r.label as keyof typeof suggestionCategoryLabels] ?? r.label,
          value: r.count,
        })),
        '件',
      ),
    ),
    byState: whole(
      pieChart(
        `${y}年代表建议（按办理状态）`,
        Object.entries(data.suggestionsByStatus)
          .filter(([, n]) => (n ?? 0) > 0)
          .map(([k, n]) => ({ label: suggestionStatusLabels[k as keyof typeof suggestionStatusLabels] ?? k, value: n ?? 0 })),
      ),
    ),
    unitRates: {
      svg: ratesChart(
        `${y}年各承办单位办复率、满意率`,
        units.rows.map((r) => ({ label: r.label, replyRate: div(r.replied, r.assigned), satisfactionRate: div(r.satisfied, r.rated) })),
        units.note?.shown,
      ),
      note: units.note,
    },
    projects: {
      svg: projectsChart(
        `${y}年民生实事项目投资与进度`,
        projects.rows.map((p) => ({ label: p.name.replace(/^东明镇/, ''), budgetWan: p.budgetYuan / 10000, percent: p.percent })),
        projects.note?.shown,
      ),
      note: projects.note,
    },
    monthly: whole(barChart(`${y}年代表活动人次（按月）`, months, '人次')),
  };
}

export type YearCharts = ReturnType<typeof yearCharts>;
