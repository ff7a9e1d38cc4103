/**
 * The facts of a year that the work report quotes, gathered through the other features'
 * services (never their tables), and the helpers that turn numbers into report prose
 * (206 → "200余人次", 4000000 元 → "400万元").
 */
import type { CurrentUser } from '../../auth/current-user.js';
import type { StationsService } from '../stations/stations.service.js';
import type { ProjectsService } from '../projects/projects.service.js';
import type { ActivitiesService } from '../activities/activities.service.js';
import type { SuggestionStatsService } from '../suggestions/suggestions.stats.js';
import type { SuggestionsService } from '../suggestions/suggestions.service.js';
import type { OpinionStats } from '../opinions/opinions.stats.js';
import type { LiaisonService } from '../liaison/liaison.service.js';
import type { ActivityKind, SuggestionCategory } from '../../generated/prisma/enums.js';
import { formatWan, yearOf } from '../../lib/format.js';
import { suggestionCategoryLabels } from '../../lib/labels.js';

// ───────────────────────────── prose helpers (pure) ─────────────────────────────

/** 人次 as a report says it: below 100 exact; above, rounded down to the hundred with 余. */
export function approxPersonTimes(n: number): string {
  if (n < 100) return `${n}人次`;
  const hundreds = Math.floor(n / 100) * 100;
  return n === hundreds ? `${n}人次` : `${hundreds}余人次`;
}

/** 元 as the report's 万元 ("400万元", "12.5万元"). */
export const wanText = (yuan: number): string => formatWan(yuan);

/** A rate in report prose: "100%", "95.5%"; null when there is nothing to divide. */
export function percentText(numerator: number, denominator: number): string | null {
  if (!denominator) return null;
  const p = Math.round((numerator / denominator) * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}

/** ["a","b","c"] → "a、b和c"; with sep only: "a、b、c". */
export function joinAnd(items: string[], last = '和'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}${last}${items.at(-1)}`;
}

/** 1 → 一是, 2 → 二是 … */
export function ordinalLead(i: number): string {
  return `${'一二三四五六七八九十'[i] ?? String(i + 1)}是`;
}

/** Category names as the report's prose uses them: the UI's labels, 民生保障 shortened to 民生. */
export const categoryProse: Record<SuggestionCategory, string> = { ...suggestionCategoryLabels, LIVELIHOOD: '民生' };

/** Verbs an outcome's indicator may start with ("安装路灯", "维修镇内排水管道"). */
const OUTCOME_VERB =
  /^(安装|新建|建设|建成|修建|新修|修复|维修|改造|改建|扩建|硬化|铺设|铺筑|更换|新打|新增|配备|购置|种植|栽植|绿化|整治|治理|修缮|疏通|开挖|清理|拆除|加固|搭建|发放|培训|完成|实现|提升|打造)/;

/** Whether an indicator reads as an action ("安装路灯") rather than a thing ("路灯"). */
export const isActionLabel = (label: string): boolean => OUTCOME_VERB.test(label);

/**
 * An outcome in prose, the figure behind the indicator. A place in brackets that starts with a
 * preposition leads the phrase, as the report says it: "安装高标准路灯（沿111线从东明村部至东明镇政府）"
 * 100 盏 → "沿111线从东明村部至东明镇政府安装高标准路灯100盏"; any other bracket stays behind the
 * figure: "路灯（东明村）" 120 盏 → "路灯120盏（东明村）".
 */
export function outcomeText(o: { label: string; unit: string; achieved: number }): string {
  const m = /^(.*?)（(.*)）$/.exec(o.label);
  if (!m) return `${o.label}${o.achieved}${o.unit}`;
  const [, what, where] = m as unknown as [string, string, string];
  return /^(沿|在|于|从|对|向)/.test(where) ? `${where}${what}${o.achieved}${o.unit}` : `${what}${o.achieved}${o.unit}（${where}）`;
}

// ───────────────────────────── the year's data (through the services) ─────────────────────────────

export type ReportDeps = {
  stations: StationsService;
  projects: ProjectsService;
  activities: ActivitiesService;
  suggestions: SuggestionsService;
  suggestionStats: SuggestionStatsService;
  opinionStats: OpinionStats;
  liaison: Pick<LiaisonService, 'yearCounts'>;
};

/** Everything the draft, the facts, the appendix and the dashboard need about one year. */
export async function gatherYearData(deps: ReportDeps, user: CurrentUser, year: number) {
  const [stations, projects, activities, suggestionStats, byStatus, receptions, codes, liaison] = await Promise.all([
    deps.stations.list(user),
    deps.projects.list(user, { year }),
    deps.activities.list(user, { year }),
    deps.suggestionStats.forYear(user, year),
    deps.suggestions.countByStatus(user, { year, status: { not: 'DRAFT' } }),
    deps.stations.receptionsInYear(user, year),
    deps.opinionStats.forYear(user.townshipId, year),
    deps.liaison.yearCounts(user.townshipId, year),
  ]);
  const home = stations.find((s) => s.tier === 'TOWN_HOME') ?? null;
  const homeDetail = home ? await deps.stations.get(user, home.id) : null;
  const homeEquipment = (homeDetail?.equipment ?? []).filter((e) => e.providedOn && yearOf(e.providedOn) === year);
  const receptionCount = new Map<string, number>();
  for (const r of receptions) receptionCount.set(r.station, (receptionCount.get(r.station) ?? 0) + 1);
  return {
    year,
    stations: stations.map((s) => ({
      id: s.id,
      name: s.name,
      tier: s.tier,
      village: s.village,
      establishedOn: s.establishedOn,
      deputies: s._count.deputies,
      receptions: receptionCount.get(s.name) ?? 0,
    })),
    newVillageStations: stations.filter((s) => s.tier === 'VILLAGE' && s.establishedOn && yearOf(s.establishedOn) === year),
    homeName: home?.name ?? '',
    homeEquipment: homeEquipment.map((e) => ({ name: e.name, quantity: e.quantity, unit: e.unit })),
    projects: projects
      .filter((p) => p.phase === 'PASSED')
      .map((p) => ({
        id: p.id,
        name: p.name,
        unit: p.responsibleUnit?.name ?? '',
        budgetYuan: p.budgetYuan,
        spentYuan: p.spentYuan,
        status: p.status,
        percent: p.percent,
        outcomes: p.outcomes.map((o) => ({ id: o.id, label: o.label, unit: o.unit, planned: o.planned, achieved: o.achieved })),
      })),
    activities: activities.items.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      date: a.date,
      personTimes: a.personTimes,
      isProjectInspection: a.inspection !== null,
    })),
    totalPersonTimes: activities.totalPersonTimes,
    suggestions: suggestionStats,
    suggestionsByStatus: byStatus,
    receptions,
    /** 代表码 / 联络站码: the year's opinions sent through the codes. */
    codes,
    /** 主席团联系代表: contacts logged in the year and the deputies reached. */
    liaison,
  };
}

export type YearData = Awaited<ReturnType<typeof gatherYearData>>;

// ───────────────────────────── facts (pure) ─────────────────────────────

/**
 * One figure the report prints: `text` is the figure as printed ("2处"), `phrase` the words
 * around it that the draft writes ("村级人大代表联络站2处"), so that a changed figure can be
 * found in the text later.
 */
export type Fact = { key: string; label: string; value: number | string; text: string; phrase: string };
export type Facts = Record<string, Fact>;

const DONE = new Set(['COMPLETED', 'IN_USE']);

/** How the activities of a year are named in the report, per kind. */
export function activityNames(activities: YearData['activities'], kinds: ActivityKind[]): string[] {
  const names: string[] = [];
  const add = (n: string) => {
    if (!names.includes(n)) names.push(n);
  };
  for (const kind of kinds) {
    for (const a of activities.filter((x) => x.kind === kind)) {
      if (kind === 'OPEN_DAY') add('“政府开放日”');
      else if (kind === 'INSPECTION') add(a.isProjectInspection ? '民生实事项目实地视察' : a.title);
      else if (kind === 'LEGAL_PUBLICITY') add('普法宣传');
      else if (kind === 'DISASTER_PUBLICITY') add('防灾减灾宣传');
      else add(a.title.replace(/^“[^”]*”：/, '').replace(/活动$/, ''));
    }
  }
  return names;
}

export function computeFacts(data: YearData): Facts {
  const facts: Facts = {};
  const put = (key: string, label: string, value: number | string, text: string, phrase = text) => {
    facts[key] = { key, label, value, text, phrase };
  };
  const villages = data.newVillageStations.map((s) => s.village || s.name);
  put('villageStations', '当年设立的村级联络站', villages.length, `${villages.length}处`, `村级人大代表联络站${villages.length}处`);
  if (villages.length)
    put('villageStationPlaces', '村级联络站所在村', villages.join('、'), villages.join('、'), `于${villages.join('、')}设立`);
  const equipment = [...new Set(data.homeEquipment.map((e) => e.name))];
  if (equipment.length) put('homeEquipment', '代表之家配备的设备', equipment.join('、'), equipment.join('、'));
  const done = data.projects.filter((p) => DONE.has(p.status)).length;
  put('projects', '民生实事项目件数', data.projects.length, `${data.projects.length}件`, `我镇${data.projects.length}件民生实事项目`);
  put('projectsDone', '已完工的民生实事项目', done, `${done}件`, `已完工${done}件`);
  for (const p of data.projects) {
    put(`project:${p.id}:budget`, `${p.name}投入资金`, p.budgetYuan, wanText(p.budgetYuan), `投入资金${wanText(p.budgetYuan)}`);
    for (const o of p.outcomes) {
      put(`project:${p.id}:outcome:${o.id}`, `${p.name}：${o.label}`, o.achieved, `${o.achieved}${o.unit}`, outcomeText(o));
    }
  }
  put(
    'personTimes',
    '代表活动人次',
    data.totalPersonTimes,
    approxPersonTimes(data.totalPersonTimes),
    `活动${approxPersonTimes(data.totalPersonTimes)}`,
  );
  const held = data.receptions.length;
  const voters = data.receptions.reduce((s, r) => s + r.voterCount, 0);
  const opinions = data.receptions.reduce((s, r) => s + r.opinions, 0);
  put('receptions', '接待选民活动次数', held, `${held}次`, `开展接待选民活动${held}次`);
  put('receptionVoters', '接待选民人次', voters, `${voters}人次`, `接待选民${voters}人次`);
  put('opinions', '收集群众意见建议条数', opinions, `${opinions}条`, `收集意见建议${opinions}条`);
  const c = data.codes.total;
  if (c.received) {
    put('codeOpinions', '选民扫码反映意见条数', c.received, `${c.received}条`, `选民通过“代表码”“联络站码”反映意见${c.received}条`);
    const onTime = percentText(c.onTime, c.received);
    if (onTime) put('codeOnTime', '扫码意见7日内答复率', onTime, onTime, `7日内答复率${onTime}`);
    if (c.converted) put('codeConverted', '扫码意见转为代表建议件数', c.converted, `${c.converted}件`, `转为代表建议${c.converted}件`);
    const happy = percentText(c.satisfied, c.rated);
    if (happy) put('codeSatisfaction', '扫码意见选民满意率', happy, happy, `选民满意率${happy}`);
  }
  if (data.liaison.contacts) {
    const l = data.liaison;
    put('presidiumContacts', '主席团成员联系代表次数', l.contacts, `${l.contacts}次`, `主席团成员联系代表${l.contacts}次`);
    put('presidiumDeputies', '主席团成员联系的代表人数', l.deputies, `${l.deputies}名`, `覆盖代表${l.deputies}名`);
  }
  const s = data.suggestions;
  put('suggestionsReceived', '收到代表建议件数', s.received, `${s.received}件`, `收到代表建议${s.received}件`);
  put('suggestionsRegistered', '立案建议件数', s.total.count, `${s.total.count}件`, `立案${s.total.count}件`);
  const reply = percentText(s.total.replied, s.total.assigned);
  if (reply) put('replyRate', '办复率', reply, reply, `办复率${reply}`);
  const satisfied = percentText(s.total.satisfied, s.total.rated);
  if (satisfied) put('satisfactionRate', '满意率', satisfied, satisfied, `满意率${satisfied}`);
  const key = s.keySuggestions;
  put('keySuggestions', '重点建议件数', key.length, `${key.length}件`, `${key.length}件重点建议`);
  const cats = [...new Set(key.map((k) => categoryProse[k.category]))];
  if (cats.length) put('keyCategories', '重点建议涉及的领域', cats.join('、'), cats.join('、'), `涉及${cats.join('、')}等`);
  return facts;
}

// ───────────────────────────── stale figures (pure) ─────────────────────────────

export type StaleWarning = { key: string; label: string; oldText: string; newText: string; message: string };

/**
 * Figures that the generator printed and that the data no longer supports: for each section,
 * the recorded facts whose value changed and whose printed phrase still appears in its text.
 */
export function staleWarnings(recorded: Facts, current: Facts, sections: Array<{ heading: string; body: string }>): StaleWarning[][] {
  const changed = Object.values(recorded).filter((f) => (current[f.key]?.text ?? '') !== f.text);
  return sections.map((sec) => {
    const text = `${sec.heading}\n${sec.body}`;
    return changed
      .filter((f) => text.includes(f.phrase))
      .map((f) => {
        const newText = current[f.key]?.text ?? '无';
        return {
          key: f.key,
          label: f.label,
          oldText: f.text,
          newText,
          message: `文中“${f.text}”与最新数据“${newText}”不一致（${f.label}）`,
        };
      });
  });
}
