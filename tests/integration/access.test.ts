import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, loginAs, type TestApp } from '../helpers/test-app.js';
import { createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';

/**
 * Role × route × expected status for every GET page. 200 = the page, 303 = redirect,
 * 403 = the Chinese forbidden page, 404 = not found (out of the user's scope or absent).
 */
let t: TestApp;
let w: World;
let agents: Record<string, request.Agent>;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.services.db);
  await t.services.reports.generate(w.users.staff, 2024, null);
  agents = {};
  for (const name of ['staff', 'presidium', 'deputy', 'deputy2', 'unit', 'auditor'] as const) {
    agents[name] = await loginAs(t.app, w.users[name].username, TEST_PASSWORD);
  }
});
afterAll(() => t.close());

type Row = [path: (w: World) => string, anon: number, staff: number, presidium: number, deputy: number, unit: number, auditor: number];

const table: Row[] = [
  [() => '/', 303, 200, 200, 200, 200, 303],
  [() => '/deputies', 303, 200, 200, 403, 403, 403],
  [() => '/deputies/new', 303, 200, 403, 403, 403, 403],
  [(w) => `/deputies/${w.deputies.deputyA.id}`, 303, 200, 200, 200, 403, 403],
  [(w) => `/deputies/${w.deputies.deputyB.id}`, 303, 200, 200, 403, 403, 403],
  [(w) => `/deputies/${w.deputies.deputyA.id}/edit`, 303, 200, 403, 403, 403, 403],
  [() => '/deputies/999999', 303, 404, 404, 404, 403, 403],
  [() => '/stations', 303, 200, 200, 200, 200, 403],
  [(w) => `/stations/${w.station.id}`, 303, 200, 200, 200, 200, 403],
  [() => '/suggestions', 303, 200, 200, 200, 200, 403],
  [() => '/suggestions?scope=all', 303, 200, 200, 200, 200, 403],
  [() => '/suggestions/new', 303, 200, 403, 200, 403, 403],
  [() => '/suggestions/stats', 303, 200, 200, 403, 403, 403],
  [() => '/suggestions/export.xlsx', 303, 200, 200, 403, 200, 403],
  [(w) => `/suggestions/${w.suggestions.mine.id}/print`, 303, 200, 200, 200, 200, 403],
  [(w) => `/suggestions/${w.suggestions.others.id}/print`, 303, 200, 200, 404, 404, 403],
  [(w) => `/suggestions/${w.suggestions.draftOfB.id}/edit`, 303, 404, 403, 404, 403, 403],
  [() => '/public/suggestions', 200, 200, 200, 200, 200, 200],
  [(w) => `/public/suggestions/${w.suggestions.mine.id}`, 404, 404, 404, 404, 404, 404],
  [(w) => `/suggestions/${w.suggestions.mine.id}`, 303, 200, 200, 200, 200, 403],
  [(w) => `/suggestions/${w.suggestions.others.id}`, 303, 200, 200, 404, 404, 403],
  [(w) => `/suggestions/${w.suggestions.draftOfB.id}`, 303, 404, 404, 404, 404, 403],
  [() => '/projects', 303, 200, 200, 200, 200, 403],
  [(w) => `/projects/${w.project.id}`, 303, 200, 200, 200, 200, 403],
  [() => '/activities', 303, 200, 200, 200, 403, 403],
  [(w) => `/activities/${w.activity.id}`, 303, 200, 200, 200, 403, 403],
  [() => '/reports', 303, 200, 200, 403, 403, 403],
  [() => '/reports/2024', 303, 200, 200, 403, 403, 403],
  [() => '/reports/2024/print', 303, 200, 200, 403, 403, 403],
  [() => '/reports/2024.docx', 303, 200, 200, 403, 403, 403],
  [() => '/reports/2024/revisions', 303, 200, 200, 403, 403, 403],
  [() => '/reports/2024/compare', 303, 200, 200, 403, 403, 403],
  [() => '/reports/2023', 303, 404, 404, 403, 403, 403],
  [() => '/dashboard', 303, 200, 200, 403, 403, 403],
  [() => '/me/tasks', 303, 403, 200, 200, 403, 403],
  [() => '/me', 303, 403, 303, 303, 403, 403],
  [() => '/audit', 303, 403, 403, 403, 403, 200],
  [() => '/account/password', 303, 200, 200, 200, 200, 200],
  [() => '/notifications', 303, 200, 200, 200, 200, 200],
  [() => '/login', 200, 303, 303, 303, 303, 303],
  [() => '/no-such-page', 404, 404, 404, 404, 404, 404],
];

const roles = ['anon', 'staff', 'presidium', 'deputy', 'unit', 'auditor'] as const;

describe('role × route', () => {
  for (const row of table) {
    const [path, ...expected] = row;
    roles.forEach((role, i) => {
      it(`${role} GET ${path.toString().replace(/^\(\w*\) => /, '')} → ${expected[i]}`, async () => {
        const agent = role === 'anon' ? request(t.app) : agents[role]!;
        const res = await agent.get(path(w));
        expect(res.status).toBe(expected[i]);
        if (res.status === 403) expect(res.text).toContain('没有权限');
        if (res.status === 404) expect(res.text).toContain('不存在');
        if (role === 'anon' && res.status === 303) expect(res.headers.location).toBe('/login');
      });
    });
  }
});

describe('state-changing routes are guarded too', () => {
  it('a deputy cannot create, edit or terminate deputies, whatever the URL', async () => {
    const page = await agents.deputy!.get('/account/password');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    for (const path of ['/deputies', `/deputies/${w.deputies.deputyA.id}`, `/deputies/${w.deputies.deputyB.id}/terminate`]) {
      const res = await agents.deputy!.post(path).type('form').send({ _csrf: csrf, name: '篡改', termEnd: '2024-01-01', statusNote: 'x' });
      expect(res.status, path).toBe(403);
    }
    const b = await t.services.db.deputy.findUniqueOrThrow({ where: { id: w.deputies.deputyB.id } });
    expect(b.status).toBe('ACTIVE');
    expect(b.name).toBe('包代表');
  });

  it('a deputy never sees another deputy’s phone number in any list', async () => {
    const res = await agents.deputy!.get(`/suggestions/${w.suggestions.mine.id}`);
    expect(res.text).not.toContain(w.deputies.deputyB.phone);
  });
});
