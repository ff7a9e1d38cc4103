import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, csrfFrom, loginAs, type TestApp, binary } from '../helpers/test-app.js';
import { seedDemo, DEMO_PASSWORD } from '../../src/demo/index.js';
import { createStation } from '../helpers/factories.js';

/** The 2023 work report from the 东明镇 demo data: generated, edited, compared, locked, printed. */
let t: TestApp;
let staff: request.Agent;
let chair: request.Agent;
let member: request.Agent;

const SEED_FIGURES = [
  '嘎查甸子村',
  '上奈林村',
  '村级人大代表联络站2处',
  '电脑、投影仪、办公桌椅',
  '400万元',
  '100万元',
  '路灯100盏',
  '120盏',
  '200余人次',
  '4件重点建议',
  '民生、道路交通、乡村建设',
  '第十九届人民代表大会第四次会议',
];

const unescape = (html: string) =>
  html
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

async function reportText() {
  const r = await t.services.db.annualReport.findFirstOrThrow({
    where: { year: 2023 },
    include: { sections: { orderBy: { position: 'asc' } } },
  });
  return { report: r, text: r.sections.map((s) => `${s.heading}\n${s.body}`).join('\n') };
}

/** The editor's form as a browser would send it (repeated kind/heading/body fields). */
function editorForm(
  html: string,
  change: (sections: Array<{ kind: string; heading: string; body: string }>) => void,
  extra: Record<string, string> = {},
) {
  const page = unescape(html);
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? '';
  const kinds = [...page.matchAll(/<select id="kind-\d+" name="kind">[\s\S]*?<option value="(\w+)" selected>/g)].map((m) => m[1]!);
  const headings = [...page.matchAll(/id="heading-\d+" name="heading" value="([^"]*)"/g)].map((m) => m[1]!);
  const bodies = [...page.matchAll(/<textarea id="body-\d+" name="body"[^>]*>([\s\S]*?)<\/textarea>/g)].map((m) => m[1]!);
  const sections = kinds.map((kind, i) => ({ kind, heading: headings[i]!, body: bodies[i]! }));
  change(sections);
  const p = new URLSearchParams();
  p.set('_csrf', csrfFrom(html));
  p.set('version', field('version'));
  p.set('title', field('title'));
  p.set('presenterName', field('presenterName'));
  p.set('presenterTitle', field('presenterTitle'));
  p.set('sessionId', /<option value="(\d+)" selected>/.exec(page)?.[1] ?? '');
  for (const s of sections) {
    p.append('kind', s.kind);
    p.append('heading', s.heading);
    p.append('body', s.body);
  }
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services.db);
  // The demo comes with the 2023 report 定稿 (tests/integration/demo-data.test.ts); these tests draft it anew.
  await t.services.db.annualReport.deleteMany({ where: { year: 2023 } });
  staff = await loginAs(t.app, 'staff', DEMO_PASSWORD);
  chair = await loginAs(t.app, 'chair', DEMO_PASSWORD);
  member = await loginAs(t.app, 'member', DEMO_PASSWORD);
});
afterAll(() => t.close());

describe('生成初稿 from the 2023 demo data', () => {
  it('a staff member generates the draft from the list page', async () => {
    const list = await staff.get('/reports');
    expect(list.text).toContain('生成初稿');
    const res = await staff
      .post('/reports/2023/generate')
      .type('form')
      .send({ _csrf: csrfFrom(list.text) });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/reports/2023');
  });

  it('reproduces every figure of the seed report', async () => {
    const { report, text } = await reportText();
    for (const figure of SEED_FIGURES) expect(text, figure).toContain(figure);
    expect(report.presenterName).toBe('刘海龙');
    expect(report.presenterTitle).toBe('东明镇人大主席');
    expect(text).toMatch(/^\n?各位代表：/);
    expect(text).toContain('2023年主要工作回顾');
    expect(text).toContain('一、聚焦政治引领');
    expect(text).toContain('四、聚焦自身建设');
    expect(text).toContain('2024年工作任务');
    const kinds = report.sections.map((s) => s.kind);
    expect(kinds[0]).toBe('OPENING');
    expect(kinds.at(-1)).toBe('CLOSING');
    expect(kinds.filter((k) => k === 'REVIEW_PART')).toHaveLength(4);
  });

  it('records the facts it printed in the first revision', async () => {
    const rev = await t.services.db.reportRevision.findFirstOrThrow({ where: { number: 1 } });
    const snapshot = JSON.parse(rev.snapshot) as { facts: Record<string, unknown> };
    expect(snapshot.facts.villageStations).toMatchObject({ value: 2, text: '2处' });
    expect(snapshot.facts.personTimes).toMatchObject({ value: 206, text: '200余人次' });
    expect(rev.note).toBe('生成初稿');
    const audit = await t.services.db.auditLog.findFirst({ where: { action: 'report.generate' } });
    expect(audit).not.toBeNull();
  });

  it('the editor shows the text, the live figures and the appendix', async () => {
    const res = await staff.get('/reports/2023');
    expect(res.status).toBe(200);
    const page = unescape(res.text);
    expect(page).toContain('村级人大代表联络站2处');
    expect(page).toContain('数据附表');
    expect(page).toContain('附表2　2023年民生实事项目');
    expect(page).toContain('东明镇111线亮化及排水项目');
    expect(page).toContain('附表3　2023年代表活动（按类别）');
    expect(page).toMatch(/<td[^>]*>206<\/td>/);
    expect(page).not.toContain('不一致');
  });

  it('the print page has the title, the subtitle line, the presenter, the text and the appendix', async () => {
    const res = await chair.get('/reports/2023/print');
    expect(res.status).toBe(200);
    const page = unescape(res.text);
    expect(page).toContain('<h1 class="gw-title">人大工作报告</h1>');
    expect(page).toContain('——2023年12月7日在东明镇第十九届人民代表大会第四次会议上');
    expect(page).toContain('东明镇人大主席　刘海龙');
    for (const figure of SEED_FIGURES) expect(page, figure).toContain(figure);
    expect(page).toContain('附表6　2023年重点建议及督办');
    // Column widths, so that dates, figures and names do not wrap character by character.
    expect(page).toContain('<colgroup><col width="26%"><col width="18%">');
    expect(page).toMatch(/<td class=nowrap>2023年8月16日<\/td>/);
    expect(page).toContain('href="/vendor/lxgw-wenkai/result.css"');
    expect(page).toContain('<svg');
    expect(page).not.toMatch(/<svg[^]*style="/);
  });

  it('the .docx opens and holds the sections and the appendix', async () => {
    const res = await staff.get('/reports/2023.docx').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const part = (name: string) => strFromU8(files[name]!);
    const xml = part('word/document.xml');
    const styles = part('word/styles.xml');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('人大工作报告');
    expect(text).toContain('——2023年12月7日在东明镇第十九届人民代表大会第四次会议上');
    for (const heading of ['2023年主要工作回顾', '一、聚焦政治引领，始终坚持党的全面领导', '2024年工作任务'])
      expect(text).toContain(heading);
    for (const figure of SEED_FIGURES) expect(text, figure).toContain(figure);
    expect(text).toContain('附表2　2023年民生实事项目');

    // Real paragraph styles: 标题, 标题 1–3 with outline levels (navigation pane, table of contents), 正文 by default.
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(styles)?.[1] ?? '';
    expect(style('Title')).toContain('w:eastAsia="方正小标宋简体"');
    expect(style('Heading1')).toContain('<w:outlineLvl w:val="0"/>');
    expect(style('Heading2')).toContain('<w:outlineLvl w:val="1"/>');
    expect(style('Heading2')).toContain('w:eastAsia="黑体"');
    expect(style('Heading3')).toContain('<w:outlineLvl w:val="2"/>');
    expect(style('Heading3')).toContain('w:eastAsia="楷体_GB2312"');
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(styles)![1]!;
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toContain('<w:ind w:firstLine="640"/>');
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    // Body paragraphs carry no fonts of their own: they take 正文's, as a paragraph typed later does.
    const body = /<w:p>(?:(?!<\/w:p>)[\s\S])*?现在我代表东明镇人大主席团[\s\S]*?<\/w:p>/.exec(xml)![0];
    expect(body).not.toContain('<w:rFonts');
    expect(body).not.toContain('<w:pStyle');
    // The 会议 line: 四号 with characters drawn closer, so that its 31 characters fit one line.
    expect(style('ReportSubtitle')).toContain('<w:sz w:val="28"/>');
    expect(style('ReportSubtitle')).toContain('<w:spacing w:val="-6"/>');
    // Fallbacks for machines without the 公文 fonts.
    expect(part('word/fontTable.xml')).toMatch(
      /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋,FangSong,STFangsong"\/><w:charset w:val="86"\/>/,
    );
    expect(part('word/fontTable.xml')).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体,KaiTi,STKaiti"/>');

    // Appendix tables: fixed column widths over the 156 mm text width, figures right-aligned, header repeated.
    const grids = [...xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) =>
      [...m[1]!.matchAll(/w:w="(\d+)"/g)].map((x) => Number(x[1])),
    );
    expect(grids).toHaveLength(6);
    for (const g of grids) expect(Math.abs(g.reduce((a, b) => a + b, 0) - 8844)).toBeLessThan(10);
    expect(grids[0]![0]).toBe(Math.round(8844 * 0.26));
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:jc w:val="right"\/>(?:(?!<\/w:p>)[\s\S])*?400万元/);

    // The charts as pictures, and page numbers right on odd pages and left on even ones.
    expect(Object.keys(files).filter((f) => /^word\/media\/.*\.png$/.test(f))).toHaveLength(4);
    expect(part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.keys(files)
      .filter((f) => /^word\/footer\d+\.xml$/.test(f))
      .map(part);
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>') && f.includes('PAGE'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>') && f.includes('PAGE'))).toBe(true);
  });
});

describe('the stale-figure warning', () => {
  it('warns beside the section when a quoted figure no longer matches the data', async () => {
    const township = await t.services.db.township.findFirstOrThrow();
    const station = await createStation(t.services.db, township.id, {
      name: '下奈林村人大代表联络站',
      village: '下奈林村',
      establishedOn: new Date('2023-11-20T00:00:00+08:00'),
    });
    const res = await staff.get('/reports/2023');
    const page = unescape(res.text);
    expect(page).toContain('文中“2处”与最新数据“3处”不一致');
    expect(page).toContain('文中“嘎查甸子村、上奈林村”与最新数据“嘎查甸子村、上奈林村、下奈林村”不一致');
    // the warning sits in the section that quotes it (二、), not elsewhere
    const section = /<fieldset[^>]*id="section-3"[^]*?<\/fieldset>/.exec(page)![0];
    expect(section).toContain('不一致');
    expect(section).toContain('二、聚焦夯实基础');
    await t.services.db.liaisonStation.delete({ where: { id: station.id } });
    expect(unescape((await staff.get('/reports/2023')).text)).not.toContain('不一致');
  });
});

describe('editing, revisions and optimistic locking', () => {
  it('a save creates a revision; the layout buttons rearrange without saving', async () => {
    const page = await staff.get('/reports/2023');
    const moved = await staff
      .post('/reports/2023')
      .type('form')
      .send(editorForm(page.text, () => {}, { op: 'down:0' }));
    expect(moved.status).toBe(200);
    expect(moved.text).toContain('段落已调整，尚未保存');
    expect(/id="heading-0" name="heading" value="([^"]*)"/.exec(moved.text)![1]).toBe('2023年主要工作回顾');
    const before = await t.services.db.reportRevision.count();
    const res = await staff
      .post('/reports/2023')
      .type('form')
      .send(
        editorForm(
          page.text,
          (s) => {
            s[1]!.body = s[1]!.body.replace('锚定新坐标，展现新作为', '锚定新坐标，展现新作为，砥砺奋进');
          },
          { op: 'save', note: '修改导语' },
        ),
      );
    expect(res.status).toBe(303);
    expect(await t.services.db.reportRevision.count()).toBe(before + 1);
    const { text } = await reportText();
    expect(text).toContain('砥砺奋进');
    const last = await t.services.db.reportRevision.findFirstOrThrow({ orderBy: { number: 'desc' } });
    expect(last.note).toBe('修改导语');
    expect((JSON.parse(last.snapshot) as { facts: { villageStations: { text: string } } }).facts.villageStations.text).toBe('2处');
  });

  it('invalid input is re-shown with Chinese errors and the values kept', async () => {
    const page = await staff.get('/reports/2023');
    const res = await staff
      .post('/reports/2023')
      .type('form')
      .send(
        editorForm(
          page.text,
          (s) => {
            s[2]!.body = '我的新文字';
          },
          { title: '' },
        ),
      );
    expect(res.status).toBe(422);
    expect(res.text).toContain('请填写报告标题');
    expect(res.text).toContain('我的新文字');
  });

  it('a second concurrent save gets a Chinese conflict message and keeps its text', async () => {
    const page = await staff.get('/reports/2023');
    const first = await staff
      .post('/reports/2023')
      .type('form')
      .send(
        editorForm(page.text, (s) => {
          s[6]!.body += '第一位同事的修改。';
        }),
      );
    expect(first.status).toBe(303);
    const second = await staff
      .post('/reports/2023')
      .type('form')
      .send(
        editorForm(page.text, (s) => {
          s[6]!.body += '第二位同事的修改。';
        }),
      );
    expect(second.status).toBe(409);
    expect(second.text).toContain('他人已修改了这份报告');
    expect(second.text).toContain('第二位同事的修改。');
    const { text } = await reportText();
    expect(text).toContain('第一位同事的修改。');
    expect(text).not.toContain('第二位同事的修改。');
  });

  it('lists revisions and compares two side by side with the changes marked', async () => {
    const list = await chair.get('/reports/2023/revisions');
    expect(list.status).toBe(200);
    expect(list.text).toContain('生成初稿');
    expect(list.text).toContain('修改导语');
    const res = await chair.get('/reports/2023/compare?a=1&b=2');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<ins>[，]?砥砺奋进[，]?<\/ins>/);
    expect(res.text).toContain('（有改动）');
    const none = await chair.get('/reports/2023/compare?a=1&b=1');
    expect(none.text).toContain('内容相同');
  });
});

describe('定稿 locks the report; only the chair reopens it', () => {
  it('regenerating or finalizing without the version answers 409 in Chinese, never a 500', async () => {
    for (const [agent, path] of [
      [staff, '/reports/2023/generate'],
      [member, '/reports/2023/finalize'],
    ] as const) {
      const res = await agent
        .post(path)
        .type('form')
        .send({ _csrf: csrfFrom((await agent.get('/reports/2023')).text) });
      expect(res.status, path).toBe(409);
      expect(res.text, path).toContain('页面已过期，未执行操作');
      expect(res.text, path).not.toContain('ZodError');
    }
    expect((await t.services.db.annualReport.findFirstOrThrow({ where: { year: 2023 } })).status).not.toBe('FINAL');
  });

  it('a presidium member finalizes; staff edits are then refused in Chinese', async () => {
    const page = await member.get('/reports/2023');
    const version = /action="\/reports\/2023\/finalize"[^]*?name="version" value="(\d+)"/.exec(page.text)![1]!;
    const res = await member
      .post('/reports/2023/finalize')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), version });
    expect(res.status).toBe(303);
    const r = await t.services.db.annualReport.findFirstOrThrow({ where: { year: 2023 } });
    expect(r.status).toBe('FINAL');
    const editor = await staff.get('/reports/2023');
    expect(editor.text).not.toContain('name="body"');
    expect(editor.text).toContain('已锁定');
    const form = new URLSearchParams({
      _csrf: csrfFrom(editor.text),
      version: String(r.version),
      title: '人大工作报告',
      presenterName: '刘海龙',
      presenterTitle: '东明镇人大主席',
      sessionId: '',
      kind: 'OPENING',
      heading: '',
      body: '篡改',
      op: 'save',
    });
    const refused = await staff.post('/reports/2023').type('form').send(form.toString());
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('该报告已定稿，不能再修改');
    const regen = await staff
      .post('/reports/2023/generate')
      .type('form')
      .send({ _csrf: csrfFrom(editor.text), version: String(r.version) });
    expect(regen.status).toBe(409);
    expect((await reportText()).text).not.toContain('篡改');
  });

  it('a presidium member who is not the chair cannot reopen', async () => {
    const page = await member.get('/reports/2023');
    expect(page.text).not.toContain('重新打开的理由');
    const r = await t.services.db.annualReport.findFirstOrThrow({ where: { year: 2023 } });
    const res = await member
      .post('/reports/2023/reopen')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), version: String(r.version), reason: '想改' });
    expect(res.status).toBe(403);
    const staffRes = await staff
      .post('/reports/2023/reopen')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), version: String(r.version), reason: '想改' });
    expect(staffRes.status).toBe(403);
  });

  it('the chair reopens with a reason, kept as a new revision', async () => {
    const page = await chair.get('/reports/2023');
    expect(page.text).toContain('重新打开的理由');
    const r = await t.services.db.annualReport.findFirstOrThrow({ where: { year: 2023 } });
    const empty = await chair
      .post('/reports/2023/reopen')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), version: String(r.version), reason: '' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('请填写重新打开的理由');
    const res = await chair
      .post('/reports/2023/reopen')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), version: String(r.version), reason: '会议议程调整，需补充内容' });
    expect(res.status).toBe(303);
    const after = await t.services.db.annualReport.findFirstOrThrow({ where: { year: 2023 } });
    expect(after.status).toBe('DRAFT');
    const last = await t.services.db.reportRevision.findFirstOrThrow({ orderBy: { number: 'desc' } });
    expect(last.note).toBe('人大主席重新打开：会议议程调整，需补充内容');
    // the seed's own 定稿 of 2023 comes first; this test's finalize and reopen are the last two rows
    const rows = await t.services.db.auditLog.findMany({
      where: { action: { in: ['report.finalize', 'report.reopen'] } },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((a) => a.action)).toEqual(['report.finalize', 'report.finalize', 'report.reopen']);
  });
});

describe('who may open the report pages', () => {
  const others = ['deputy', 'unit', 'auditor'] as const;
  const paths = [
    '/reports/2023',
    '/reports/2023/print',
    '/reports/2023.pdf',
    '/reports/2023.docx',
    '/reports/2023/revisions',
    '/reports/2023/compare',
    '/dashboard',
  ];
  it('deputies, units and the auditor get 403; anonymous visitors the login page', async () => {
    for (const name of others) {
      const agent = await loginAs(t.app, name, DEMO_PASSWORD);
      for (const p of paths) {
        const res = await agent.get(p);
        expect(res.status, `${name} ${p}`).toBe(403);
      }
      const page = await agent.get('/account/password');
      const post = await agent
        .post('/reports/2023/generate')
        .type('form')
        .send({ _csrf: csrfFrom(page.text) });
      expect(post.status, `${name} generate`).toBe(403);
    }
    for (const p of paths) expect((await request(t.app).get(p)).status).toBe(303);
  });

  it('a year without a report is a Chinese 404; a bad year too', async () => {
    const res = await chair.get('/reports/2019');
    expect(res.status).toBe(404);
    expect(res.text).toContain('尚未起草');
    expect((await chair.get('/reports/abcd')).status).toBe(404);
  });

  it('the presidium cannot generate or edit (read and finalize only)', async () => {
    const page = await chair.get('/reports');
    const res = await chair
      .post('/reports/2024/generate')
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    expect(res.status).toBe(403);
  });
});

describe('the dashboard', () => {
  it('shows server-rendered SVG charts for the chosen year, CSP-safe', async () => {
    const res = await chair.get('/dashboard?year=2023');
    expect(res.status).toBe(200);
    expect(res.text).toContain('2023年数据看板');
    expect((res.text.match(/<svg/g) ?? []).length).toBe(5);
    expect(res.text).toContain('代表建议（按类别）');
    expect(res.text).toContain('民生保障');
    expect(res.text).toContain('农业农村办公室');
    expect(res.text).toContain('206人次');
    expect(res.text).not.toMatch(/<style/);
    expect(res.text).not.toMatch(/\sstyle="/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect((await chair.get('/dashboard?year=abc')).status).toBe(200);
  });
});
