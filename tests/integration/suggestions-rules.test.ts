import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { createTestApp, csrfFrom, loginAs, type TestApp } from '../helpers/test-app.js';
import { createUser, createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';
import { createDeadlineReminders } from '../../src/features/notifications/deadline-reminders.js';
import { toDateInput } from '../../src/lib/format.js';

/** A clock the tests move forward. */
let clock = new Date('2024-03-01T09:00:00+08:00');
let t: TestApp;
let w: World;
const agents: Record<string, request.Agent> = {};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await createWorld(t.services.db);
  await createUser(t.services.db, w.township.id, 'UNIT', { username: 'otherunit', unitId: w.otherUnit.id, displayName: '交通站科员' });
  for (const name of ['staff', 'chair', 'deputy', 'deputy2', 'unit', 'otherunit', 'auditor'])
    agents[name] = await loginAs(t.app, name, TEST_PASSWORD);
});
afterAll(() => t.close());

/** Opens the suggestion page as `who` and posts an action form with the CSRF token and version shown. */
async function act(who: string, id: number, path: string, fields: Record<string, string | string[]> = {}) {
  const page = await agents[who]!.get(`/suggestions/${id}`);
  const version = /name="version" value="(\d+)"/.exec(page.text)?.[1] ?? '0';
  return agents[who]!.post(`/suggestions/${id}/${path}`)
    .type('form')
    .send({ _csrf: csrfFrom(page.text), version, ...fields });
}
const row = (id: number) => t.services.db.suggestion.findUniqueOrThrow({ where: { id } });

describe('the rules around the workflow: returns, scope, search, late replies', () => {
  it('a unit returns a wrong assignment within 7 days, not after', async () => {
    clock = new Date('2024-05-01T09:00:00+08:00');
    const staff = (await t.services.auth.findSessionUser(w.users.staff.id))!;
    const s = await t.services.db.suggestion.create({
      data: {
        townshipId: w.township.id,
        year: 2024,
        number: 50,
        title: '退回交办测试',
        content: '退回交办测试内容。。。',
        category: 'OTHER',
        leadDeputyId: w.deputies.deputyA.id,
        status: 'ACCEPTED',
      },
    });
    await t.services.suggestions.fire(staff, s.id, 'assign', { leadUnitId: w.unit.id, assistUnitIds: [], isComplex: true }, 1);
    expect(toDateInput((await row(s.id)).deadline)).toBe('2024-11-01');
    clock = new Date('2024-05-05T09:00:00+08:00');
    expect((await act('unit', s.id, 'return-assignment', { reason: '不属于本单位职责，应由交通管理站办理' })).status).toBe(303);
    const back = await row(s.id);
    expect(back.status).toBe('ACCEPTED');
    expect(back.deadline).toBeNull();
    // The unit no longer reads a suggestion it sent back; staff see the returned assignment.
    expect((await agents.unit!.get(`/suggestions/${s.id}`)).status).toBe(404);
    expect((await agents.staff!.get(`/suggestions/${s.id}`)).text).toContain('<span class="tag tag-off">已退回</span>');
    // Reassigned; after 7 days the unit can no longer return it.
    await t.services.suggestions.fire(staff, s.id, 'assign', { leadUnitId: w.unit.id, assistUnitIds: [], isComplex: false }, back.version);
    clock = new Date('2024-05-20T09:00:00+08:00');
    const late = await t.services.suggestions
      .fire(
        (await t.services.auth.findSessionUser(w.users.unit.id))!,
        s.id,
        'returnAssignment',
        { reason: '晚了' },
        (await row(s.id)).version,
      )
      .catch((e: Error) => e);
    expect((late as Error).message).toContain('超过7天');
  });

  it('flags overdue items and sends each deadline reminder once', async () => {
    clock = new Date('2024-09-01T09:00:00+08:00');
    const overdue = await agents.staff!.get('/suggestions?overdue=1');
    expect(overdue.text).toContain('class="tag tag-overdue"');
    expect(overdue.text).toContain('退回交办测试'); // reassigned 2024-05-05, due 2024-08-05, not answered
    expect(overdue.text).not.toContain('张代表的建议'); // no deadline
    const reminders = createDeadlineReminders(t.services.db, () => clock);
    const first = await reminders.run();
    expect(first).toBeGreaterThan(0);
    const count = await t.services.db.notification.count({ where: { kind: 'overdue' } });
    expect(await reminders.run()).toBe(0);
    expect(await t.services.db.notification.count({ where: { kind: 'overdue' } })).toBe(count);
  });

  it('scopes records: a deputy or a unit fetching another one’s suggestion by id gets 404', async () => {
    expect((await agents.deputy!.get(`/suggestions/${w.suggestions.others.id}`)).status).toBe(404);
    expect((await agents.unit!.get(`/suggestions/${w.suggestions.others.id}`)).status).toBe(404);
    expect((await agents.otherunit!.get(`/suggestions/${w.suggestions.mine.id}`)).status).toBe(404);
    const list = await agents.deputy!.get('/suggestions');
    expect(list.text).toContain('张代表的建议');
    expect(list.text).not.toContain('包代表的建议');
    expect((await act('deputy', w.suggestions.others.id, 'sign')).status).toBe(403); // not a unit at all
    expect((await act('unit', w.suggestions.others.id, 'sign')).status).toBe(404); // a unit, but not this one's
    expect((await row(w.suggestions.others.id)).status).toBe('ASSIGNED');
  });

  it('still finds every match when a word hits more rows than an id list can carry', async () => {
    await t.services.db.suggestion.createMany({
      data: Array.from({ length: 950 }, (_, i) => ({
        townshipId: w.township.id,
        year: 2019,
        number: i + 1,
        title: `旧建议${i}`,
        content: '关于牧区道路养护的老问题',
        category: 'OTHER' as const,
        leadDeputyId: w.deputies.deputyA.id,
        status: 'CLOSED' as const,
      })),
    });
    const staff = (await t.services.auth.findSessionUser(w.users.staff.id))!;
    const page = await t.services.suggestions.list(staff, { q: '牧区道路养护', sort: 'updated', page: 1 });
    expect(page.total).toBe(950);
    await t.services.db.suggestion.deleteMany({ where: { year: 2019 } });
  });

  it('counts a late first reply as late, even after re-handling moved the deadline', async () => {
    const saved = clock;
    const as = async (id: number) => (await t.services.auth.findSessionUser(id))!;
    const [staff, unit, deputy] = [await as(w.users.staff.id), await as(w.users.unit.id), await as(w.users.deputy.id)];
    clock = new Date('2023-01-03T09:00:00+08:00');
    const s = await t.services.db.suggestion.create({
      data: {
        townshipId: w.township.id,
        year: 2023,
        title: '迟复测试',
        content: '迟复测试内容，至少十个字。',
        category: 'OTHER',
        leadDeputyId: w.deputies.deputyA.id,
        status: 'SUBMITTED',
      },
    });
    const v = async () => (await row(s.id)).version;
    await t.services.suggestions.fire(staff, s.id, 'accept', { note: '' }, await v());
    await t.services.suggestions.fire(staff, s.id, 'assign', { leadUnitId: w.unit.id, assistUnitIds: [], isComplex: false }, await v()); // due 2023-04-03
    await t.services.suggestions.fire(unit, s.id, 'sign', { note: '' }, await v());
    clock = new Date('2023-05-01T09:00:00+08:00');
    await t.services.suggestions.fire(
      unit,
      s.id,
      'reply',
      { category: 'A', content: '已经解决了这个问题。', plannedCompletion: null },
      await v(),
    );
    clock = new Date('2023-05-02T09:00:00+08:00');
    await t.services.suggestions.fire(deputy, s.id, 'rate', { attitude: 'SATISFIED', result: 'DISSATISFIED', comment: '' }, await v()); // due 2023-06-02
    clock = saved;
    const stats = await t.services.suggestionStats.forYear({ townshipId: w.township.id }, 2023);
    expect(stats.total.replied).toBe(1);
    expect(stats.total.repliedOnTime).toBe(0);
    expect(stats.total.toImplement).toBe(0); // sent back: not yet accepted by the deputy
  });
});
