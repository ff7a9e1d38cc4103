import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { worldApp } from '../helpers/world-app.js';
import { TEST_PASSWORD, type World } from '../helpers/factories.js';

let t: TestApp;
let w: World;
let staff: request.Agent;
beforeAll(async () => {
  ({ t, w, staff } = await worldApp());
});
afterAll(() => t.close());

const station = {
  name: '嘎查甸子村人大代表联络站',
  tier: 'VILLAGE',
  village: '嘎查甸子村',
  address: '嘎查甸子村党群服务中心一楼',
  establishedOn: '2023-08-16',
  phone: '0475-4236118',
  workRules: '一、每季度开展一次集中接待选民活动。\n二、接待前2天公布接待代表名单。',
};

describe('liaison stations', () => {
  let id = 0;

  it('staff create a village station and see it with its work rules', async () => {
    const res = await staff
      .post('/stations')
      .type('form')
      .send({ ...station, _csrf: await csrfOf(staff) });
    expect(res.status).toBe(303);
    id = Number(res.headers.location!.split('/').pop());
    const show = await staff.get(`/stations/${id}`);
    expect(show.text).toContain('嘎查甸子村人大代表联络站');
    expect(show.text).toContain('村级代表联络站');
    expect(show.text).toContain('2023年8月16日');
    expect(show.text).toContain('接待前2天公布接待代表名单');
    expect(await t.services.db.auditLog.count({ where: { action: 'station.create', entityId: String(id) } })).toBe(1);
  });

  it('re-shows the form with Chinese errors and the values kept', async () => {
    const res = await staff
      .post('/stations')
      .type('form')
      .send({ ...station, name: '', tier: 'NOPE', phone: '12', _csrf: await csrfOf(staff) });
    expect(res.status).toBe(422);
    expect(res.text).toContain('请填写名称');
    expect(res.text).toContain('请选择层级');
    expect(res.text).toContain('请填写手机号码或带区号的固定电话');
    expect(res.text).toContain('value="嘎查甸子村党群服务中心一楼"');
  });

  it('refuses a second station of the same name', async () => {
    const res = await staff
      .post('/stations')
      .type('form')
      .send({ ...station, _csrf: await csrfOf(staff) });
    expect(res.status).toBe(422);
    expect(res.text).toContain('已有名为“嘎查甸子村人大代表联络站”的联络站');
  });

  it('edits a station of another tier', async () => {
    const res = await staff
      .post(`/stations/${id}`)
      .type('form')
      .send({ ...station, tier: 'BANNER', name: '旗人大代表联络站东明分站', _csrf: await csrfOf(staff) });
    expect(res.status).toBe(303);
    const row = await t.services.db.liaisonStation.findUniqueOrThrow({ where: { id } });
    expect(row.tier).toBe('BANNER');
    expect(row.name).toBe('旗人大代表联络站东明分站');
  });

  it('keeps the equipment inventory: add, edit, remove', async () => {
    const csrf = await csrfOf(staff);
    const bad = await staff.post(`/stations/${id}/equipment`).type('form').send({ name: '', quantity: '0', unit: '台', _csrf: csrf });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('请填写设备名称');
    expect(bad.text).toContain('数量至少为1');
    const add = await staff
      .post(`/stations/${id}/equipment`)
      .type('form')
      .send({ name: '投影仪', quantity: '1', unit: '台', providedOn: '2023-05-16', note: '代表学堂', _csrf: csrf });
    expect(add.status).toBe(303);
    const item = await t.services.db.stationEquipment.findFirstOrThrow({ where: { stationId: id } });
    const edit = await staff.get(`/stations/${id}/equipment/${item.id}/edit`);
    expect(edit.text).toContain('value="投影仪"');
    await staff
      .post(`/stations/${id}/equipment/${item.id}`)
      .type('form')
      .send({ name: '办公桌椅', quantity: '10', unit: '套', providedOn: '2023-05-16', note: '', _csrf: csrf });
    const show = await staff.get(`/stations/${id}`);
    expect(show.text).toContain('10套');
    expect(show.text).toContain('2023年5月16日');
    // another station's equipment cannot be reached through this station's URL
    const foreign = await t.services.db.stationEquipment.findFirstOrThrow({ where: { stationId: w.station.id } });
    expect((await staff.post(`/stations/${id}/equipment/${foreign.id}/delete`).type('form').send({ _csrf: csrf })).status).toBe(404);
    await staff.post(`/stations/${id}/equipment/${item.id}/delete`).type('form').send({ _csrf: csrf });
    expect(await t.services.db.stationEquipment.count({ where: { stationId: id } })).toBe(0);
    expect(await t.services.db.stationEquipment.count({ where: { id: foreign.id } })).toBe(1);
  });

  it('keeps the resident deputies', async () => {
    const csrf = await csrfOf(staff);
    const a = w.deputies.deputyA;
    expect(
      (
        await staff
          .post(`/stations/${id}/deputies`)
          .type('form')
          .send({ deputyId: String(a.id), since: '2023-08-16', _csrf: csrf })
      ).status,
    ).toBe(303);
    const again = await staff
      .post(`/stations/${id}/deputies`)
      .type('form')
      .send({ deputyId: String(a.id), since: '', _csrf: csrf });
    expect(again.status).toBe(422);
    expect(again.text).toContain('已经是本站的进站代表');
    const show = await staff.get(`/stations/${id}`);
    expect(show.text).toContain('进站代表（1名）');
    await staff.post(`/stations/${id}/deputies/${a.id}/delete`).type('form').send({ _csrf: csrf });
    expect(await t.services.db.stationDeputy.count({ where: { stationId: id } })).toBe(0);
  });

  it('a deputy or a presidium member cannot change stations', async () => {
    for (const name of ['deputy', 'chair']) {
      const agent = await loginAs(t.app, name, TEST_PASSWORD);
      const csrf = await csrfOf(agent);
      expect(
        (
          await agent
            .post('/stations')
            .type('form')
            .send({ ...station, name: '篡改', _csrf: csrf })
        ).status,
      ).toBe(403);
      expect(
        (await agent.post(`/stations/${id}/equipment`).type('form').send({ name: 'x', quantity: '1', unit: '台', _csrf: csrf })).status,
      ).toBe(403);
    }
    expect(await t.services.db.liaisonStation.count({ where: { name: '篡改' } })).toBe(0);
  });
});
