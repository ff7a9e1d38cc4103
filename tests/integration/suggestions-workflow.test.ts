import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { createTestApp, csrfFrom, loginAs, type TestApp, binary, workbookOf } from '../helpers/test-app.js';
import { createUser, createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';
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

describe('the whole handling of one suggestion, as each role sees it', () => {
  let id: number;

  it('a deputy saves a draft, then submits it with a co-signer', async () => {
    const form = await agents.deputy!.get('/suggestions/new');
    expect(form.status).toBe(200);
    const bad = await agents
      .deputy!.post('/suggestions')
      .type('form')
      .send({ _csrf: csrfFrom(form.text), title: '', content: '太短', category: '', intent: 'submit' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('请填写标题');
    expect(bad.text).toContain('建议内容请至少写10个字');
    expect(bad.text).toContain('请选择类别');
    expect(bad.text).toContain('>太短</textarea>');

    const draft = await agents
      .deputy!.post('/suggestions')
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        title: '关于修缮东明村排水沟的建议',
        content: '东明村主街排水沟多处堵塞，雨季积水严重，建议尽快清淤修缮。',
        category: 'RURAL_CONSTRUCTION',
        coSignerIds: String(w.deputies.deputyB.id),
        intent: 'draft',
      });
    expect(draft.status).toBe(303);
    id = Number(draft.headers.location!.split('/').pop());
    expect((await row(id)).status).toBe('DRAFT');
    // Staff do not see someone else's draft.
    expect((await agents.staff!.get(`/suggestions/${id}`)).status).toBe(404);

    const res = await act('deputy', id, 'submit');
    expect(res.status).toBe(303);
    expect((await row(id)).status).toBe('SUBMITTED');
    // The co-signer sees it too, read-only.
    const co = await agents.deputy2!.get(`/suggestions/${id}`);
    expect(co.status).toBe(200);
    expect(co.text).not.toContain('/submit"');
  });

  it('staff accept it and it gets the next number of the year', async () => {
    const res = await act('staff', id, 'accept');
    expect(res.status).toBe(303);
    const s = await row(id);
    expect(s.status).toBe('ACCEPTED');
    expect(s.number).toBe(3); // createWorld already numbered 2024-001 and 2024-002
    expect((await agents.staff!.get(`/suggestions/${id}`)).text).toContain('2024-003');
  });

  it('refuses an action out of order with a Chinese 409 and changes nothing', async () => {
    const before = await row(id);
    const res = await act('staff', id, 'accept');
    expect(res.status).toBe(409);
    expect(res.text).toContain('当前为“待交办”，不能执行“立案”');
    const after = await row(id);
    expect(after.version).toBe(before.version);
    expect(after.number).toBe(before.number);
  });

  it('refuses a role that may not act with 403', async () => {
    const res = await agents
      .deputy!.post(`/suggestions/${id}/assign`)
      .type('form')
      .send({ _csrf: csrfFrom((await agents.deputy!.get('/')).text), leadUnitId: String(w.unit.id) });
    expect(res.status).toBe(403);
    expect((await row(id)).status).toBe('ACCEPTED');
  });

  it('staff assign it to a lead and an assisting unit; the deadline is 3 months; the unit is notified', async () => {
    const missing = await act('staff', id, 'assign', { leadUnitId: '' });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('请选择主办单位');
    const res = await act('staff', id, 'assign', { leadUnitId: String(w.unit.id), assistUnitIds: String(w.otherUnit.id) });
    expect(res.status).toBe(303);
    const s = await row(id);
    expect(s.status).toBe('ASSIGNED');
    expect(toDateInput(s.deadline)).toBe('2024-06-01');
    expect(await t.services.db.notification.count({ where: { userId: w.users.unit.id, kind: 'assignment' } })).toBe(1);
    const unitHome = await agents.unit!.get('/');
    expect(unitHome.text).toContain('关于修缮东明村排水沟的建议');
  });

  it('the lead unit signs; the assisting unit adds its opinion; both see it, another deputy does not', async () => {
    clock = new Date('2024-03-03T10:00:00+08:00');
    expect((await act('unit', id, 'sign')).status).toBe(303);
    expect((await row(id)).status).toBe('HANDLING');
    expect((await agents.unit!.get(`/suggestions/${id}`)).text).toContain('协办单位交通管理站尚未提交协办意见');
    expect((await act('otherunit', id, 'assist-opinions', { content: '交通站同意配合清理路边排水沟。' })).status).toBe(303);
    expect((await act('otherunit', id, 'reply', { category: 'A', content: '协办单位不能答复这件建议的。' })).status).toBe(403);
    expect((await agents.unit!.get(`/suggestions/${id}`)).text).not.toContain('尚未提交协办意见');
    // The assisting unit sees why the suggestion is in its 办理中 list; the lead unit is not told it assists.
    const assisting = await agents.otherunit!.get('/suggestions?status=HANDLING');
    expect(assisting.text).toMatch(
      /关于修缮东明村排水沟的建议<\/a>(?: <span[^>]*>[^<]*<\/span>)* <span class="tag tag-assist">本单位协办<\/span>/,
    );
    expect((await agents.otherunit!.get(`/suggestions/${id}`)).text).toContain('本单位是这件建议的<strong>协办单位</strong>');
    expect((await agents.unit!.get('/suggestions?status=HANDLING')).text).not.toContain('本单位协办');
    const outsider = await loginAs(t.app, 'chair', TEST_PASSWORD);
    expect((await outsider.get(`/suggestions/${id}`)).status).toBe(200); // presidium reads all
  });

  it('the unit logs a contact with the deputy and asks for one extension of at most 3 months', async () => {
    expect(
      (await act('unit', id, 'contacts', { date: '2024-03-02', way: 'PHONE', summary: '电话联系宝音图代表了解排水沟位置。' })).status,
    ).toBe(303);
    const tooLong = await act('unit', id, 'extension-requests', { newDeadline: '2024-09-02', reason: '需要纳入年度预算' });
    expect(tooLong.status).toBe(422);
    expect(tooLong.text).toContain('延期最多3个月，最晚为2024年9月1日');
    expect((await act('unit', id, 'extension-requests', { newDeadline: '2024-08-01', reason: '需要纳入年度预算' })).status).toBe(303);
    const again = await act('unit', id, 'extension-requests', { newDeadline: '2024-08-15', reason: '再延' });
    expect(again.status).toBe(409);
    expect(again.text).toContain('每件建议只能申请一次延期');
  });

  it('a presidium member approves the extension: the deadline moves', async () => {
    expect((await act('chair', id, 'extension-decision', { decision: 'approve', note: '同意' })).status).toBe(303);
    expect(toDateInput((await row(id)).deadline)).toBe('2024-08-01');
  });

  it('the unit replies B with a planned date; the deputy is asked to rate', async () => {
    const noDate = await act('unit', id, 'reply', { category: 'B', content: '已列入2024年农村人居环境整治计划，预计汛期前完成清淤。' });
    expect(noDate.status).toBe(422);
    expect(noDate.text).toContain('B类答复（正在解决或已列入计划）请填写计划完成时间');
    expect(noDate.text).toContain('已列入2024年农村人居环境整治计划');
    const res = await act('unit', id, 'reply', {
      category: 'B',
      content: '已列入2024年农村人居环境整治计划，预计汛期前完成清淤。',
      plannedCompletion: '2024-06-30',
    });
    expect(res.status).toBe(303);
    expect((await row(id)).status).toBe('REPLIED');
    expect(await t.services.db.notification.count({ where: { userId: w.users.deputy.id, kind: 'reply-to-rate' } })).toBe(1);
  });

  it('the deputy rates the result 不满意: back to the unit with a reply due within 1 month', async () => {
    clock = new Date('2024-04-10T10:00:00+08:00');
    expect((await act('deputy2', id, 'rate', { attitude: 'SATISFIED', result: 'DISSATISFIED' })).status).toBe(403);
    expect((await act('deputy', id, 'rate', { attitude: 'SATISFIED', result: 'DISSATISFIED', comment: '时间太晚' })).status).toBe(303);
    const s = await row(id);
    expect(s.status).toBe('HANDLING');
    expect(toDateInput(s.deadline)).toBe('2024-05-10');
  });

  it('the unit re-replies; the deputy rates 满意; it stays open until carried out (B)', async () => {
    expect(
      (await act('unit', id, 'reply', { category: 'B', content: '调整计划，4月底前完成主街排水沟清淤。', plannedCompletion: '2024-04-30' }))
        .status,
    ).toBe(303);
    expect((await act('deputy', id, 'rate', { attitude: 'SATISFIED', result: 'SATISFIED' })).status).toBe(303);
    expect((await row(id)).status).toBe('IMPLEMENTING');
    expect(await t.services.db.satisfaction.count({ where: { suggestionId: id } })).toBe(2);
  });

  it('the unit reports progress, staff mark 已落实, the deputy confirms and it is 办结', async () => {
    expect((await act('unit', id, 'implementation-updates', { date: '2024-04-09', content: '主街排水沟清淤完成。' })).status).toBe(303);
    expect((await act('deputy', id, 'mark-implemented')).status).toBe(403);
    expect((await act('staff', id, 'mark-implemented')).status).toBe(303);
    expect((await act('deputy', id, 'confirm')).status).toBe(303);
    const s = await row(id);
    expect(s.status).toBe('CLOSED');
    expect(s.closedAt).not.toBeNull();
    const events = await t.services.db.suggestionEvent.findMany({ where: { suggestionId: id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual([
      'create',
      'submit',
      'accept',
      'assign',
      'sign',
      'assistOpinion',
      'logContact',
      'requestExtension',
      'decideExtension',
      'reply',
      'rate',
      'reply',
      'rate',
      'implementationUpdate',
      'markImplemented',
      'confirm',
    ]);
    expect(events.every((e) => e.actorId !== null)).toBe(true);
  });

  it('shows the answered suggestion on the public page, without phones, until staff withhold it', async () => {
    const pub = await (await import('supertest')).default(t.app).get(`/public/suggestions/${id}`);
    expect(pub.status).toBe(200);
    expect(pub.text).toContain('主街排水沟清淤');
    expect(pub.text).not.toContain(w.deputies.deputyA.phone);
    expect((await act('staff', id, 'public', { withheld: 'on' })).status).toBe(303);
    expect((await (await import('supertest')).default(t.app).get(`/public/suggestions/${id}`)).status).toBe(404);
  });
});

describe('the rules around the workflow', () => {
  it('a second person acting on an old page gets a conflict, not a silent overwrite', async () => {
    const s = await t.services.db.suggestion.create({
      data: {
        townshipId: w.township.id,
        year: 2024,
        title: '并发测试',
        content: '并发测试内容，至少十个字。',
        category: 'OTHER',
        leadDeputyId: w.deputies.deputyA.id,
        status: 'SUBMITTED',
      },
    });
    const pageA = await agents.staff!.get(`/suggestions/${s.id}`);
    const staff2 = await createUser(t.services.db, w.township.id, 'STAFF', { username: 'staff2' });
    const other = await loginAs(t.app, staff2.username, TEST_PASSWORD);
    const pageB = await other.get(`/suggestions/${s.id}`);
    const first = await other
      .post(`/suggestions/${s.id}/return`)
      .type('form')
      .send({ _csrf: csrfFrom(pageB.text), version: '1', reason: '请补充具体位置' });
    expect(first.status).toBe(303);
    const second = await agents
      .staff!.post(`/suggestions/${s.id}/accept`)
      .type('form')
      .send({ _csrf: csrfFrom(pageA.text), version: '1' });
    expect(second.status).toBe(409);
    const after = await row(s.id);
    expect(after.status).toBe('RETURNED');
    expect(after.number).toBeNull();
  });

  it('numbers concurrent accepts without sharing a number', async () => {
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.services.db.suggestion.create({
          data: {
            townshipId: w.township.id,
            year: 2025,
            title: `并发立案${i}`,
            content: '并发立案内容，至少十个字。',
            category: 'OTHER',
            leadDeputyId: w.deputies.deputyA.id,
            status: 'SUBMITTED',
          },
        }),
      ),
    );
    const staff = (await t.services.auth.findSessionUser(w.users.staff.id))!;
    const saved = clock;
    clock = new Date('2025-01-06T09:00:00+08:00'); // numbered in the year of 立案
    await Promise.all(made.map((s) => t.services.suggestions.fire(staff, s.id, 'accept', { note: '' }, s.version)));
    clock = saved;
    const numbers = (await t.services.db.suggestion.findMany({ where: { year: 2025 }, select: { number: true } }))
      .map((s) => s.number)
      .sort();
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('bulk 交办 assigns all chosen suggestions or none', async () => {
    const mk = (n: number, status: 'ACCEPTED' | 'SUBMITTED') =>
      t.services.db.suggestion.create({
        data: {
          townshipId: w.township.id,
          year: 2024,
          number: n,
          title: `批量${n}`,
          content: '批量交办测试内容。。',
          category: 'OTHER',
          leadDeputyId: w.deputies.deputyA.id,
          status,
        },
      });
    const a = await mk(60, 'ACCEPTED');
    const b = await mk(61, 'ACCEPTED');
    const c = await mk(62, 'SUBMITTED');
    const csrf = csrfFrom((await agents.staff!.get('/suggestions')).text);
    const refused = await agents
      .staff!.post('/suggestions/bulk-assign')
      .type('form')
      .send({ _csrf: csrf, ids: [String(a.id), String(c.id)], leadUnitId: String(w.unit.id) });
    // The list comes back with the reason and the ticked suggestions still ticked.
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('当前不是待交办状态，本次批量交办未执行');
    expect(refused.text).toMatch(new RegExp(`name="ids" value="${a.id}"[^>]*checked`));
    expect((await row(a.id)).status).toBe('ACCEPTED');
    const ok = await agents
      .staff!.post('/suggestions/bulk-assign')
      .type('form')
      .send({ _csrf: csrf, ids: [String(a.id), String(b.id)], leadUnitId: String(w.unit.id) });
    expect(ok.status).toBe(303);
    expect((await row(a.id)).status).toBe('ASSIGNED');
    expect((await row(b.id)).status).toBe('ASSIGNED');
  });

  it('finds suggestions by Chinese words in title or content (full-text, and short words)', async () => {
    const hit = await agents.staff!.get('/suggestions?q=' + encodeURIComponent('主街排水沟'));
    expect(hit.text).toContain('关于修缮东明村排水沟的建议');
    expect(hit.text).not.toContain('张代表的建议');
    const short = await agents.staff!.get('/suggestions?q=' + encodeURIComponent('修缮'));
    expect(short.text).toContain('关于修缮东明村排水沟的建议');
    const none = await agents.staff!.get('/suggestions?q=' + encodeURIComponent('飞机场'));
    expect(none.text).toContain('没有符合条件的建议');
    // The index's hits are kept per word: a title changed since is found by its new words at once.
    const drain = await t.services.db.suggestion.findFirstOrThrow({ where: { title: '关于修缮东明村排水沟的建议' } });
    await t.services.db.suggestion.update({ where: { id: drain.id }, data: { title: '关于修缮东明村飞机场跑道的建议' } });
    expect((await agents.staff!.get('/suggestions?q=' + encodeURIComponent('飞机场'))).text).toContain('关于修缮东明村飞机场跑道的建议');
    await t.services.db.suggestion.update({ where: { id: drain.id }, data: { title: drain.title } });
  });

  it('carries unfinished suggestions into the next year’s list, marked 结转', async () => {
    const list = await agents.staff!.get('/suggestions?year=2025');
    expect(list.text).toContain('张代表的建议'); // 2024, still awaiting a reply
    expect(list.text).toMatch(/张代表的建议<\/a>(?: <span[^>]*>[^<]*<\/span>)* <span class="tag tag-off">结转<\/span>/);
    expect(list.text).not.toContain('关于修缮东明村排水沟的建议'); // 2024 but 办结
    const carried = await agents.staff!.get('/suggestions?year=2025&carried=1');
    expect(carried.text).toContain('张代表的建议');
    expect(carried.text).not.toContain('并发立案0'); // a 2025 item is not carried over
  });

  it('exports the filtered list as an .xlsx 台账 with Chinese headers', async () => {
    const res = await agents.staff!.get('/suggestions/export.xlsx?year=2024').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const sheet = (await workbookOf(res)).getWorksheet('代表建议台账')!;
    expect(sheet.getRow(2).getCell(1).value).toBe('编号');
    expect(sheet.getRow(2).getCell(2).value).toBe('标题');
    const titles = sheet.getColumn(2).values.slice(3);
    expect(titles).toContain('关于修缮东明村排水沟的建议');
    expect(titles).not.toContain('并发立案0'); // 2025
    expect(sheet.rowCount).toBe(2 + (await t.services.db.suggestion.count({ where: { year: 2024, NOT: { status: 'DRAFT' } } })));
  });

  it('computes the year statistics: 办复率, 满意率, 落实率', async () => {
    const stats = await t.services.suggestionStats.forYear({ townshipId: w.township.id }, 2024);
    expect(stats.total.count).toBeGreaterThan(0);
    expect(stats.total.replied).toBe(1);
    // The first reply (2024-03-03) was due 2024-08-01 (extended): on time. The re-handling
    // deadline set afterwards must not change that.
    expect(stats.total.repliedOnTime).toBe(1);
    expect(stats.total.rated).toBe(1);
    expect(stats.total.satisfied).toBe(1);
    expect(stats.total.toImplement).toBe(1);
    expect(stats.total.implemented).toBe(1);
    const page = await agents.chair!.get('/suggestions/stats?year=2024');
    expect(page.status).toBe(200);
    expect(page.text).toContain('满意率');
  });
});
