import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { createTestApp, csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { createBannerUser, createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';
import { listRoutes } from '../helpers/routes.js';

/**
 * Every state-changing route of the app, found from the router itself (so a new route is covered
 * the day it is added): a role that may not use it gets 403 (or 404), and nothing changes.
 * The lists below name, per role, the POST routes the role's guard lets through.
 */
const EVERYONE = ['/login', '/logout', '/account/password', '/account/sessions/end-others', '/account/sessions/:handle/end'];
const ALLOWED: Record<'deputy' | 'unit' | 'auditor' | 'sysadmin' | 'secadmin' | 'bannerAdmin' | 'bannerViewer', RegExp[]> = {
  deputy: [
    /^\/suggestions$/,
    /^\/suggestions\/:id$/,
    /^\/suggestions\/:id\/(submit|rate|confirm)$/,
    /^\/sessions\/:id\/ballots$/,
    /^\/tasks\/:id\/(accept|progress|report)$/,
    /^\/me\//,
    /^\/notifications\//,
  ],
  unit: [
    /^\/suggestions\/:id\/(sign|return-assignment|contacts|assist-opinions|extension-requests|reply|implementation-updates)$/,
    /^\/projects\/:id\/(progress|milestones|milestones\/:mid\/done)$/, // the responsible unit
    /^\/notifications\//,
  ],
  auditor: [],
  sysadmin: [/^\/admin\/(users|credentials|units|township)/],
  secadmin: [/^\/admin\/(locks|security)/],
  bannerAdmin: [/^\/banner\/townships/],
  bannerViewer: [],
};

/** A refusal by a role guard, or by the voters' pages' own form check (their forms carry no session token). */
const REFUSALS = ['access.denied', 'access.csrf'];

let t: TestApp;
let w: World;
const agents: Record<string, request.Agent> = {};
const userIds: Record<string, number> = {};
beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.services.db);
  for (const name of ['deputy', 'unit', 'auditor', 'admin', 'secadmin']) agents[name] = await loginAs(t.app, name, TEST_PASSWORD);
  agents.sysadmin = agents.admin!;
  for (const role of ['deputy', 'unit', 'auditor', 'sysadmin', 'secadmin'] as const) userIds[role] = w.users[role].id;
  userIds.bannerAdmin = (await createBannerUser(t.services.db, 'BANNER_ADMIN', 'banner-admin')).id;
  userIds.bannerViewer = (await createBannerUser(t.services.db, 'BANNER_VIEWER', 'banner-viewer')).id;
  agents.bannerAdmin = await loginAs(t.app, 'banner-admin', TEST_PASSWORD);
  agents.bannerViewer = await loginAs(t.app, 'banner-viewer', TEST_PASSWORD);
});
afterAll(() => t.close());

describe('POST routes refuse roles that may not use them', () => {
  it('finds the state-changing routes', () => {
    const posts = listRoutes(t.app).filter((r) => r.startsWith('POST '));
    expect(posts.length).toBeGreaterThan(40);
  });

  for (const role of ['deputy', 'unit', 'auditor', 'sysadmin', 'secadmin', 'bannerAdmin', 'bannerViewer'] as const) {
    it(`${role}: 403/404 on every POST route outside its own`, async () => {
      const agent = agents[role]!;
      const csrf = await csrfOf(agent);
      const business = { NOT: [{ action: { startsWith: 'login' } }, { action: { startsWith: 'access.' } }] };
      const before = await t.services.db.auditLog.count({ where: business });
      const deniedBefore = await t.services.db.auditLog.count({ where: { action: { in: REFUSALS }, actorId: userIds[role] } });
      let refused = 0;
      const posts = listRoutes(t.app)
        .filter((r) => r.startsWith('POST '))
        .map((r) => r.slice(5))
        .filter((p) => !EVERYONE.includes(p) && !ALLOWED[role].some((re) => re.test(p)));
      for (const path of posts) {
        const url = path.replace(/:(\w*id)/g, String(w.suggestions.mine.id));
        const res = await agent.post(url).type('form').send({ _csrf: csrf, version: '1', name: '篡改' });
        expect([403, 404], `${role} POST ${path} → ${res.status}`).toContain(res.status);
        if (res.status === 403) refused++;
      }
      expect(await t.services.db.auditLog.count({ where: business })).toBe(before);
      // Each refusal is in the audit log, as 拒绝, with the account that tried.
      const denied = await t.services.db.auditLog.count({
        where: { action: { in: REFUSALS }, result: 'DENIED', actorId: userIds[role] },
      });
      expect(refused).toBeGreaterThan(10);
      expect(denied - deniedBefore).toBe(refused);
    });
  }
});
