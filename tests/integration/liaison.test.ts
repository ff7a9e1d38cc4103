import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { worldApp } from '../helpers/world-app.js';
import { TEST_PASSWORD, type World } from '../helpers/factories.js';
import { quarterStart } from '../../src/features/liaison/liaison.service.js';

/** "Today": 2024-05-20, in the second quarter (from 2024-04-01). */
const NOW = new Date('2024-05-20T10:00:00+08:00');

let t: TestApp;
let w: World;
let staff: request.Agent;
let chair: request.Agent;
let deputy: request.Agent;
beforeAll(async () => {
  ({ t, w, staff } = await worldApp({ now: () => NOW }));
  chair = await loginAs(t.app, 'chair', TEST_PASSWORD);
  deputy = await loginAs(t.app, 'deputy', TEST_PASSWORD);
});
afterAll(() => t.close());

describe('主席团联系代表', () => {
  it('the quarter starts on the first of January, April, July, October (China time)', () => {
    expect(quarterStart(NOW).toISOString()).toBe(new Date('2024-04-01T00:00:00+08:00').toISOString());
    expect(quarterStart(new Date('2024-03-31T23:30:00+08:00')).toISOString()).toBe(new Date('2024-01-01T00:00:00+08:00').toISOString());
  });

  it('staff assign deputies to a presidium member; only staff may', async () => {
    const csrf = await csrfOf(staff);
    const ids = [w.deputies.deputyA.id, w.deputies.deputyB.id].map(String);
    const res = await staff.post(`/liaison/${w.users.presidium.id}`).type('form').send({ deputyIds: ids, _csrf: csrf });
    expect(res.status).toBe(303);
    expect(await t.services.db.deputyLiaison.count({ where: { memberId: w.users.presidium.id } })).toBe(2);
    expect(
      (
        await deputy
          .post(`/liaison/${w.users.presidium.id}`)
          .type('form')
          .send({ deputyIds: [], _csrf: await csrfOf(deputy) })
      ).status,
    ).toBe(403);
    expect((await chair.get('/liaison')).status).toBe(403);
    expect((await staff.get('/me/deputies')).status).toBe(403);
    expect(await t.services.db.auditLog.count({ where: { action: 'liaison.assign' } })).toBe(1);
  });

  it('the member’s home shows who has not been contacted this quarter, until a contact is logged', async () => {
    let home = await chair.get('/');
    expect(home.text).toMatch(/id="not-contacted-count"><b>2<\/b>/);
    // A contact last quarter does not count for this one.
    await t.services.db.deputyContact.create({
      data: {
        townshipId: w.township.id,
        memberId: w.users.presidium.id,
        deputyId: w.deputies.deputyA.id,
        date: new Date('2024-03-20T00:00:00+08:00'),
        way: 'PHONE',
        content: '上季度的联系',
      },
    });
    home = await chair.get('/');
    expect(home.text).toMatch(/id="not-contacted-count"><b>2<\/b>/);
    const csrf = await csrfOf(chair, '/me/deputies');
    const bad = await chair
      .post('/me/deputies/contacts')
      .type('form')
      .send({ deputyId: String(w.deputies.deputyA.id), date: '2024-05-18', way: 'MEETING', content: '', _csrf: csrf });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('请填写联系内容');
    const notMine = await chair
      .post('/me/deputies/contacts')
      .type('form')
      .send({ deputyId: String(w.deputies.chairDeputy.id), date: '2024-05-18', way: 'MEETING', content: '座谈', _csrf: csrf });
    expect(notMine.status).toBe(422);
    expect(notMine.text).toContain('请选择您联系的代表');
    const ok = await chair
      .post('/me/deputies/contacts')
      .type('form')
      .send({
        deputyId: String(w.deputies.deputyA.id),
        date: '2024-05-18',
        way: 'MEETING',
        content: '听取对村道硬化的意见',
        followUp: '转交通管理站',
        _csrf: csrf,
      });
    expect(ok.status).toBe(303);
    home = await chair.get('/');
    expect(home.text).toMatch(/id="not-contacted-count"><b>1<\/b>/);
    expect(home.text).toContain('包代表');
    const page = await chair.get('/me/deputies');
    expect(page.text).toContain('听取对村道硬化的意见');
    expect(await t.services.db.auditLog.count({ where: { action: 'liaison.contact' } })).toBe(1);
  });

  it('the annual report draft counts the year’s contacts', async () => {
    const staffUser = { id: w.users.staff.id, townshipId: w.township.id, role: 'STAFF' } as Parameters<typeof t.services.reports.live>[0];
    const { facts } = await t.services.reports.live(staffUser, 2024);
    expect(facts.presidiumContacts?.value).toBe(2);
    expect(facts.presidiumDeputies?.value).toBe(1);
  });
});
