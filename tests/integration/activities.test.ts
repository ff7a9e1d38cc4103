import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { createTestApp, csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { worldApp } from '../helpers/world-app.js';
import { createDeputy, TEST_PASSWORD, townshipUser, type World } from '../helpers/factories.js';
import { seedDemo } from '../../src/demo/index.js';

let t: TestApp;
let w: World;
let staff: request.Agent;
beforeAll(async () => {
  ({ t, w, staff } = await worldApp());
});
afterAll(() => t.close());

const staffUser = async () => ({
  ...(await townshipUser(t.services.db, 'staff')),
  deputyId: null,
  unitId: null,
});

describe('deputies’ activities', () => {
  let inspectionId = 0;

  it('staff register an inspection of a livelihood project, then mark attendance', async () => {
    const csrf = await csrfOf(staff);
    const bad = await staff
      .post('/activities')
      .type('form')
      .send({ kind: 'INSPECTION', title: '', date: '2024-06-05', endDate: '2024-06-01', organiser: '镇人大主席团', _csrf: csrf });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('请填写活动名称');
    expect(bad.text).toContain('结束日期不能早于活动日期');
    const res = await staff
      .post('/activities')
      .type('form')
      .send({
        kind: 'INSPECTION',
        title: '民生实事项目实地视察',
        date: '2024-06-05',
        place: '东明村',
        organiser: '镇人大主席团',
        description: '视察亮化项目',
        stationId: '',
        projectId: String(w.project.id),
        findings: '部分路灯亮度不足',
        _csrf: csrf,
      });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/\/activities\/\d+\/attendance$/);
    inspectionId = Number(res.headers.location!.split('/')[2]);
    const form = await staff.get(res.headers.location!);
    expect(form.text).toContain('东明村');
    expect(form.text).toContain('张代表');
    const saved = await staff
      .post(`/activities/${inspectionId}/attendance`)
      .type('form')
      .send({ deputyIds: [String(w.deputies.deputyA.id), String(w.deputies.deputyB.id)], otherAttendees: '3', _csrf: csrf });
    expect(saved.status).toBe(303);
    const show = await staff.get(`/activities/${inspectionId}`);
    expect(show.text).toContain('5人次');
    expect(show.text).toContain('测试项目');
    expect(show.text).toContain('部分路灯亮度不足');
    expect(await t.services.db.inspection.count({ where: { activityId: inspectionId } })).toBe(1);
  });

  it('edits an activity and keeps its one inspection row', async () => {
    const values = await t.services.activities.formValues(await staffUser(), inspectionId);
    const res = await staff
      .post(`/activities/${inspectionId}`)
      .type('form')
      .send({ ...values, title: '亮化项目实地视察', _csrf: await csrfOf(staff) });
    expect(res.status).toBe(303);
    expect((await t.services.db.activity.findUniqueOrThrow({ where: { id: inspectionId } })).title).toBe('亮化项目实地视察');
    expect(await t.services.db.inspection.count({ where: { activityId: inspectionId } })).toBe(1);
  });

  it('counts 人次 per kind, per month and per deputy; an inspection counts once', async () => {
    const user = await staffUser();
    const stats = await t.services.activities.personTimes(user, { year: 2024 });
    // world: 代表学堂 (STUDY, 1 named) in March; the inspection: 2 named + 3 others in June
    expect(stats.total).toBe(6);
    expect(stats.activities).toBe(2);
    expect(stats.byKind).toEqual([
      { kind: 'STUDY', label: '学习培训', activities: 1, personTimes: 1 },
      { kind: 'INSPECTION', label: '视察', activities: 1, personTimes: 5 },
    ]);
    expect(stats.byMonth[2]).toBe(1);
    expect(stats.byMonth[5]).toBe(5);
    expect(stats.byDeputy.find((d) => d.deputyId === w.deputies.deputyA.id)?.count).toBe(2);
    expect(stats.byDeputy.find((d) => d.deputyId === w.deputies.deputyB.id)?.count).toBe(1);
    expect((await t.services.activities.personTimes(user, { year: 2023 })).total).toBe(0);
    const page = await staff.get('/activities/stats?year=2024');
    expect(page.status).toBe(200);
    expect(page.text).toContain('2024年代表活动人次统计');
  });

  it('replaces the attendance list rather than adding to it', async () => {
    const d = await createDeputy(t.services.db, w.township.id, { name: '新代表', village: '上奈林村' });
    await staff
      .post(`/activities/${inspectionId}/attendance`)
      .type('form')
      .send({ deputyIds: String(d.id), otherAttendees: '', _csrf: await csrfOf(staff) });
    const rows = await t.services.db.activityParticipant.findMany({ where: { activityId: inspectionId } });
    expect(rows.map((r) => r.deputyId)).toEqual([d.id]);
    expect((await t.services.activities.personTimes(await staffUser(), { year: 2024 })).total).toBe(2);
  });

  it('only staff create activities or mark attendance', async () => {
    const deputy = await loginAs(t.app, 'deputy', TEST_PASSWORD);
    const csrf = await csrfOf(deputy);
    expect(
      (await deputy.post('/activities').type('form').send({ kind: 'STUDY', title: 'x', date: '2024-01-01', organiser: 'x', _csrf: csrf }))
        .status,
    ).toBe(403);
    expect(
      (
        await deputy
          .post(`/activities/${inspectionId}/attendance`)
          .type('form')
          .send({ deputyIds: String(w.deputies.deputyA.id), _csrf: csrf })
      ).status,
    ).toBe(403);
  });
});

describe('the demo township', () => {
  it('adds up to 206 人次 in 2023, its inspections counted once', async () => {
    const demo = await createTestApp();
    await seedDemo(demo.services.db);
    const staff = await townshipUser(demo.services.db, 'staff');
    const stats = await demo.services.activities.personTimes({ ...staff }, { year: 2023 });
    expect(stats.total).toBe(206);
    const inspections = stats.byKind.find((k) => k.kind === 'INSPECTION')!;
    const inspectionRows = await demo.services.db.inspection.count({
      where: { activity: { date: { gte: new Date('2023-01-01T00:00:00+08:00'), lt: new Date('2024-01-01T00:00:00+08:00') } } },
    });
    expect(inspections.activities).toBe(inspectionRows);
    await demo.close();
  });
});
