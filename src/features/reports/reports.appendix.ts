/**
 * 数据附表: the statistics appendix of the work report, always computed from the live data.
 * Each table is plain rows of strings so that the editor, the print page and the .docx
 * show the same thing. Pure: no database.
 */
import { activityKindLabels, projectStatusLabels, stationTierLabels, suggestionCategoryLabels } from '../../lib/labels.js';
import { formatDate, formatWan, yearOf } from '../../lib/format.js';
import type { ActivityKind } from '../../generated/prisma/enums.js';
import { outcomeText, percentText, type YearData } from './reports.figures.js';
import type { StatRow } from '../suggestions/suggestions.stats.js';

/**
 * One appendix table. `widths` are the columns' shares of the text block in percent (print and
 * .docx lay the table out with them, so dates, figures and names never wrap character by
 * character); `numeric` columns are right-aligned, `nowrap` ones (dates) kept on one line.
 */
export type Table = {
  title: string;
  head: string[];
  rows: string[][];
  foot?: string[];
  numeric: number[];
  widths: number[];
  nowrap?: number[];
};

const rate = (a: number, b: number) => percentText(a, b) ?? '—';

/** The appendix's tables in their printed order: 附表1 … 附表6 (the charts' notes refer to them by number). */
const TABLES = ['stations', 'projects', 'activities', 'byCategory', 'byUnit', 'key'] as const;

/** The printed name of an appendix table: `appendixNumber('byUnit')` → "附表5". */
export const appendixNumber = (table: (typeof TABLES)[number]): string => `附表${TABLES.indexOf(table) + 1}`;

function suggestionRow(label: string, r: StatRow): string[] {
  return [
    label,
    String(r.count),
    String(r.key),
    String(r.replied),
    rate(r.replied, r.assigned),
    rate(r.satisfied, r.rated),
    rate(r.implemented, r.toImplement),
  ];
}

export function appendixTables(data: YearData): Table[] {
  const y = data.year;
  const stations: Table = {
    title: `${appendixNumber('stations')}　代表联络站（截至${y}年底）`,
    head: ['名称', '层级', '所在村', '设立日期', '进站代表', '当年接待'],
    rows: data.stations
      .filter((s) => !s.establishedOn || yearOf(s.establishedOn) <= y)
      .map((s) => [
        s.name,
        stationTierLabels[s.tier],
        s.village || '—',
        formatDate(s.establishedOn) || '—',
        `${s.deputies}人`,
        `${s.receptions}次`,
      ]),
    numeric: [4, 5],
    widths: [26, 18, 15, 17, 12, 12],
    nowrap: [3],
  };
  const projects: Table = {
    title: `${appendixNumber('projects')}　${y}年民生实事项目`,
    head: ['项目', '责任单位', '投资', '状态', '进度', '完成内容'],
    rows: data.projects.map((p) => [
      p.name,
      p.unit || '—',
      formatWan(p.budgetYuan),
      projectStatusLabels[p.status],
      `${p.percent}%`,
      p.outcomes.map(outcomeText).join('、') || '—',
    ]),
    foot: data.projects.length ? ['合计', '', formatWan(data.projects.reduce((s, p) => s + p.budgetYuan, 0)), '', '', ''] : undefined,
    numeric: [2, 4],
    widths: [24, 15, 10, 11, 8, 32],
  };
  const byKind = new Map<ActivityKind, { count: number; personTimes: number }>();
  for (const a of data.activities) {
    const r = byKind.get(a.kind) ?? { count: 0, personTimes: 0 };
    r.count++;
    r.personTimes += a.personTimes;
    byKind.set(a.kind, r);
  }
  const activities: Table = {
    title: `${appendixNumber('activities')}　${y}年代表活动（按类别）`,
    head: ['活动类别', '次数', '参加人次'],
    rows: (Object.keys(activityKindLabels) as ActivityKind[])
      .filter((k) => byKind.has(k))
      .map((k) => [activityKindLabels[k], String(byKind.get(k)!.count), String(byKind.get(k)!.personTimes)]),
    foot: ['合计', String(data.activities.length), String(data.totalPersonTimes)],
    numeric: [1, 2],
    widths: [50, 25, 25],
  };
  const s = data.suggestions;
  const head = ['', '立案', '重点', '已答复', '办复率', '满意率', '落实率'];
  const byCategory: Table = {
    title: `${appendixNumber('byCategory')}　${y}年代表建议办理情况（按类别；收到建议${s.received}件）`,
    head: ['类别', ...head.slice(1)],
    rows: s.byCategory.map((r) => suggestionRow(suggestionCategoryLabels[r.label as keyof typeof suggestionCategoryLabels] ?? r.label, r)),
    foot: suggestionRow('合计', s.total),
    numeric: [1, 2, 3, 4, 5, 6],
    widths: [22, 13, 13, 13, 13, 13, 13],
  };
  const byUnit: Table = {
    title: `${appendixNumber('byUnit')}　${y}年代表建议办理情况（按主办单位）`,
    head: ['主办单位', ...head.slice(1)],
    rows: s.byUnit.map((r) => suggestionRow(r.label, r)),
    foot: suggestionRow('合计', s.total),
    numeric: [1, 2, 3, 4, 5, 6],
    widths: [28, 12, 12, 12, 12, 12, 12],
  };
  const key: Table = {
    title: `${appendixNumber('key')}　${y}年重点建议及督办`,
    head: ['编号', '建议', '类别', '主办单位', '督办人'],
    rows: s.keySuggestions.map((k) => [k.code, k.title, suggestionCategoryLabels[k.category], k.unit || '—', k.supervisor || '—']),
    numeric: [],
    widths: [15, 41, 12, 19, 13],
    nowrap: [0],
  };
  const tables: Record<(typeof TABLES)[number], Table> = { stations, projects, activities, byCategory, byUnit, key };
  return TABLES.map((t) => tables[t]);
}
