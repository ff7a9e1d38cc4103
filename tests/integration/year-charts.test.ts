/**
 * The year charts with more units and projects than a chart draws (banner scale): the dashboard
 * and the printed report draw the 20 units with the most suggestions assigned and the 20 largest
 * investments, say so under the chart, and point to where all of them are listed — checked
 * against figures taken here from the raw rows, through real requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type request from 'supertest';
import { strFromU8, unzipSync } from 'fflate';
import { csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { scaleApp } from '../helpers/scale-app.js';
import { DEMO_PASSWORD } from '../../src/demo/index.js';
import type { ScaleSpec } from '../bench/generate.js';

const YEAR = 2025;
const SPEC: ScaleSpec = {
  deputies: 60,
  perYear: 900,
  years: [YEAR],
  units: 36,
  presidium: 3,
  staff: 1,
  stations: 4,
  activitiesPerYear: 10,
  projectsPerYear: 32,
  receptionsPerYear: 5,
  tasksPerYear: 5,
  otherTownships: 1,
};

type Unit = { name: string; assigned: number };
type Project = { name: string; budgetYuan: number };

/** The year's lead units with the suggestions assigned to each, and its passed projects, from the raw rows. */
function rawFigures(file: string, township: number): { units: Unit[]; projects: Project[] } {
  const raw = new Database(file, { readonly: true });
  try {
    const units = raw
      .prepare(
        `SELECT u.name AS name, SUM(CASE WHEN s."assignedAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "Reply" r WHERE r."suggestionId" = s.id AND r."isAssistOpinion" = 0) THEN 1 ELSE 0 END) AS assigned
         FROM "Suggestion" s JOIN "SuggestionAssignment" a ON a."suggestionId" = s.id AND a.active = 1 AND a.role = 'LEAD' JOIN "HandlingUnit" u ON u.id = a."unitId"
         WHERE s."townshipId" = ? AND s.year = ? AND s.number IS NOT NULL AND s.status NOT IN ('MERGED', 'REFERENCE') GROUP BY u.id`,
      )
      .all(township, YEAR) as Unit[];
    const projects = raw
      .prepare(`SELECT name, "budgetYuan" FROM "LivelihoodProject" WHERE "townshipId" = ? AND year = ? AND phase = 'PASSED' ORDER BY id`)
      .all(township, YEAR) as Project[];
    return { units, projects };
  } finally {
    raw.close();
  }
}

/** The chart whose accessible name starts with `title`, and the texts it draws. */
function chart(html: string, title: string): { svg: string; texts: string[] } {
  const svg = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]).find((s) => s.includes(`aria-label="${title}`)) ?? '';
  return { svg, texts: [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!) };
}

const notes = (html: string) => [...html.matchAll(/<figcaption class="chart-note">([\s\S]*?)<\/figcaption>/g)].map((m) => m[1]!);
const collator = new Intl.Collator('zh-CN');
/** A project's label on the chart: the township's name dropped, cut at 12 characters. */
const projectLabel = (name: string) => {
  const n = name.replace(/^东明镇/, '');
  return n.length > 12 ? n.slice(0, 12) + '…' : n;
};

// The year is written in bulk through better-sqlite3 (tests/bench/generate.ts): SQLite only.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('the year charts with more than 20 units and projects', () => {
  let t: TestApp;
  let staff: request.Agent;
  let units: Unit[];
  let projects: Project[];
  let topUnits: string[];
  let topProjects: string[];

  beforeAll(async () => {
    let township: number;
    ({ t, township } = await scaleApp(SPEC));
    ({ units, projects } = rawFigures(t.testDb.file, township));
    topUnits = [...units]
      .sort((a, b) => b.assigned - a.assigned || collator.compare(a.name, b.name))
      .slice(0, 20)
      .map((u) => u.name);
    topProjects = [...projects]
      .sort((a, b) => b.budgetYuan - a.budgetYuan || collator.compare(a.name, b.name))
      .slice(0, 20)
      .map((p) => projectLabel(p.name));
    staff = await loginAs(t.app, 'staff', DEMO_PASSWORD);
  }, 120_000);
  afterAll(() => t?.close());

  it('has more than 20 units with suggestions and more than 20 passed projects in the year', () => {
    expect(units.length).toBeGreaterThan(25);
    expect(projects.length).toBeGreaterThan(20);
  });

  it('the dashboard draws the 20 units with the most suggestions assigned and links to the statistics’ table of all of them', async () => {
    const res = await staff.get(`/dashboard?year=${YEAR}`);
    expect(res.status).toBe(200);
    const { svg, texts } = chart(res.text, `${YEAR}年各承办单位办复率、满意率`);
    const names = new Set(units.map((u) => u.name));
    expect(texts.filter((x) => names.has(x)).sort()).toEqual([...topUnits].sort());
    const name = /aria-label="([^"]*)"/.exec(svg)![1]!;
    // each unit's figures follow a '：' or a '；' (a name may end another: 自然资源所, 巴彦塔拉片区自然资源所)
    const described = new Set([...name.matchAll(/[：；]([^：；]+?)办复率/g)].map((m) => m[1]));
    expect([...described].sort()).toEqual([...topUnits].sort());
    expect(notes(res.text)).toContain(
      `交办件数最多的20个承办单位（共${units.length}个），全部单位见<a href="/suggestions/stats?year=${YEAR}#by-unit">建议办理统计</a>`,
    );
    // the link leads to the table of every unit
    const stats = await staff.get(`/suggestions/stats?year=${YEAR}`);
    expect(stats.status).toBe(200);
    const table = stats.text.split('<section class="card" id="by-unit">')[1]?.split('</section>')[0] ?? '';
    for (const u of units) expect(table, u.name).toContain(`>${u.name}</td>`);
  });

  it('the dashboard draws the 20 largest investments and links to the list of the year’s passed projects', async () => {
    const res = await staff.get(`/dashboard?year=${YEAR}`);
    const { texts } = chart(res.text, `${YEAR}年民生实事项目投资与进度`);
    const labels = new Set(projects.map((p) => projectLabel(p.name)));
    expect(texts.filter((x) => labels.has(x)).sort()).toEqual([...topProjects].sort());
    expect(notes(res.text)).toContain(
      `投资最多的20件民生实事项目（共${projects.length}件），全部项目见<a href="/projects?year=${YEAR}&amp;phase=PASSED">民生实事项目列表</a>`,
    );
    const list = await staff.get(`/projects?year=${YEAR}&phase=PASSED`);
    expect(list.status).toBe(200);
    expect(list.text.split('<tbody>')[1]?.match(/<tr>/g)?.length).toBe(projects.length);
  });

  it('the print page and the Word copy draw the same 20 and name the appendix tables that list all of them', async () => {
    const csrf = await csrfOf(staff, '/reports');
    const existing = await t.services.db.annualReport.findFirst({ where: { year: YEAR, township: { name: '东明镇' } } });
    const generated = await staff
      .post(`/reports/${YEAR}/generate`)
      .type('form')
      .send({ _csrf: csrf, ...(existing ? { version: String(existing.version) } : {}) });
    expect(generated.status).toBe(303);
    const print = await staff.get(`/reports/${YEAR}/print`);
    expect(print.status).toBe(200);
    const unitNote = `交办件数最多的20个承办单位（共${units.length}个），全部单位见附表5`;
    const projectNote = `投资最多的20件民生实事项目（共${projects.length}件），全部项目见附表2`;
    expect(notes(print.text)).toEqual([unitNote, projectNote]);
    const names = new Set(units.map((u) => u.name));
    expect(
      chart(print.text, `${YEAR}年各承办单位办复率、满意率`)
        .texts.filter((x) => names.has(x))
        .sort(),
    ).toEqual([...topUnits].sort());
    // 附表5 lists every unit, 附表2 every project
    const appendix = (title: string) => print.text.split(`<h3 class="gw-table-title">${title}`)[1]?.split('</table>')[0] ?? '';
    const byUnit = appendix(`附表5　${YEAR}年代表建议办理情况（按主办单位）`);
    for (const u of units) expect(byUnit, u.name).toContain(`<td>${u.name}</td>`);
    expect(appendix(`附表2　${YEAR}年民生实事项目`).match(/<tr>/g)?.length).toBe(projects.length + 1); // and the head row

    const docx = await staff
      .get(`/reports/${YEAR}.docx`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(docx.status).toBe(200);
    const text = strFromU8(unzipSync(new Uint8Array(docx.body as Buffer))['word/document.xml']!).replace(/<[^>]+>/g, '');
    expect(text).toContain(unitNote);
    expect(text).toContain(projectNote);
  });

  it('a year with fewer units and projects than that (the demo’s 2023) draws them all, without a note', async () => {
    const res = await staff.get('/dashboard?year=2023');
    expect(res.status).toBe(200);
    expect(notes(res.text)).toEqual([]);
    expect(chart(res.text, '2023年各承办单位办复率、满意率').texts).toContain('农业农村办公室');
  });
});
