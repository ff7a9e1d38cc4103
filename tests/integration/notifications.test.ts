import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.services.db);
});
afterAll(() => t.close());

describe('notifications (the bell)', () => {
  it('shows the unread count, opens a notification at its link and marks it read', async () => {
    await t.services.notifications.notify([w.users.unit.id], {
      kind: 'assignment',
      title: '新交办：张代表的建议',
      link: `/suggestions/${w.suggestions.mine.id}`,
    });
    const agent = await loginAs(t.app, 'unit', TEST_PASSWORD);
    const home = await agent.get('/');
    expect(home.text).toMatch(/提醒<span class="badge">1<\/span>/);
    const list = await agent.get('/notifications');
    expect(list.text).toContain('新交办：张代表的建议');
    const id = (await t.services.db.notification.findFirstOrThrow({ where: { userId: w.users.unit.id } })).id;
    const open = await agent
      .post(`/notifications/${id}/open`)
      .type('form')
      .send({ _csrf: await csrfOf(agent) });
    expect(open.status).toBe(303);
    expect(open.headers.location).toBe(`/suggestions/${w.suggestions.mine.id}`);
    expect((await agent.get('/')).text).not.toContain('class="badge"');
  });

  it('sends a reminder only once per key', async () => {
    const input = { kind: 'due-soon', title: '7日内到期', dedupeKey: 'due7:suggestion:1' };
    await t.services.notifications.notify([w.users.staff.id], input);
    await t.services.notifications.notify([w.users.staff.id], input);
    expect(await t.services.db.notification.count({ where: { userId: w.users.staff.id, dedupeKey: input.dedupeKey } })).toBe(1);
  });

  it('does not let one user open another user’s notification', async () => {
    const n = await t.services.db.notification.create({ data: { userId: w.users.staff.id, kind: 'x', title: '工作人员的提醒' } });
    const agent = await loginAs(t.app, 'deputy', TEST_PASSWORD);
    const res = await agent
      .post(`/notifications/${n.id}/open`)
      .type('form')
      .send({ _csrf: await csrfOf(agent) });
    expect(res.status).toBe(404);
    expect((await t.services.db.notification.findUniqueOrThrow({ where: { id: n.id } })).readAt).toBeNull();
    expect((await agent.get('/notifications')).text).not.toContain('工作人员的提醒');
  });
});
