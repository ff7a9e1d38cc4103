import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { createTestApp, csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';

let t: TestApp;
let w: World;
let staff: request.Agent;
beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.services.db);
  staff = await loginAs(t.app, 'staff', TEST_PASSWORD);
});
afterAll(() => t.close());

const valid = {
  name: '乌云其木格',
  gender: 'FEMALE',
  ethnicity: '蒙古族',
  birthYear: '1978',
  politicalAffiliation: '中共党员',
  occupation: '牧民',
  workplace: '',
  district: '第二选区',
  village: '哈日干图嘎查',
  phone: '138 4751 2345',
  levels: ['TOWN', 'BANNER'],
  termStart: '2021-01-10',
};

describe('deputies roster', () => {
  it('registers a deputy at two levels and shows the record', async () => {
    const res = await staff
      .post('/deputies')
      .type('form')
      .send({ ...valid, _csrf: await csrfOf(staff) });
    expect(res.status).toBe(303);
    const show = await staff.get(res.headers.location!);
    expect(show.text).toContain('乌云其木格');
    expect(show.text).toContain('旗人大代表');
    expect(show.text).toContain('镇人大代表');
    expect(show.text).toContain('2021年1月10日');
    const row = await t.services.db.deputy.findFirstOrThrow({ where: { name: '乌云其木格' }, include: { levels: true } });
    expect(row.phone).toBe('13847512345');
    expect(row.levels.map((l) => l.level).sort()).toEqual(['BANNER', 'TOWN']);
    expect(row.congressId).toBe(w.congress.id);
    expect(await t.services.db.auditLog.count({ where: { action: 'deputy.create', entityId: String(row.id) } })).toBe(1);
  });

  it('re-shows the form with Chinese errors beside the fields and the values kept', async () => {
    const before = await t.services.db.deputy.count();
    const res = await staff
      .post('/deputies')
      .type('form')
      .send({ ...valid, name: '', phone: '12345', birthYear: '1890', levels: undefined, _csrf: await csrfOf(staff) });
    expect(res.status).toBe(422);
    expect(res.text).toContain('请填写姓名');
    expect(res.text).toContain('请填写11位手机号码或带区号的固定电话');
    expect(res.text).toContain('出生年份应在1920到');
    expect(res.text).toContain('请至少选择一个代表层级');
    expect(res.text).toContain('value="哈日干图嘎查"');
    expect(res.text).toContain('value="12345"');
    expect(await t.services.db.deputy.count()).toBe(before);
  });

  it('refuses a second active deputy of the same name in the same village', async () => {
    const res = await staff
      .post('/deputies')
      .type('form')
      .send({ ...valid, _csrf: await csrfOf(staff) });
    expect(res.status).toBe(422);
    expect(res.text).toContain('请勿重复登记');
  });

  it('edits a deputy and replaces the levels', async () => {
    const id = w.deputies.deputyB.id;
    const edit = await staff.get(`/deputies/${id}/edit`);
    expect(edit.text).toContain('value="包代表"');
    const res = await staff
      .post(`/deputies/${id}`)
      .type('form')
      .send({ ...valid, name: '包代表', village: '东明村', levels: 'CITY', _csrf: await csrfOf(staff) });
    expect(res.status).toBe(303);
    const row = await t.services.db.deputy.findUniqueOrThrow({ where: { id }, include: { levels: true } });
    expect(row.levels.map((l) => l.level)).toEqual(['CITY']);
    expect(row.congressId).toBeNull();
  });

  it('filters the list by level, village and name', async () => {
    const byVillage = await staff.get('/deputies?village=' + encodeURIComponent('哈日干图嘎查'));
    expect(byVillage.text).toContain('乌云其木格');
    expect(byVillage.text).not.toContain('张代表');
    const byLevel = await staff.get('/deputies?level=CITY');
    expect(byLevel.text).toContain('包代表');
    expect(byLevel.text).not.toContain('乌云其木格');
    const byName = await staff.get('/deputies?q=' + encodeURIComponent('张'));
    expect(byName.text).toContain('张代表');
    expect(byName.text).not.toContain('包代表');
  });

  it('terminates a deputy: gone from the current list, kept in history, login disabled', async () => {
    const id = w.deputies.deputyA.id;
    const missing = await staff
      .post(`/deputies/${id}/terminate`)
      .type('form')
      .send({ termEnd: '', statusNote: '', _csrf: await csrfOf(staff) });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('请填写终止日期');
    const res = await staff
      .post(`/deputies/${id}/terminate`)
      .type('form')
      .send({ termEnd: '2024-06-30', statusNote: '工作调动', _csrf: await csrfOf(staff) });
    expect(res.status).toBe(303);
    const list = await staff.get('/deputies');
    expect(list.text).not.toContain('>张代表<');
    const all = await staff.get('/deputies?status=ALL');
    expect(all.text).toContain('>张代表<');
    const show = await staff.get(`/deputies/${id}`);
    expect(show.text).toContain('2024年6月30日终止，工作调动');
    expect((await t.services.db.user.findUniqueOrThrow({ where: { username: 'deputy' } })).active).toBe(false);
    expect(await t.services.db.suggestion.count({ where: { leadDeputyId: id } })).toBe(1);
  });
});
