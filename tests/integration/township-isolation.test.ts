import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { strFromU8, unzipSync } from 'fflate';
import { createTestApp, csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { listRoutes } from '../helpers/routes.js';
import { maskPhone } from '../../src/lib/format.js';
import { createProjectsWorld, createWorld, TEST_PASSWORD, type ProjectsWorld, type World } from '../helpers/factories.js';

/**
 * Many townships in one database (issue 14): two townships with data in both. Every GET page of
 * the app — read from the router, so that a new page is covered without editing this test — is
 * requested by every role of township A with A's records in the path, and must show nothing of
 * township B: none of B's names, titles, phone numbers or usernames, in HTML, JSON and the .xlsx
 * and .docx downloads alike. Then every page with a record in its path is requested with B's
 * record: 403 or 404, never the record. And the same the other way round.
 */
let t: TestApp;
type Side = {
  w: World;
  pw: ProjectsWorld;
  x: { equipmentId: number; receptionId: number; opinionId: number };
  agents: Record<string, request.Agent>;
};
const sides: Record<'A' | 'B', Side> = {} as Record<'A' | 'B', Side>;
const ROLES = ['staff', 'presidium', 'deputy', 'unit', 'auditor', 'sysadmin', 'secadmin'] as const;

/**
 * Pages left out: the PDF (a browser per request; the .docx and print page carry the same text) and the
 * anonymous public pages (tests/integration/township-hosts.test.ts: each township's by host name and path).
 */
const SKIPPED = [
  '/reports/:year.pdf',
  '/public/suggestions',
  '/public/suggestions/:id',
  '/public/t/:township/suggestions',
  '/public/t/:township/suggestions/:id',
  '/login',
  '/v/d/:code',
  '/v/s/:code',
  '/v/track',
  '/v/track/:code',
];

async function side(tag: string): Promise<Side> {
  const db = t.services.db;
  const w = await createWorld(db, tag);
  const pw = await createProjectsWorld(db, w);
  await t.services.reports.generate(w.users.staff, 2024, null);
  const equipment = await db.stationEquipment.findFirstOrThrow({ where: { stationId: w.station.id } });
  const reception = await db.reception.create({
    data: {
      townshipId: w.township.id,
      stationId: w.station.id,
      date: new Date('2024-03-15T00:00:00+08:00'),
      timeRange: '09:00-11:30',
      summary: `接待小结${tag}`,
      deputies: { create: [{ deputyId: w.deputies.deputyA.id }] },
    },
  });
  const opinion = await db.voterOpinion.create({
    data: {
      townshipId: w.township.id,
      receptionId: reception.id,
      content: `选民意见${tag}`,
      voterName: `选民${tag}`,
      voterPhone: tag === '甲' ? '13566667777' : '13912345678',
    },
  });
  const agents: Record<string, request.Agent> = {};
  for (const role of ROLES) agents[role] = await loginAs(t.app, w.users[role].username, TEST_PASSWORD);
  return { w, pw, x: { equipmentId: equipment.id, receptionId: reception.id, opinionId: opinion.id }, agents };
}

/** What identifies a township's data on a page: its records' names, titles, phones and accounts. */
function markers(s: Side): string[] {
  const { w, pw } = s;
  return [
    w.township.name,
    ...Object.values(w.deputies).flatMap((d) => [d.name, d.phone]),
    w.unit.name,
    w.otherUnit.name,
    w.station.name,
    ...Object.values(w.suggestions).map((x) => x.title),
    w.project.name,
    w.activity.title,
    ...pw.candidates.map((c) => c.name),
    pw.taskOfA.title,
    pw.taskOfB.title,
    ...Object.values(w.users).flatMap((u) => [u.username, u.displayName]),
  ];
}

/** A route's path with a side's records in it, and the query strings that name records too. */
function fill(route: string, s: Side): string[] {
  const { w, pw, x } = s;
  const ids: Array<[RegExp, string | number]> = [
    [/^\/admin\/users\/:id/, w.users.staff.id],
    [/^\/admin\/units\/:id/, w.unit.id],
    [/^\/deputies\/import\/:job/, '00000000-0000-0000-0000-000000000000'],
    [/^\/deputies\/:id/, w.deputies.deputyA.id],
    [/^\/stations\/:id/, w.station.id],
    [/^\/suggestions\/:id\/edit/, w.suggestions.draftOfB.id],
    [/^\/suggestions\/:id/, w.suggestions.mine.id],
    [/^\/projects\/:id\/edit/, pw.candidates[0]!.id],
    [/^\/projects\/:id/, w.project.id],
    [/^\/sessions\/:id/, pw.session.id],
    [/^\/activities\/:id/, w.activity.id],
    [/^\/reports\/:year/, 2024],
    [/^\/tasks\/:id/, pw.taskOfA.id],
    [/^\/receptions\/:id/, x.receptionId],
    [/^\/opinions\/:id/, x.opinionId],
    [/^\/banner\/townships\/:id/, w.township.id],
    [/^\/codes\/d\/:id/, w.deputies.deputyA.id],
    [/^\/codes\/s\/:id/, w.station.id],
  ];
  const hit = ids.find(([re]) => re.test(route));
  let path = route;
  if (route.includes(':')) {
    if (!hit) throw new Error(`no record for ${route}: add it to fill()`);
    path = route.replace(/:(id|year|job)/, String(hit[1])).replace(':eid', String(x.equipmentId));
  }
  const extra: Record<string, string[]> = {
    '/suggestions': [
      `/suggestions?scope=all&deputy=${w.deputies.deputyB.id}`,
      `/suggestions?unit=${w.otherUnit.id}&q=代表`,
      '/suggestions?year=2024&sort=number',
    ],
    '/suggestions/export.xlsx': [`/suggestions/export.xlsx?scope=all&deputy=${w.deputies.deputyA.id}`],
    '/suggestions/new': [`/suggestions/new?fromOpinion=${x.opinionId}`],
    '/deputies/options.json': ['/deputies/options.json?q=张', '/deputies/options.json?q=代表'],
    '/receptions': [`/receptions?station=${w.station.id}`],
    '/receptions/new': [`/receptions/new?stationId=${w.station.id}`],
    '/tasks': ['/tasks?status=ALL'],
    '/activities/stats': ['/activities/stats?year=2024'],
    '/suggestions/stats': ['/suggestions/stats?year=2024'],
    '/admin/users': ['/admin/users?q=t'],
  };
  return [path, ...(extra[route] ?? [])];
}

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** The text of an answer: the page, or every part of a zipped download (.xlsx, .docx). */
function textOf(body: Buffer): string {
  if (body.subarray(0, 2).toString() !== 'PK') return body.toString('utf8');
  return Object.values(unzipSync(new Uint8Array(body)))
    .map((part) => strFromU8(part))
    .join('\n');
}

let getRoutes: string[];

beforeAll(async () => {
  t = await createTestApp();
  sides.A = await side('甲');
  sides.B = await side('乙');
  getRoutes = listRoutes(t.app)
    .filter((r) => r.startsWith('GET '))
    .map((r) => r.slice(4))
    .filter((r) => !SKIPPED.includes(r));
}, 120_000);
afterAll(() => t.close());

for (const [me, other] of [
  ['A', 'B'],
  ['B', 'A'],
] as const) {
  describe(`township ${me} sees nothing of township ${other}`, () => {
    for (const role of ROLES) {
      it(`${role}: every page with ${me}'s records shows none of ${other}'s`, async () => {
        const mine = sides[me];
        const theirs = markers(sides[other]);
        // The check means something: the same markers are found on the other side's own pages.
        expect(theirs.length).toBeGreaterThan(20);
        let opened = 0;
        for (const route of getRoutes) {
          for (const url of fill(route, mine)) {
            const res = await mine.agents[role]!.get(url).buffer(true).parse(binary);
            expect(res.status, `${role} GET ${url}`).toBeLessThan(500);
            if (res.status === 200) opened++;
            const text = textOf(res.body as Buffer);
            for (const m of theirs) expect(text.includes(m), `${role} GET ${url} shows ${other}'s “${m}”`).toBe(false);
          }
        }
        expect(opened).toBeGreaterThan(2);
      });

      it(`${role}: ${other}'s records in the path are 403 or 404`, async () => {
        const mine = sides[me];
        for (const route of getRoutes.filter((r) => r.includes(':') && !r.startsWith('/reports/') && !r.startsWith('/deputies/import/'))) {
          for (const url of fill(route, sides[other]).slice(0, 1)) {
            const res = await mine.agents[role]!.get(url);
            expect([403, 404], `${role} GET ${url} → ${res.status}`).toContain(res.status);
          }
        }
      });
    }
  });
}

/** Everything of a township that a request could change. */
async function snapshot(townshipId: number): Promise<string> {
  const db = t.services.db;
  const where = { townshipId };
  const rows = await Promise.all([
    db.suggestion.findMany({ where, include: { assignments: true, replies: true, satisfactions: true, events: true, coSigners: true } }),
    db.deputy.findMany({ where }),
    db.liaisonStation.findMany({ where, include: { equipment: true, deputies: true } }),
    db.livelihoodProject.findMany({ where, include: { follower: { select: { id: true } } } }),
    db.activity.findMany({ where, include: { participants: true } }),
    db.supervisionTask.findMany({ where, include: { assignments: true } }),
    db.reception.findMany({ where, include: { deputies: true } }),
    db.voterOpinion.findMany({ where }),
    db.handlingUnit.findMany({ where }),
    db.user.findMany({ where, select: { id: true, active: true, passwordHash: true, displayName: true, mustChangePassword: true } }),
    db.annualReport.findMany({ where, include: { sections: true } }),
    db.congressSession.findMany({ where: { congress: where } }),
    db.township.findUnique({ where: { id: townshipId } }),
  ]);
  return JSON.stringify(rows);
}

describe('POST routes with the other township’s records change nothing there', () => {
  for (const [me, other] of [
    ['A', 'B'],
    ['B', 'A'],
  ] as const) {
    it(`every role of ${me}, every POST route with a record of ${other} in its path: 403/404/422 and ${other} unchanged`, async () => {
      const before = await snapshot(sides[other].w.township.id);
      const posts = listRoutes(t.app)
        .filter((r) => r.startsWith('POST ') && r.includes(':') && !r.includes(':handle'))
        .map((r) => r.slice(5))
        // a year and an import job are no township's records
        .filter((r) => !r.startsWith('/reports/:year') && !r.startsWith('/deputies/import/:job'));
      expect(posts.length).toBeGreaterThan(40);
      for (const role of ROLES) {
        const agent = sides[me].agents[role]!;
        const csrf = await csrfOf(agent);
        for (const route of posts) {
          let url: string;
          try {
            url = fill(route, sides[other])[0]!;
          } catch {
            url = route.replace(/:\w+/, String(sides[other].w.suggestions.mine.id));
          }
          url = url.replace(/:\w+/g, '999999');
          const res = await agent
            .post(url)
            .type('form')
            .send({ _csrf: csrf, version: '1', name: '篡改', title: '篡改', content: '篡改的内容篡改的内容' });
          expect([403, 404, 422], `${role} of ${me} POST ${url} → ${res.status}`).toContain(res.status);
          for (const m of markers(sides[other])) expect(res.text.includes(m), `${role} POST ${url} shows “${m}”`).toBe(false);
        }
      }
      expect(await snapshot(sides[other].w.township.id)).toBe(before);
    });
  }
});

describe('the markers are real', () => {
  it('the staff of each township see their own records on the pages above', async () => {
    for (const me of ['A', 'B'] as const) {
      const s = sides[me];
      const page = await s.agents.staff!.get('/suggestions?scope=all');
      expect(page.text).toContain(s.w.suggestions.mine.title);
      const roster = await s.agents.staff!.get('/deputies');
      expect(roster.text).toContain(maskPhone(s.w.deputies.deputyB.phone)); // masked in lists (full in the .xlsx)
    }
  });
});
