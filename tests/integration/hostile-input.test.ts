import fs from 'node:fs';
import path from 'node:path';
import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { createProjectsWorld, createWorld, TEST_PASSWORD, type ProjectsWorld, type World } from '../helpers/factories.js';
import { listRoutes } from '../helpers/routes.js';

/**
 * Bad input never gets a 5xx: every route of the app (read from the router, so a new route is
 * covered the day it is added), as every role that may use it, with the field names of every form in
 * views/ filled with hostile values — empty, repeated (an array), huge numbers, nonsense dates, a
 * very long text — and hostile ids and query strings.
 */
const FIELD_NAMES = [
  ...new Set(
    fs
      .readdirSync('views', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ejs'))
      .flatMap((f) => [...fs.readFileSync(path.join('views', f), 'utf8').matchAll(/name(?:="|: ')([a-zA-Z_]+)["']/g)].map((m) => m[1]!)),
  ),
].filter((n) => n !== '_csrf' && n !== '_once');

const HOSTILE_VALUES: Array<string | string[]> = [
  '',
  '99999999999999999999',
  '-1',
  '2099-13-45',
  '1e309',
  ['1', 'x', ''],
  '长'.repeat(500), // in every field at once: just under the 1 MB body limit
  '<script>alert(1)</script>',
];
const HOSTILE_IDS = ['abc', '99999999999999999999', '-1', '0', '1.5'];
const HOSTILE_QUERIES = [
  'page=99999999999999999999',
  'page=-5&year=abc&q=%25_%5C',
  'year=99999&status=NOPE&sort=x',
  'q=' + 'a'.repeat(5000),
];

/** Never sent: they would end the test's own sessions. */
const SKIP = [/^POST \/logout$/, /^POST \/account\/sessions/, /^POST \/account\/password$/, /^POST \/login$/];

let t: TestApp;
let w: World;
let pw: ProjectsWorld;
const agents: Record<string, request.Agent> = {};
let routes: string[];

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.services.db);
  pw = await createProjectsWorld(t.services.db, w);
  for (const name of ['staff', 'chair', 'deputy', 'unit', 'auditor', 'admin', 'secadmin'])
    agents[name] = await loginAs(t.app, name, TEST_PASSWORD);
  routes = listRoutes(t.app).filter((r) => !SKIP.some((s) => s.test(r)));
}, 120_000);
afterAll(() => t.close());

/** The route's path with real ids of the world (so the handler runs past its lookups). */
function realPath(route: string): string {
  const ids: Array<[RegExp, number | string]> = [
    [/^\/suggestions\//, w.suggestions.mine.id],
    [/^\/projects\//, w.project.id],
    [/^\/activities\//, w.activity.id],
    [/^\/stations\//, w.station.id],
    [/^\/deputies\//, w.deputies.deputyA.id],
    [/^\/tasks\//, pw.taskOfA.id],
    [/^\/sessions\//, pw.session.id],
  ];
  const p = route.split(' ')[1]!;
  const id = ids.find(([re]) => re.test(p))?.[1] ?? 1;
  return p.replace(/:year/g, '2024').replace(/:[a-zA-Z]+/g, String(id));
}

function hostileBody(value: string | string[], csrf: string): string {
  const params = new URLSearchParams({ _csrf: csrf });
  for (const name of FIELD_NAMES) for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  return params.toString();
}

type Send = [label: string, send: () => request.Test];

/** Sends each request in turn; the ones answered with a 5xx, with the start of their error page. */
async function failures(sends: Send[]): Promise<string[]> {
  const out: string[] = [];
  for (const [label, send] of sends) {
    const res = await send();
    if (res.status >= 500) out.push(`${label} → ${res.status}: ${/<pre>([\s\S]{0,300})/.exec(res.text)?.[1] ?? ''}`);
  }
  return out;
}

describe('hostile input never gets a 5xx', () => {
  it('GET every page with hostile ids and query strings', async () => {
    const gets = routes.filter((r) => r.startsWith('GET '));
    for (const [name, agent] of Object.entries(agents)) {
      const sends: Send[] = [];
      for (const r of gets) {
        const p = realPath(r);
        if ((await agent.get(p)).status === 403) continue; // the guard answers before any input is read
        const withIds = r.includes(':') ? HOSTILE_IDS.map((id) => r.split(' ')[1]!.replace(/:[a-zA-Z]+/g, id)) : [];
        for (const url of [...HOSTILE_QUERIES.map((q) => `${p}?${q}`), ...withIds]) sends.push([`GET ${url}`, () => agent.get(url)]);
      }
      expect(await failures(sends), name).toEqual([]);
    }
  });

  it.each(['staff', 'chair', 'deputy', 'unit', 'auditor', 'admin', 'secadmin'])(
    'POST every form with hostile values, as %s',
    async (name) => {
      const agent = agents[name]!;
      const csrf = await csrfOf(agent);
      const sends: Send[] = [];
      for (const r of routes.filter((route) => route.startsWith('POST '))) {
        const url = realPath(r);
        // A route this role's guard refuses answers the same whatever the body: one request is enough.
        const empty = await agent.post(url).type('form').send({ _csrf: csrf });
        expect(empty.status, `POST ${url}`).toBeLessThan(500);
        if (empty.status === 403) continue;
        for (const v of HOSTILE_VALUES)
          sends.push([`POST ${url} ${JSON.stringify(v).slice(0, 20)}`, () => agent.post(url).type('form').send(hostileBody(v, csrf))]);
        for (const id of r.includes(':') ? ['abc', '99999999999999999999'] : []) {
          const bad = r.split(' ')[1]!.replace(/:[a-zA-Z]+/g, id);
          sends.push([`POST ${bad}`, () => agent.post(bad).type('form').send(hostileBody('1', csrf))]);
        }
      }
      expect(await failures(sends)).toEqual([]);
    },
  );
});
