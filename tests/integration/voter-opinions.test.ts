import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { csrfFrom, csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { worldApp } from '../helpers/world-app.js';
import { TEST_PASSWORD, type World } from '../helpers/factories.js';
import { OPINIONS_PER_HOUR, randomCode } from '../../src/features/opinions/opinions.service.js';

/** "Today" of these tests: the business clock, moved forward by a test to make an opinion overdue. */
let today = new Date('2024-03-10T10:00:00+08:00');

let t: TestApp;
let w: World;
let staff: request.Agent;
let deputyA: request.Agent;
let deputyB: request.Agent;
let chair: request.Agent;
let deputyCode = '';
let stationCode = '';

beforeAll(async () => {
  ({ t, w, staff } = await worldApp({ now: () => today }));
  deputyA = await loginAs(t.app, 'deputy', TEST_PASSWORD);
  deputyB = await loginAs(t.app, 'deputy2', TEST_PASSWORD);
  chair = await loginAs(t.app, 'chair', TEST_PASSWORD);
  const staffUser = { id: w.users.staff.id, townshipId: w.township.id, role: 'STAFF' } as Parameters<
    typeof t.services.opinions.issueDeputyCode
  >[0];
  deputyCode = await t.services.opinions.issueDeputyCode(staffUser, w.deputies.deputyA.id);
  stationCode = await t.services.opinions.issueStationCode(staffUser, w.station.id);
  // 张代表 (deputy A) is resident at the station; 包代表 (deputy B) is not.
  await t.services.db.stationDeputy.create({ data: { stationId: w.station.id, deputyId: w.deputies.deputyA.id } });
});
afterAll(() => t.close());

/** A voter on a phone: a fresh cookie jar, from an address of their own (X-Forwarded-For needs TRUST_PROXY; here one address). */
async function send(path: string, fields: Record<string, string>) {
  const voter = request.agent(t.app);
  const page = await voter.get(path);
  expect(page.status).toBe(200);
  const res = await voter
    .post(path)
    .type('form')
    .send({ ...fields, _csrf: csrfFrom(page.text) });
  return { voter, res, page };
}
const trackingCodeOf = (html: string) => /id="tracking-code">([A-Z0-9]+)</.exec(html)?.[1] ?? '';

describe('the voter side: a code, a form, a 查询码', () => {
  let tracking = '';

  it('shows who the deputy is, never their phone, and sets no session', async () => {
    const res = await request(t.app).get(`/v/d/${deputyCode}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('张代表');
    expect(res.text).not.toContain('13811112222');
    expect(res.text).toContain('id="privacy-notice"');
    expect(String(res.headers['set-cookie'] ?? '')).not.toContain('renda.sid');
  });

  it('codes are not guessable from ids, and unknown or malformed codes are 404', async () => {
    expect(deputyCode).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    // Random, not derived from the id: the same deputy gets a different code each time one is issued.
    const codes = new Set(Array.from({ length: 20 }, () => randomCode(12)));
    expect(codes.size).toBe(20);
    expect((await request(t.app).get('/v/d/1')).status).toBe(404);
    expect((await request(t.app).get('/v/d/ABCDEFGHJKMN')).status).toBe(404);
    expect((await request(t.app).get(`/v/s/${deputyCode}`)).status).toBe(404);
  });

  it('refuses a post without the form token', async () => {
    const res = await request(t.app).post(`/v/d/${deputyCode}`).type('form').send({ content: '没有令牌' });
    expect(res.status).toBe(403);
    expect(await t.services.db.voterOpinion.count()).toBe(0);
  });

  it('keeps the values and explains in Chinese when the matter is missing or too long', async () => {
    const empty = await send(`/v/d/${deputyCode}`, { content: '', village: '东明村', voterPhone: '123' });
    expect(empty.res.status).toBe(422);
    expect(empty.res.text).toContain('请填写反映的事项');
    expect(empty.res.text).toContain('请填写11位手机号码');
    expect(empty.res.text).toContain('value="东明村"');
    const long = await send(`/v/d/${deputyCode}`, { content: '长'.repeat(1001) });
    expect(long.res.status).toBe(422);
    expect(long.res.text).toContain('不能超过1000个字');
    expect(await t.services.db.voterOpinion.count()).toBe(0);
  });

  it('stores an opinion, shows the 查询码, notifies the deputy and audits it', async () => {
    const { res } = await send(`/v/d/${deputyCode}`, {
      content: '村东头的路灯坏了三个月了，晚上出行不便。',
      village: '东明村',
      voterName: '李大爷',
      voterPhone: '13700001111',
    });
    expect(res.status).toBe(201);
    tracking = trackingCodeOf(res.text);
    expect(tracking).toMatch(/^[A-Z0-9]{10}$/);
    expect(res.text).toContain(`href="/v/track/${tracking}"`);
    const o = await t.services.db.voterOpinion.findUniqueOrThrow({ where: { trackingCode: tracking } });
    expect(o).toMatchObject({
      source: 'CODE',
      deputyId: w.deputies.deputyA.id,
      stationId: null,
      voterPhone: '13700001111',
      handling: 'PENDING',
    });
    const notes = await t.services.db.notification.findMany({ where: { link: `/opinions/${o.id}` } });
    expect(notes.map((n) => n.userId)).toEqual([w.users.deputy.id]);
    expect(await t.services.db.auditLog.count({ where: { action: 'opinion.submit', entityId: String(o.id) } })).toBe(1);
  });

  it("the tracking page shows the state and the matter, never the voter's contact", async () => {
    const res = await request(t.app).get(`/v/track/${tracking.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('已收到');
    expect(res.text).toContain('路灯坏了');
    expect(res.text).not.toContain('13700001111');
    expect(res.text).not.toContain('李大爷');
    expect(res.text).not.toContain('提交评价');
    expect((await request(t.app).get('/v/track/ZZZZZZZZZZ')).status).toBe(404);
  });

  it('a filled honeypot stores nothing', async () => {
    const before = await t.services.db.voterOpinion.count();
    const { res } = await send(`/v/s/${stationCode}`, { content: '广告', website: 'http://spam.example' });
    expect(res.status).toBe(201);
    expect(await t.services.db.voterOpinion.count()).toBe(before);
  });

  it('the deputy sees it in their queue and on their home page; another deputy does not see it at all', async () => {
    const o = await t.services.db.voterOpinion.findUniqueOrThrow({ where: { trackingCode: tracking } });
    const home = await deputyA.get('/');
    expect(home.text).toMatch(/id="open-opinions"><b>1<\/b>/);
    const queue = await deputyA.get('/me/opinions');
    expect(queue.text).toContain('路灯坏了');
    expect((await deputyB.get('/me/opinions')).text).not.toContain('路灯坏了');
    expect((await deputyB.get(`/opinions/${o.id}`)).status).toBe(404);
    expect((await deputyB.get('/opinions')).text).not.toContain('路灯坏了');
    expect((await chair.get(`/opinions/${o.id}`)).status).toBe(404);
    expect((await request(t.app).get('/me/opinions')).status).toBe(303);
    expect((await staff.get('/me/opinions')).status).toBe(403);
    // Another deputy cannot answer it either.
    const csrf = await csrfOf(deputyB);
    expect((await deputyB.post(`/opinions/${o.id}/answer`).type('form').send({ answer: '不是我的', _csrf: csrf })).status).toBe(404);
    expect((await deputyB.post(`/opinions/${o.id}/escalate`).type('form').send({ _csrf: csrf })).status).toBe(404);
  });

  it('opening it moves it to 处理中; the deputy answers; the voter rates once', async () => {
    const o = await t.services.db.voterOpinion.findUniqueOrThrow({ where: { trackingCode: tracking } });
    const page = await deputyA.get(`/opinions/${o.id}`);
    expect(page.text).toContain('答复选民');
    // The deputy written to may call the voter back: the number is masked until 显示完整号码 (audited).
    expect(page.text).not.toContain('13700001111');
    expect(page.text).toContain('137****1111');
    const revealed = await deputyA
      .post(`/opinions/${o.id}/reveal-phone`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .redirects(1);
    expect(revealed.text).toContain('13700001111');
    expect(await t.services.db.auditLog.count({ where: { action: 'personal.reveal', entityId: String(o.id) } })).toBe(1);
    expect((await request(t.app).get(`/v/track/${tracking}`)).text).toContain('处理中');
    const bad = await deputyA
      .post(`/opinions/${o.id}/answer`)
      .type('form')
      .send({ answer: '', _csrf: csrfFrom(page.text) });
    expect(bad.status).toBe(422);
    const ok = await deputyA
      .post(`/opinions/${o.id}/answer`)
      .type('form')
      .send({ answer: '已联系村委会，本周内修好。', _csrf: csrfFrom(page.text) });
    expect(ok.status).toBe(303);
    // answered by the deputy online, not 当场 at a reception: staff read 已答复, and where it came from
    const detail = await staff.get(`/opinions/${o.id}`);
    expect(detail.text).toMatch(/<span class="status handling-answered">已答复<\/span>/);
    const list = await staff.get('/opinions');
    expect(list.text).toMatch(/<span class="status handling-answered">已答复<\/span>/);
    expect(list.text).not.toContain('当场答复</span>');
    expect(list.text).toContain('代表码 · ');
    const track = await request.agent(t.app).get(`/v/track/${tracking}`);
    expect(track.text).toContain('已答复');
    expect(track.text).toContain('本周内修好');
    expect(track.text).toContain('提交评价');
    const voter = request.agent(t.app);
    const form = await voter.get(`/v/track/${tracking}`);
    const rated = await voter
      .post(`/v/track/${tracking}/rate`)
      .type('form')
      .send({ rating: 'SATISFIED', _csrf: csrfFrom(form.text) });
    expect(rated.status).toBe(303);
    const again = await voter
      .post(`/v/track/${tracking}/rate`)
      .type('form')
      .send({ rating: 'DISSATISFIED', _csrf: csrfFrom(form.text) });
    expect(again.status).toBe(409);
    const after = await t.services.db.voterOpinion.findUniqueOrThrow({ where: { id: o.id } });
    expect(after.rating).toBe('SATISFIED');
    const events = await t.services.db.opinionEvent.findMany({ where: { opinionId: o.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['submit', 'answer', 'rate']);
    expect((await deputyA.get('/')).text).toMatch(/id="open-opinions"><b>0<\/b>/);
  });

  it('a station opinion reaches its resident deputy and staff, not other deputies; handed over, then referred by staff', async () => {
    const { res } = await send(`/v/s/${stationCode}`, { content: '希望在村里设置快递代收点。' });
    const code = trackingCodeOf(res.text);
    const o = await t.services.db.voterOpinion.findUniqueOrThrow({ where: { trackingCode: code } });
    expect(o.stationId).toBe(w.station.id);
    const notified = (await t.services.db.notification.findMany({ where: { link: `/opinions/${o.id}` } })).map((n) => n.userId).sort();
    expect(notified).toEqual([w.users.staff.id, w.users.deputy.id].sort());
    expect((await deputyB.get(`/opinions/${o.id}`)).status).toBe(404);
    const page = await deputyA.get(`/opinions/${o.id}`);
    expect(page.text).toContain('转交镇人大主席团');
    const esc = await deputyA
      .post(`/opinions/${o.id}/escalate`)
      .type('form')
      .send({ note: '需要镇里协调', _csrf: csrfFrom(page.text) });
    expect(esc.status).toBe(303);
    expect((await request(t.app).get(`/v/track/${code}`)).text).toContain('已转交镇人大主席团');
    // The presidium now sees it; the deputy can no longer answer it alone.
    expect((await chair.get(`/opinions/${o.id}`)).status).toBe(200);
    expect(
      (
        await deputyA
          .post(`/opinions/${o.id}/answer`)
          .type('form')
          .send({ answer: 'x', _csrf: csrfFrom(page.text) })
      ).status,
    ).toBe(403);
    // Staff refer it to a unit with a due date, exactly as reception opinions are referred.
    const staffCsrf = await csrfOf(staff);
    const ref = await staff
      .post(`/opinions/${o.id}/refer`)
      .type('form')
      .send({ unitId: String(w.unit.id), dueDate: '2024-03-25', _csrf: staffCsrf });
    expect(ref.status).toBe(303);
    expect((await request(t.app).get(`/v/track/${code}`)).text).toContain('已转有关部门办理');
    await staff
      .post(`/opinions/${o.id}/referral-answer`)
      .type('form')
      .send({ answer: '已在村委会设点。', answeredOn: '2024-03-12', _csrf: staffCsrf });
    const track = await request(t.app).get(`/v/track/${code}`);
    expect(track.text).toContain('已答复');
    expect(track.text).toContain('已在村委会设点');
    const events = await t.services.db.opinionEvent.findMany({ where: { opinionId: o.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['submit', 'escalate', 'refer', 'referral-answer']);
  });

  it('flags a code opinion with no first answer after 7 days', async () => {
    const { res } = await send(`/v/d/${deputyCode}`, { content: '河道有垃圾。' });
    const code = trackingCodeOf(res.text);
    const o = await t.services.db.voterOpinion.findUniqueOrThrow({ where: { trackingCode: code } });
    const saved = today;
    try {
      today = new Date('2024-03-18T10:00:00+08:00');
      expect((await deputyA.get('/me/opinions')).text).toContain('已逾期');
      today = new Date('2024-03-16T10:00:00+08:00');
      const soon = await deputyA.get('/me/opinions');
      expect(soon.text).toContain('7日内到期');
      expect(soon.text).not.toContain('已逾期');
    } finally {
      today = saved;
    }
    // Staff mark it spam: it leaves the deputy's queue and count; the voter is not told.
    const csrf = await csrfOf(staff);
    expect(
      (
        await deputyA
          .post(`/opinions/${o.id}/spam`)
          .type('form')
          .send({ _csrf: await csrfOf(deputyA) })
      ).status,
    ).toBe(403);
    expect((await staff.post(`/opinions/${o.id}/spam`).type('form').send({ _csrf: csrf })).status).toBe(303);
    expect((await deputyA.get('/me/opinions')).text).not.toContain('河道有垃圾');
    expect((await request(t.app).get(`/v/track/${code}`)).text).toContain('已收到');
    expect((await staff.get('/opinions?spam=1')).text).toContain('河道有垃圾');
  });

  it('limits one address: after the hourly limit the form is refused with 429 and the values kept', async () => {
    const count = await t.services.db.voterOpinion.count();
    let last = 0;
    let text = '';
    for (let i = 0; i < OPINIONS_PER_HOUR + 1; i++) {
      const { res } = await send(`/v/s/${stationCode}`, { content: `刷屏${i}` });
      last = res.status;
      text = res.text;
    }
    expect(last).toBe(429);
    expect(text).toContain('提交得太频繁');
    expect(text).toContain(`刷屏${OPINIONS_PER_HOUR}`);
    // Three earlier in this file came from the same address; the rest hit the limit.
    expect(await t.services.db.voterOpinion.count()).toBeLessThanOrEqual(count + OPINIONS_PER_HOUR);
  });

  it('a re-issued code revokes the posted one', async () => {
    const staffUser = { id: w.users.staff.id, townshipId: w.township.id, role: 'STAFF' } as Parameters<
      typeof t.services.opinions.issueDeputyCode
    >[0];
    const fresh = await t.services.opinions.issueDeputyCode(staffUser, w.deputies.deputyA.id);
    expect(fresh).not.toBe(deputyCode);
    expect((await request(t.app).get(`/v/d/${deputyCode}`)).status).toBe(404);
    expect((await request(t.app).get(`/v/d/${fresh}`)).status).toBe(200);
  });
});

describe('statistics: per deputy, station and month; dashboard, 履职档案, the report draft', () => {
  it('counts received, on time, converted and satisfied, spam left out', async () => {
    const stats = await t.services.opinionStats.forYear(w.township.id, 2024);
    const rows = await t.services.db.voterOpinion.findMany({ where: { source: 'CODE', spam: false } });
    expect(stats.total.received).toBe(rows.length);
    expect(stats.total.received).toBeGreaterThanOrEqual(4);
    // The lamp opinion (answered the same day, rated 满意) and the station's (handed over the same day, 基本 none).
    expect(stats.total.onTime).toBe(rows.filter((o) => o.respondedAt).length);
    expect(stats.total.satisfied).toBe(1);
    expect(stats.total.rated).toBe(1);
    expect(stats.months[2]!.received).toBe(stats.total.received); // all in March 2024
    expect(stats.deputies.map((d) => d.name)).toEqual(['张代表']);
    expect(stats.stations.map((s) => s.name)).toEqual([w.station.name]);
    expect(stats.deputies[0]!.received + stats.stations[0]!.received).toBe(stats.total.received);
  });

  it('shows them on the dashboard, in the deputy’s record and in the report draft’s figures', async () => {
    const dash = await staff.get('/dashboard?year=2024');
    expect(dash.status).toBe(200);
    expect(dash.text).toContain('id="code-stats"');
    expect(dash.text).toContain('按联络站');
    const record = await deputyA.get(`/deputies/${w.deputies.deputyA.id}?year=2024`);
    expect(record.text).toMatch(/id="record-code-opinions"><b>[1-9]/);
    const staffUser = { id: w.users.staff.id, townshipId: w.township.id, role: 'STAFF' } as Parameters<typeof t.services.reports.live>[0];
    const { facts } = await t.services.reports.live(staffUser, 2024);
    expect(facts.codeOpinions?.value).toBeGreaterThanOrEqual(4);
    expect(facts.codeOpinions?.phrase).toContain('代表码');
  });
});
