import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, csrfFrom, loginAs, type TestApp } from '../helpers/test-app.js';
import { createProjectsWorld, createWorld, TEST_PASSWORD, type ProjectsWorld, type World } from '../helpers/factories.js';

/**
 * Role × route × expected status for every GET page. 200 = the page, 303 = redirect,
 * 403 = the Chinese forbidden page, 404 = not found (out of the user's scope or absent).
 */
let t: TestApp;
let w: World;
let pw: ProjectsWorld;
let agents: Record<string, request.Agent>;
/** Records of the stations / receptions / roster feature that the table's paths need. */
let x: { equipmentId: number; receptionId: number; opinionId: number };

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.services.db);
  pw = await createProjectsWorld(t.services.db, w);
  await t.services.reports.generate(w.users.staff, 2024, null);
  agents = {};
  const db = t.services.db;
  const equipment = await db.stationEquipment.findFirstOrThrow({ where: { stationId: w.station.id } });
  const reception = await db.reception.create({
    data: {
      townshipId: w.township.id,
      stationId: w.station.id,
      date: new Date('2024-03-15T00:00:00+08:00'),
      timeRange: '09:00-11:30',
      deputies: { create: [{ deputyId: w.deputies.deputyA.id }] },
    },
  });
  const opinion = await db.voterOpinion.create({
    data: { townshipId: w.township.id, receptionId: reception.id, content: '意见', voterPhone: '13912345678' },
  });
  x = { equipmentId: equipment.id, receptionId: reception.id, opinionId: opinion.id };
  for (const name of ['staff', 'presidium', 'deputy', 'deputy2', 'unit', 'auditor', 'sysadmin', 'secadmin'] as const) {
    agents[name] = await loginAs(t.app, w.users[name].username, TEST_PASSWORD);
  }
});
afterAll(() => t.close());

type Row = [
  path: (w: World, pw: ProjectsWorld) => string,
  anon: number,
  staff: number,
  presidium: number,
  deputy: number,
  unit: number,
  auditor: number,
];

const table: Row[] = [
  [() => '/', 303, 200, 200, 200, 200, 303],
  [() => '/deputies', 303, 200, 200, 403, 403, 403],
  [() => '/deputies/new', 303, 200, 403, 403, 403, 403],
  [(w) => `/deputies/${w.deputies.deputyA.id}`, 303, 200, 200, 200, 403, 403],
  [(w) => `/deputies/${w.deputies.deputyB.id}`, 303, 200, 200, 403, 403, 403],
  [(w) => `/deputies/${w.deputies.deputyA.id}/edit`, 303, 200, 403, 403, 403, 403],
  [() => '/deputies/999999', 303, 404, 404, 404, 403, 403],
  [() => '/deputies/options.json?q=张', 303, 200, 200, 200, 403, 403],
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
  // stations, receptions and opinions
  [() => '/stations/new', 303, 200, 403, 403, 403, 403],
  [(w) => `/stations/${w.station.id}/edit`, 303, 200, 403, 403, 403, 403],
  [(w) => `/stations/${w.station.id}/equipment/${x.equipmentId}/edit`, 303, 200, 403, 403, 403, 403],
  [() => '/receptions', 303, 200, 200, 200, 403, 403],
  [() => '/receptions/new', 303, 200, 403, 403, 403, 403],
  [() => `/receptions/${x.receptionId}`, 303, 200, 200, 200, 403, 403],
  [() => `/receptions/${x.receptionId}/edit`, 303, 200, 403, 403, 403, 403],
  [() => `/receptions/${x.receptionId}/notice`, 303, 200, 200, 200, 403, 403],
  [() => `/receptions/${x.receptionId}/record`, 303, 200, 403, 403, 403, 403],
  [() => '/receptions/999999', 303, 404, 404, 404, 403, 403],
  [() => '/opinions', 303, 200, 200, 200, 403, 403],
  [() => `/opinions/${x.opinionId}`, 303, 200, 200, 200, 403, 403],
  [() => '/opinions/999999', 303, 404, 404, 404, 403, 403],
  [() => '/me/opinions', 303, 403, 403, 200, 403, 403],
  [() => '/codes', 303, 200, 403, 403, 403, 403],
  [() => '/liaison', 303, 200, 403, 403, 403, 403],
  [() => '/me/deputies', 303, 403, 200, 403, 403, 403],
  [() => '/codes/cards', 303, 200, 403, 403, 403, 403],
  [(w) => `/codes/s/${w.station.id}/poster`, 303, 409, 403, 403, 403, 403],
  // activities
  [() => '/activities/new', 303, 200, 403, 403, 403, 403],
  [(w) => `/activities/${w.activity.id}/edit`, 303, 200, 403, 403, 403, 403],
  [(w) => `/activities/${w.activity.id}/attendance`, 303, 200, 403, 403, 403, 403],
  [() => '/activities/stats', 303, 200, 200, 200, 403, 403],
  // the roster from Excel, and 履职档案
  [() => '/deputies/import', 303, 200, 403, 403, 403, 403],
  [() => '/deputies/import/template.xlsx', 303, 200, 403, 403, 403, 403],
  [() => '/deputies/import/00000000-0000-0000-0000-000000000000', 303, 404, 403, 403, 403, 403],
  [() => '/deputies/export.xlsx', 303, 200, 200, 403, 403, 403],
  [(w) => `/deputies/${w.deputies.deputyA.id}/record`, 303, 200, 200, 200, 403, 403],
  [(w) => `/deputies/${w.deputies.deputyB.id}/record`, 303, 200, 200, 403, 403, 403],
  [() => '/deputies/999999/record', 303, 404, 404, 404, 403, 403],
  [() => '/account/password', 303, 200, 200, 200, 200, 200],
  [() => '/notifications', 303, 200, 200, 200, 200, 403],
  [() => '/projects/new', 303, 200, 403, 403, 403, 403],
  [(_, pw) => `/projects/${pw.candidates[0]!.id}/edit`, 303, 200, 403, 403, 403, 403],
  [(w) => `/projects/${w.project.id}/edit`, 303, 409, 403, 403, 403, 403],
  [() => '/projects/999999', 303, 404, 404, 404, 404, 403],
  [() => '/sessions', 303, 200, 200, 200, 403, 403],
  [(_, pw) => `/sessions/${pw.session.id}`, 303, 200, 200, 403, 403, 403],
  [(_, pw) => `/sessions/${pw.session.id}/vote`, 303, 403, 200, 200, 403, 403],
  [(_, pw) => `/sessions/${pw.session.id}/results`, 303, 200, 200, 200, 403, 403],
  [(_, pw) => `/sessions/${pw.session.id}/print`, 303, 200, 200, 403, 403, 403],
  [() => '/sessions/999999/results', 303, 404, 404, 404, 403, 403],
  [() => '/tasks', 303, 200, 200, 403, 403, 403],
  [() => '/tasks/deputies', 303, 200, 200, 403, 403, 403],
  [() => '/tasks/new', 303, 200, 200, 403, 403, 403],
  [(_, pw) => `/tasks/${pw.taskOfA.id}`, 303, 200, 200, 200, 403, 403],
  [(_, pw) => `/tasks/${pw.taskOfB.id}`, 303, 200, 200, 404, 403, 403],
  [() => '/tasks/999999', 303, 404, 404, 404, 403, 403],
  [() => '/login', 200, 303, 303, 303, 303, 303],
  [() => '/no-such-page', 404, 404, 404, 404, 404, 404],
];

const roles = ['anon', 'staff', 'presidium', 'deputy', 'unit', 'auditor'] as const;

/** GETs `url` as `role` and checks the status and what the page says for it. */
async function expectAnswer(role: string, url: string, status: number) {
  const agent = role === 'anon' ? request(t.app) : agents[role]!;
  const res = await agent.get(url);
  expect(res.status).toBe(status);
  if (res.status === 403) expect(res.text).toContain('没有权限');
  if (res.status === 404) expect(res.text).toContain('不存在');
  if (role === 'anon' && res.status === 303) expect(res.headers.location).toMatch(/^\/login(\?next=|$)/);
  return res;
}

describe('role × route', () => {
  for (const row of table) {
    const [path, ...expected] = row;
    roles.forEach((role, i) => {
      it(`${role} GET ${path.toString().replace(/^\([\w, ]*\) => /, '')} → ${expected[i]}`, async () => {
        await expectAnswer(role, path(w, pw), expected[i]!);
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

  it('a deputy never sees another deputy’s phone number, whatever page they open', async () => {
    const pages = [
      '/',
      '/suggestions',
      `/suggestions/${w.suggestions.mine.id}`,
      '/stations',
      `/stations/${w.station.id}`,
      '/activities',
      `/activities/${w.activity.id}`,
      '/projects',
      `/deputies/${w.deputies.deputyB.id}`,
      '/me/tasks',
    ];
    for (const p of pages) {
      const res = await agents.deputy!.get(p);
      expect(res.text, p).not.toContain(w.deputies.deputyB.phone);
    }
    // Staff see it on the record's page after 显示完整号码, so the check above is meaningful.
    const page = await agents.staff!.get(`/deputies/${w.deputies.deputyB.id}`);
    const shown = await agents
      .staff!.post(`/deputies/${w.deputies.deputyB.id}/reveal-phone`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .redirects(1);
    expect(shown.text).toContain(w.deputies.deputyB.phone);
  });
});

/**
 * 三权分立: the system and security administrators never reach a business page (nor the audit log):
 * every page of the table above that a business role or the auditor can open is 403 for them.
 */
const OPEN_TO_ALL = ['/', '/login', '/account/password', '/no-such-page'];
describe('administrators never reach business pages', () => {
  for (const row of table) {
    const [path, , ...others] = row;
    const label = path.toString().replace(/^\([\w, ]*\) => /, '');
    const plain = label.replace(/['"`]/g, '');
    if (plain.includes('/public/') || OPEN_TO_ALL.includes(plain)) continue;
    if (!others.some((s) => s === 200 || s === 404 || s === 409)) continue;
    for (const role of ['sysadmin', 'secadmin'] as const) {
      it(`${role} GET ${label} → 403`, () => expectAnswer(role, path(w, pw), 403));
    }
  }
});

type AdminRow = [
  path: (w: World) => string,
  anon: number,
  staff: number,
  presidium: number,
  deputy: number,
  unit: number,
  auditor: number,
  sysadmin: number,
  secadmin: number,
];
const adminTable: AdminRow[] = [
  [() => '/', 303, 200, 200, 200, 200, 303, 303, 303],
  [() => '/admin', 303, 403, 403, 403, 403, 403, 303, 303],
  [() => '/admin/users', 303, 403, 403, 403, 403, 403, 200, 403],
  [() => '/admin/users?role=DEPUTY&state=locked&q=x', 303, 403, 403, 403, 403, 403, 200, 403],
  [() => '/admin/users/new', 303, 403, 403, 403, 403, 403, 200, 403],
  [() => '/admin/users/bulk', 303, 403, 403, 403, 403, 403, 200, 403],
  [(w) => `/admin/users/${w.users.staff.id}`, 303, 403, 403, 403, 403, 403, 200, 403],
  [(w) => `/admin/users/${w.users.auditor.id}`, 303, 403, 403, 403, 403, 403, 200, 403],
  [() => '/admin/users/999999', 303, 403, 403, 403, 403, 403, 404, 403],
  [() => '/admin/credentials', 303, 403, 403, 403, 403, 403, 200, 403],
  [() => '/admin/credentials/slips', 303, 403, 403, 403, 403, 403, 303, 403],
  [() => '/admin/credentials.xlsx', 303, 403, 403, 403, 403, 403, 303, 403],
  [() => '/admin/units', 303, 403, 403, 403, 403, 403, 200, 403],
  [() => '/admin/units/new', 303, 403, 403, 403, 403, 403, 200, 403],
  [(w) => `/admin/units/${w.unit.id}/edit`, 303, 403, 403, 403, 403, 403, 200, 403],
  [() => '/admin/units/999999/edit', 303, 403, 403, 403, 403, 403, 404, 403],
  [() => '/admin/township', 303, 403, 403, 403, 403, 403, 200, 403],
  [() => '/admin/security', 303, 403, 403, 403, 403, 403, 403, 200],
  [() => '/admin/locks', 303, 403, 403, 403, 403, 403, 403, 200],
  [() => '/account/password', 303, 200, 200, 200, 200, 200, 200, 200],
  [() => '/account/sessions', 303, 200, 200, 200, 200, 200, 200, 200],
  [() => '/audit', 303, 403, 403, 403, 403, 200, 403, 403],
  [() => '/audit?group=auth&result=DENIED&from=2020-01-01&to=2030-12-31&who=x', 303, 403, 403, 403, 403, 200, 403, 403],
  [() => '/audit.xlsx', 303, 403, 403, 403, 403, 200, 403, 403],
  [() => '/admin/security-events', 303, 403, 403, 403, 403, 403, 403, 200],
  [() => '/public/suggestions', 200, 200, 200, 200, 200, 200, 200, 200],
];
const allRoles = ['anon', 'staff', 'presidium', 'deputy', 'unit', 'auditor', 'sysadmin', 'secadmin'] as const;
const HOME: Record<string, string> = { auditor: '/audit', sysadmin: '/admin/users', secadmin: '/admin/locks' };

describe('role × route: accounts and administration', () => {
  for (const row of adminTable) {
    const [path, ...expected] = row;
    allRoles.forEach((role, i) => {
      it(`${role} GET ${path.toString().replace(/^\([\w, ]*\) => /, '')} → ${expected[i]}`, async () => {
        const url = path(w);
        const res = await expectAnswer(role, url, expected[i]!);
        if (url === '/' && HOME[role]) expect(res.headers.location).toBe(HOME[role]);
      });
    });
  }
});
