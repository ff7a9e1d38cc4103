import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { worldApp } from '../helpers/world-app.js';
import { TEST_PASSWORD, townshipUser, type World } from '../helpers/factories.js';
import { noticeWarning, noticeWarningText } from '../../src/features/receptions/receptions.notice.js';

/** "Today" of these tests: 2024-03-10, so that dates and due dates are fixed. */
const NOW = new Date('2024-03-10T10:00:00+08:00');

let t: TestApp;
let w: World;
let staff: request.Agent;
beforeAll(async () => {
  ({ t, w, staff } = await worldApp({ now: () => NOW }));
});
afterAll(() => t.close());

const idOf = (location: string | undefined) => Number(location!.split(/[/#]/)[2]);

describe('the 2-day notice rule', () => {
  it('warns when the notice is published fewer than 2 days ahead, or can no longer be', () => {
    const date = new Date('2024-03-15T00:00:00+08:00');
    expect(noticeWarning({ date, noticePublishedOn: new Date('2024-03-13T00:00:00+08:00') }, NOW)).toBeNull();
    expect(noticeWarning({ date, noticePublishedOn: new Date('2024-03-14T00:00:00+08:00') }, NOW)).toEqual({ kind: 'late', daysAhead: 1 });
    expect(noticeWarning({ date, noticePublishedOn: null, status: 'SCHEDULED' }, NOW)).toBeNull();
    expect(noticeWarning({ date: new Date('2024-03-11T00:00:00+08:00'), noticePublishedOn: null, status: 'SCHEDULED' }, NOW)).toEqual({
      kind: 'unpublished',
      daysLeft: 1,
    });
    expect(noticeWarningText({ kind: 'late', daysAhead: 1 })).toContain('只提前1天发布');
  });
});

describe('reception days', () => {
  let receptionId = 0;
  const schedule = () => ({
    stationId: String(w.station.id),
    date: '2024-03-15',
    timeRange: '09:00-11:30',
    deputyIds: [String(w.deputies.deputyA.id), String(w.deputies.deputyB.id)],
    noticePublishedOn: '2024-03-14',
  });

  it('warns on the form when the notice is late, and saves once the staff member confirms', async () => {
    const csrf = await csrfOf(staff);
    const warned = await staff
      .post('/receptions')
      .type('form')
      .send({ ...schedule(), _csrf: csrf });
    expect(warned.status).toBe(422);
    expect(warned.text).toContain('公告只提前1天发布');
    expect(warned.text).toContain('公告晚于规定时间，仍然保存');
    expect(warned.text).toContain('value="09:00-11:30"');
    expect(await t.services.db.reception.count()).toBe(0);
    const saved = await staff
      .post('/receptions')
      .type('form')
      .send({ ...schedule(), acceptLateNotice: '1', _csrf: csrf });
    expect(saved.status).toBe(303);
    receptionId = idOf(saved.headers.location);
    const page = await staff.get(`/receptions/${receptionId}`);
    expect(page.text).toContain('公告只提前1天发布');
    expect(page.text).toContain('张代表');
    expect(page.text).toContain('已排期');
  });

  it('saves without a warning when the notice is on time; refuses bad input in Chinese', async () => {
    const csrf = await csrfOf(staff);
    const bad = await staff
      .post('/receptions')
      .type('form')
      .send({ ...schedule(), timeRange: '11:30-09:00', deputyIds: undefined, stationId: '', _csrf: csrf });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('请选择联络站');
    expect(bad.text).toContain('结束时间应晚于开始时间');
    expect(bad.text).toContain('请至少选择一名值班代表');
    const ok = await staff
      .post('/receptions')
      .type('form')
      .send({ ...schedule(), noticePublishedOn: '2024-03-12', _csrf: csrf });
    expect(ok.status).toBe(303);
    const page = await staff.get(ok.headers.location!);
    expect(page.text).not.toContain('未达到');
  });

  it('prints the public notice on an A4 page with the date, weekday, place and deputies', async () => {
    const res = await staff.get(`/receptions/${receptionId}/notice`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('人大代表接待选民公告');
    expect(res.text).toContain('2024年3月15日（星期五）09:00-11:30');
    expect(res.text).toContain('东明镇人大代表之家');
    expect(res.text).toContain('张代表（镇人大代表，东明村）');
    expect(res.text).toContain('/css/a4.css');
    expect(res.text).toContain('2024年3月14日');
  });

  it('records what happened: deputies present, voters received, summary', async () => {
    const csrf = await csrfOf(staff);
    const bad = await staff.post(`/receptions/${receptionId}/record`).type('form').send({ voterCount: 'x', _csrf: csrf });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('接待选民人数应为0到9999的整数');
    const res = await staff
      .post(`/receptions/${receptionId}/record`)
      .type('form')
      .send({
        presentIds: [String(w.deputies.deputyA.id), String(w.deputies.chairDeputy.id)],
        voterCount: '12',
        summary: '接待选民12人次。',
        _csrf: csrf,
      });
    expect(res.status).toBe(303);
    const r = await t.services.db.reception.findUniqueOrThrow({ where: { id: receptionId }, include: { deputies: true } });
    expect(r.status).toBe('HELD');
    expect(r.voterCount).toBe(12);
    const present = Object.fromEntries(r.deputies.map((d) => [d.deputyId, d.present]));
    expect(present).toEqual({ [w.deputies.deputyA.id]: true, [w.deputies.deputyB.id]: false, [w.deputies.chairDeputy.id]: true });
    expect(await t.services.db.auditLog.count({ where: { action: 'reception.record' } })).toBe(1);
  });

  describe('opinions, handled one way each', () => {
    const ids: number[] = [];
    it('records opinions with the voter’s name and phone, both optional', async () => {
      const csrf = await csrfOf(staff);
      const bad = await staff
        .post(`/receptions/${receptionId}/opinions`)
        .type('form')
        .send({ content: '', category: 'OTHER', voterPhone: '123', _csrf: csrf });
      expect(bad.status).toBe(422);
      expect(bad.text).toContain('请填写意见内容');
      expect(bad.text).toContain('请填写11位手机号码');
      const contents = ['村南过水桥涵破损，雨季无法通行', '希望增加垃圾清运次数', '禁牧补贴什么时候发放', '建设文化活动广场'];
      for (const [i, content] of contents.entries()) {
        const res = await staff
          .post(`/receptions/${receptionId}/opinions`)
          .type('form')
          .send({
            content,
            category: 'RURAL_CONSTRUCTION',
            voterName: i === 0 ? '刘振山' : '',
            voterPhone: i === 0 ? '13654750981' : '',
            deputyId: String(w.deputies.deputyA.id),
            _csrf: csrf,
          });
        expect(res.status).toBe(303);
      }
      const rows = await t.services.db.voterOpinion.findMany({ where: { receptionId }, orderBy: { id: 'asc' } });
      expect(rows.map((r) => r.content)).toEqual(contents);
      expect(rows.every((r) => r.handling === 'PENDING' && r.deputyId === w.deputies.deputyA.id)).toBe(true);
      ids.push(...rows.map((r) => r.id));
    });

    it('masks the voter’s name and phone for everyone except staff (real requests per role)', async () => {
      const staffPage = await staff.get(`/receptions/${receptionId}`);
      // Staff see the name; the phone is masked in lists for everyone (显示完整号码 on the opinion's page).
      expect(staffPage.text).toContain('136****0981');
      expect(staffPage.text).not.toContain('13654750981');
      expect(staffPage.text).toContain('刘振山');
      for (const name of ['chair', 'deputy', 'deputy2']) {
        const agent = await loginAs(t.app, name, TEST_PASSWORD);
        for (const path of [`/receptions/${receptionId}`, `/opinions/${ids[0]}`, '/opinions']) {
          const res = await agent.get(path);
          expect(res.status, `${name} ${path}`).toBe(200);
          expect(res.text, `${name} ${path}`).not.toContain('13654750981');
          expect(res.text, `${name} ${path}`).toContain('136****0981');
          expect(res.text, `${name} ${path}`).not.toContain('刘振山');
          expect(res.text, `${name} ${path}`).toContain('刘**');
        }
      }
      const unit = await loginAs(t.app, 'unit', TEST_PASSWORD);
      expect((await unit.get(`/opinions/${ids[0]}`)).status).toBe(403);
    });

    it('answers one on the spot', async () => {
      const csrf = await csrfOf(staff);
      const empty = await staff.post(`/opinions/${ids[2]}/answer`).type('form').send({ answer: ' ', _csrf: csrf });
      expect(empty.status).toBe(422);
      expect(empty.text).toContain('请填写答复内容');
      const res = await staff.post(`/opinions/${ids[2]}/answer`).type('form').send({ answer: '补贴将于6月底前发放到户。', _csrf: csrf });
      expect(res.status).toBe(303);
      const o = await t.services.db.voterOpinion.findUniqueOrThrow({ where: { id: ids[2]! } });
      expect(o.handling).toBe('ANSWERED');
      expect(o.answer).toBe('补贴将于6月底前发放到户。');
      expect(o.answeredAt).not.toBeNull();
      // one way only: it cannot be referred afterwards
      const again = await staff
        .post(`/opinions/${ids[2]}/refer`)
        .type('form')
        .send({ unitId: String(w.unit.id), dueDate: '2024-04-10', _csrf: csrf });
      expect(again.status).toBe(409);
    });

    it('refers one to a department with a due date, shows it overdue, and records the answer', async () => {
      const csrf = await csrfOf(staff);
      const past = await staff
        .post(`/opinions/${ids[1]}/refer`)
        .type('form')
        .send({ unitId: String(w.unit.id), dueDate: '2024-03-01', _csrf: csrf });
      expect(past.status).toBe(422);
      expect(past.text).toContain('办理期限不能早于今天');
      const res = await staff
        .post(`/opinions/${ids[1]}/refer`)
        .type('form')
        .send({ unitId: String(w.unit.id), dueDate: '2024-03-20', _csrf: csrf });
      expect(res.status).toBe(303);
      let o = await t.services.db.voterOpinion.findUniqueOrThrow({ where: { id: ids[1]! } });
      expect(o.handling).toBe('REFERRED');
      expect(o.referredUnitId).toBe(w.unit.id);
      expect(o.answeredAt).toBeNull();

      // Three weeks later the referral is overdue.
      const later = await createTestAppAt(new Date('2024-04-01T09:00:00+08:00'));
      const agent = await loginAs(later.app, 'staff', TEST_PASSWORD);
      const list = await agent.get('/opinions?overdue=1');
      expect(list.text).toContain('希望增加垃圾清运次数');
      expect(list.text).toContain('已逾期');
      expect(list.text).not.toContain('禁牧补贴什么时候发放');
      expect((await agent.get('/receptions')).text).toContain('有1条转办意见已逾期未答复');
      // chasing units is the office's work: deputies see the reception days without the staff alert
      const deputy = await loginAs(later.app, 'deputy', TEST_PASSWORD);
      const theirs = await deputy.get('/receptions');
      expect(theirs.status).toBe(200);
      expect(theirs.text).not.toContain('转办意见已逾期');
      const answer = await agent
        .post(`/opinions/${ids[1]}/referral-answer`)
        .type('form')
        .send({ answer: '已增加至每周两次清运。', answeredOn: '2024-04-01', _csrf: await csrfOf(agent) });
      expect(answer.status).toBe(303);
      o = await later.services.db.voterOpinion.findUniqueOrThrow({ where: { id: ids[1]! } });
      expect(o.answer).toBe('已增加至每周两次清运。');
      expect(o.answeredAt?.toISOString()).toBe(new Date('2024-04-01T00:00:00+08:00').toISOString());
      expect((await agent.get('/opinions?overdue=1')).text).not.toContain('希望增加垃圾清运次数');
      await later.app.close();
    });

    it('turns one into a deputy suggestion: the opinion and the suggestion link to each other', async () => {
      const page = await staff.get(`/opinions/${ids[0]}`);
      expect(page.text).toContain(`href="/suggestions/new?fromOpinion=${ids[0]}"`);
      const staffUser = await townshipUser(t.services.db, 'staff');
      const current = { ...staffUser, deputyId: null, unitId: null };
      const s = await t.services.suggestions.create(current, {
        title: '关于修复村南过水桥涵的建议',
        content: '村南过水桥涵破损，雨季无法通行，建议尽快修复。',
        category: 'ROADS_TRAFFIC',
        leadDeputyId: w.deputies.deputyA.id,
        coSignerIds: [],
        opinionId: ids[0],
        intent: 'submit',
      });
      const o = await t.services.db.voterOpinion.findUniqueOrThrow({ where: { id: ids[0]! } });
      expect(o.handling).toBe('CONVERTED');
      expect(o.suggestionId).toBe(s.id);
      const back = await t.services.db.suggestion.findUniqueOrThrow({ where: { id: s.id }, include: { opinion: true } });
      expect(back.opinion?.id).toBe(ids[0]);
      expect(back.status).toBe('SUBMITTED');
      const after = await staff.get(`/opinions/${ids[0]}`);
      expect(after.text).toContain(`href="/suggestions/${s.id}"`);
      expect(after.text).toContain('关于修复村南过水桥涵的建议');
      expect(after.text).not.toContain('fromOpinion=');
      const deputy = await loginAs(t.app, 'deputy', TEST_PASSWORD);
      expect((await deputy.get(`/opinions/${ids[0]}`)).text).toContain(`href="/suggestions/${s.id}"`);
    });

    it('only staff handle opinions', async () => {
      const chair = await loginAs(t.app, 'chair', TEST_PASSWORD);
      const res = await chair
        .post(`/opinions/${ids[3]}/answer`)
        .type('form')
        .send({ answer: 'x', _csrf: await csrfOf(chair) });
      expect(res.status).toBe(403);
      expect((await t.services.db.voterOpinion.findUniqueOrThrow({ where: { id: ids[3]! } })).handling).toBe('PENDING');
    });
  });

  it('cancels a scheduled reception day; a held one cannot be cancelled', async () => {
    const csrf = await csrfOf(staff);
    expect((await staff.post(`/receptions/${receptionId}/cancel`).type('form').send({ _csrf: csrf })).status).toBe(409);
    const other = await t.services.db.reception.findFirstOrThrow({ where: { status: 'SCHEDULED' } });
    expect((await staff.post(`/receptions/${other.id}/cancel`).type('form').send({ _csrf: csrf })).status).toBe(303);
    expect((await t.services.db.reception.findUniqueOrThrow({ where: { id: other.id } })).status).toBe('CANCELLED');
  });
});

/** A second app on the same database file, with another "today". */
async function createTestAppAt(now: Date) {
  const { loadConfig } = await import('../../src/config.js');
  const { createApp } = await import('../../src/app.js');
  const { createServices } = await import('../../src/services.js');
  const services = createServices(t.services.db, { now: () => now });
  const app = createApp(services, loadConfig({ NODE_ENV: 'test', DATABASE_URL: t.testDb.url, SESSION_SECRET: 'test-secret-test-secret' }));
  return { app, services };
}
