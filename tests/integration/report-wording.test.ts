import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { seedDemo } from '../../src/demo/index.js';

/**
 * The 2023 draft generated from the demo data, held to the real 2023 report
 * (shared/seeds/000_cea87e68111ba62d.txt, copied to tests/fixtures/seed-report-2023.txt) paragraph by paragraph and
 * sentence by sentence. Where the data says more than the seed's prose, the expected sentence is
 * written out with the reason; the sentences the generator adds from data the seed never quoted
 * are listed as patterns. Anything else that differs fails.
 */
const SEED_FILE = path.resolve('tests/fixtures/seed-report-2023.txt');

/** Seed sentence → the sentence the data makes of it. */
const DATA_SAYS_MORE: Record<string, string> = {
  // The project's outcomes are recorded as figures; the seed only summarised them.
  '其中，东明镇嘎查甸子村基础设施建设改造升级项目投入资金400万元，完善排水、绿化、垃圾处理等基础设施，有效满足群众生活需求，进一步提升幸福指数；':
    '其中，东明镇嘎查甸子村基础设施建设改造升级项目投入资金400万元，新建排水沟渠3200米，绿化12500平方米，并建设垃圾收集点15处；',
  // The project's registered name; the 1,500 m of drains are recorded; its benefits are words, not data.
  '东明镇111线亮化项目及排水项目，投入资金100万元，沿111线从东明村部至东明镇政府安装高标准路灯100盏，在东明村内安装路灯120盏，并对镇内排水管道进行了维修，群众出行更加方便，镇区亮化水平显著提升，人居环境愈发优美。':
    '东明镇111线亮化及排水项目投入资金100万元，沿111线从东明村部至东明镇政府安装高标准路灯100盏，在东明村内安装路灯120盏，并维修镇内排水管道1500米。',
};

/** Sentences the generator adds from data the seed does not quote, each after the seed sentence it follows. */
const ADDED = [
  /^全年各级代表联络站共开展接待选民活动\d+次，接待选民\d+人次，收集意见建议\d+条。$/,
  /^项目建成投入使用，有效满足了群众生活需求，进一步提升了群众幸福指数。$/,
  /^全年共收到代表建议\d+件，立案\d+件，办复率[\d.]+%，代表满意率[\d.]+%。$/,
];

/** Splits a paragraph into sentences, each keeping its closing mark (。！？；). */
function sentences(paragraph: string): string[] {
  return paragraph.match(/[^。！？；]+[。！？；]?/g) ?? [];
}

let t: TestApp;
let draftLines: string[];
let seedLines: string[];

beforeAll(async () => {
  t = await createTestApp();
  // the demo drafts the 2023 report through the reports service and finalizes it (src/demo/write/report.ts)
  await seedDemo(t.services.db);
  const report = await t.services.db.annualReport.findFirstOrThrow({
    where: { year: 2023 },
    include: { sections: { orderBy: { position: 'asc' } } },
  });
  draftLines = report.sections.flatMap((s) => [s.heading, ...s.body.split('\n')]).filter((l) => l.trim());
  const seed = fs.readFileSync(SEED_FILE, 'utf8').replace('[bookmark: _GoBack]', '');
  const lines = seed.split('\n').map((l) => l.trim());
  seedLines = lines.slice(lines.indexOf('各位代表：')).filter(Boolean);
});
afterAll(() => t.close());

describe('the 2023 draft against the seed report', () => {
  it('has the seed’s paragraphs, in order, each opening as the seed’s does', () => {
    expect(draftLines).toHaveLength(seedLines.length);
    draftLines.forEach((line, i) => expect(sentences(line)[0], `paragraph ${i + 1}`).toBe(sentences(seedLines[i]!)[0]));
  });

  it('says every sentence as the seed does, where the data reproduces it', () => {
    seedLines.forEach((seedLine, i) => {
      const expected = sentences(seedLine).map((s) => DATA_SAYS_MORE[s] ?? s);
      const said = sentences(draftLines[i]!).filter((s) => !ADDED.some((re) => re.test(s)));
      expect(said, `paragraph ${i + 1}`).toEqual(expected);
    });
  });

  it('adds each data sentence once, and only the listed ones', () => {
    const added = draftLines.flatMap(sentences).filter((s) => ADDED.some((re) => re.test(s)));
    expect(added).toHaveLength(ADDED.length);
    for (const re of ADDED)
      expect(
        added.filter((s) => re.test(s)),
        String(re),
      ).toHaveLength(1);
  });

  it('fixes the faults found in review', () => {
    const text = draftLines.join('\n');
    expect(text.match(/收集民情民意/g)).toHaveLength(1);
    expect(text).toContain('带头引领群众整改。');
    expect(text).toContain('安装高标准路灯100盏');
    expect(text).not.toContain('完成111线路灯');
    expect(text).toContain('及时反馈2023年东明镇民生实事项目征求意见。');
    // The reception figures are a sentence of their own, not the subject of 搭建了依法履职服务平台.
    expect(text).toMatch(/阵地作用。全年各级代表联络站共开展接待选民活动\d+次/);
  });
});
