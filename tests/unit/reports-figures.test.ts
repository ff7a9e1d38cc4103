import { describe, expect, it } from 'vitest';
import {
  approxPersonTimes,
  joinAnd,
  isActionLabel,
  outcomeText,
  percentText,
  staleWarnings,
  wanText,
  type Facts,
} from '../../src/features/reports/reports.figures.js';
import { headingLevel, paragraphsOf } from '../../src/features/reports/reports.print.js';
import { cspSafeSvg, barChart } from '../../src/features/dashboard/dashboard.charts.js';
import { applyOp } from '../../src/features/reports/reports.revisions.js';

describe('figures in report prose', () => {
  it('rounds 人次 down to the hundred with 余 above 100', () => {
    expect(approxPersonTimes(206)).toBe('200余人次');
    expect(approxPersonTimes(200)).toBe('200人次');
    expect(approxPersonTimes(99)).toBe('99人次');
    expect(approxPersonTimes(1234)).toBe('1200余人次');
  });
  it('writes money in 万元 and rates without a useless .0', () => {
    expect(wanText(4_000_000)).toBe('400万元');
    expect(wanText(1_000_000)).toBe('100万元');
    expect(wanText(125_000)).toBe('12.5万元');
    expect(percentText(12, 12)).toBe('100%');
    expect(percentText(10, 11)).toBe('90.9%');
    expect(percentText(1, 0)).toBeNull();
  });
  it('joins lists the Chinese way and moves a parenthesis behind the figure', () => {
    expect(joinAnd(['普法宣传', '防灾减灾宣传', '东明镇第四届广场文化周'])).toBe('普法宣传、防灾减灾宣传和东明镇第四届广场文化周');
    expect(joinAnd(['一'])).toBe('一');
    expect(outcomeText({ label: '安装高标准路灯（沿111线从东明村部至东明镇政府）', unit: '盏', achieved: 100 })).toBe(
      '沿111线从东明村部至东明镇政府安装高标准路灯100盏',
    );
    expect(outcomeText({ label: '路灯（东明村）', unit: '盏', achieved: 120 })).toBe('路灯120盏（东明村）');
    expect(outcomeText({ label: '维修镇内排水管道', unit: '米', achieved: 1500 })).toBe('维修镇内排水管道1500米');
    expect(isActionLabel('安装路灯')).toBe(true);
    expect(isActionLabel('路灯')).toBe(false);
  });
});

describe('stale-figure detection', () => {
  const recorded: Facts = {
    villageStations: { key: 'villageStations', label: '当年设立的村级联络站', value: 2, text: '2处', phrase: '村级人大代表联络站2处' },
    personTimes: { key: 'personTimes', label: '代表活动人次', value: 206, text: '200余人次', phrase: '活动200余人次' },
  };
  const sections = [
    { heading: '二、聚焦夯实基础', body: '并于嘎查甸子村、上奈林村设立村级人大代表联络站2处。' },
    { heading: '三、聚焦代表履职', body: '各级代表参与普法宣传等活动200余人次。' },
  ];
  it('warns only where a changed figure is still quoted', () => {
    const current: Facts = {
      ...recorded,
      villageStations: { ...recorded.villageStations!, value: 3, text: '3处', phrase: '村级人大代表联络站3处' },
    };
    const w = staleWarnings(recorded, current, sections);
    expect(w[0]!.map((x) => x.message)).toEqual(['文中“2处”与最新数据“3处”不一致（当年设立的村级联络站）']);
    expect(w[1]).toEqual([]);
  });
  it('is silent when nothing changed, or when staff already rewrote the figure', () => {
    expect(staleWarnings(recorded, recorded, sections).flat()).toEqual([]);
    const current: Facts = {
      ...recorded,
      personTimes: { ...recorded.personTimes!, value: 320, text: '300余人次', phrase: '活动300余人次' },
    };
    const rewritten = [sections[0]!, { heading: '三', body: '各级代表参与普法宣传等活动300余人次。' }];
    expect(staleWarnings(recorded, current, rewritten).flat()).toEqual([]);
  });
  it('says 无 when a recorded figure has disappeared from the data', () => {
    const { villageStations: _gone, ...current } = recorded;
    expect(staleWarnings(recorded, current, sections)[0]![0]!.newText).toBe('无');
  });
});

describe('print layout and the editor buttons', () => {
  it('sets heading levels per GB/T 9704 and keeps the salutation unindented', () => {
    expect(headingLevel('一、聚焦政治引领')).toBe('first');
    expect(headingLevel('（一）规范制度建设')).toBe('sub');
    expect(headingLevel('2023年主要工作回顾')).toBe('part');
    expect(paragraphsOf({ body: '各位代表：\n现在我代表……' })).toEqual([
      { text: '各位代表：', indent: false },
      { text: '现在我代表……', indent: true },
    ]);
  });
  it('moves, inserts and removes sections', () => {
    const s = [
      { kind: 'OPENING' as const, heading: '', body: 'a' },
      { kind: 'REVIEW_PART' as const, heading: '一、', body: 'b' },
    ];
    expect(applyOp(s, 'down:0').map((x) => x.body)).toEqual(['b', 'a']);
    expect(applyOp(s, 'up:0').map((x) => x.body)).toEqual(['a', 'b']);
    expect(applyOp(s, 'remove:1')).toHaveLength(1);
    expect(applyOp(s, 'insert:0')[1]).toEqual({ kind: 'REVIEW_INTRO', heading: '', body: '' });
    expect(applyOp(s, 'add')).toHaveLength(3);
    expect(applyOp(s, 'up:9')).toEqual(s);
  });
});

describe('CSP-safe charts', () => {
  it('turns style attributes into presentation attributes and drops <style>', () => {
    const svg = cspSafeSvg(
      '<svg a="1"><text style="font-size:12px;font-family:Noto Sans SC;cursor:pointer;" class="zr0-cls-1">民生</text><style>.x{}</style></svg>',
    );
    expect(svg).toBe('<svg role="img" a="1"><text font-size="12px" font-family="Noto Sans SC">民生</text></svg>');
  });
  it('renders a bar chart with the CJK labels and no inline styles', () => {
    const svg = barChart('按类别', [{ label: '民生保障', value: 3 }], '件');
    expect(svg).toContain('民生保障');
    expect(svg).not.toMatch(/style/);
  });
});
