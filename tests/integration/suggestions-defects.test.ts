import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { createTestApp, csrfFrom, loginAs, type TestApp } from '../helpers/test-app.js';
import { createSuggestion, createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';

/** The defects of issue 11 inside the suggestions feature, each as users met it. */
const clock = new Date('2024-05-10T09:00:00+08:00');
let t: TestApp;
let w: World;
const agents: Record<string, request.Agent> = {};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await createWorld(t.services.db);
  for (const name of ['staff', 'chair', 'deputy', 'unit']) agents[name] = await loginAs(t.app, name, TEST_PASSWORD);
});
afterAll(() => t.close());

async function post(who: string, path: string, fields: Record<string, string | string[]>, from = path) {
  const page = await agents[who]!.get(from);
  const version = /name="version" value="(\d+)"/.exec(page.text)?.[1];
  return agents[who]!.post(path)
    .type('form')
    .send({ _csrf: csrfFrom(page.text), ...(version ? { version } : {}), ...fields });
}
const summary = (html: string) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';

describe('registering a suggestion on a deputy’s behalf', () => {
  it('reports every missing field in one round, in the order of the form', async () => {
    const res = await post('staff', '/suggestions', { title: '', content: '', category: '', leadDeputyId: '' }, '/suggestions/new');
    expect(res.status).toBe(422);
    const messages = ['请选择领衔代表', '请填写标题', '请选择类别', '请填写建议内容'];
    const at = messages.map((m) => summary(res.text).indexOf(m));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe('the co-signer picker', () => {
  it('lists the deputies by pinyin (包 bao, 刘 liu, 张 zhang), not by code point', async () => {
    const form = (await agents.staff!.get('/suggestions/new')).text;
    const picker = form.slice(form.indexOf('cosigner-picker'));
    const order = ['包代表', '刘主席', '张代表'].map((n) => picker.indexOf(`data-name="${n}"`));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('filters by pinyin without JavaScript, keeping what was typed and ticked', async () => {
    const res = await post(
      'staff',
      '/suggestions',
      { intent: 'filter', cosignerFilter: 'zhang', title: '保留的标题', coSignerIds: String(w.deputies.deputyB.id) },
      '/suggestions/new',
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain('value="保留的标题"');
    expect(res.text).toMatch(/data-name="张代表"[^>]*>/);
    expect(res.text).not.toMatch(/data-name="张代表"[^>]* hidden>/);
    expect(res.text).toMatch(/data-name="刘主席"[^>]* hidden>/);
    // A ticked co-signer stays visible and ticked even when the filter does not match.
    expect(res.text).not.toMatch(/data-name="包代表"[^>]* hidden>/);
    expect(res.text).toMatch(new RegExp(`value="${w.deputies.deputyB.id}" checked`));
    expect(await t.services.db.suggestion.count({ where: { title: '保留的标题' } })).toBe(0);
  });
});

describe('editing a draft', () => {
  it('saves a co-signer added to the lead deputy’s draft (checked inside the edit’s transaction)', async () => {
    const s = await createSuggestion(t.services.db, w.township.id, w.deputies.deputyA.id, { status: 'DRAFT', title: '要加附议的草稿' });
    const fields = {
      intent: 'draft',
      title: '要加附议的草稿',
      content: '村里的道路需要硬化，雨天无法通行。',
      category: 'LIVELIHOOD',
      coSignerIds: String(w.deputies.deputyB.id),
    };
    const res = await post('deputy', `/suggestions/${s.id}`, fields, `/suggestions/${s.id}/edit`);
    expect(res.status).toBe(303);
    expect(await t.services.db.suggestionCoSigner.count({ where: { suggestionId: s.id, deputyId: w.deputies.deputyB.id } })).toBe(1);
  });
});

describe('督办 and 催办', () => {
  let id: number;
  beforeAll(async () => {
    const s = await createSuggestion(t.services.db, w.township.id, w.deputies.deputyA.id, {
      status: 'HANDLING',
      number: 50,
      supervisorId: w.users.presidium.id,
      isKey: true,
      assignedAt: new Date('2024-05-01T09:00:00+08:00'),
      deadline: new Date('2024-08-01T00:00:00+08:00'),
    });
    await t.services.db.suggestionAssignment.create({ data: { suggestionId: s.id, unitId: w.unit.id, role: 'LEAD' } });
    id = s.id;
  });

  it('refuses a date in the future or before 交办, with the values kept', async () => {
    const future = await post(
      'chair',
      `/suggestions/${id}/supervisions`,
      { way: 'CALL', date: '2099-01-01', note: '电话询问进度' },
      `/suggestions/${id}`,
    );
    expect(future.status).toBe(422);
    expect(future.text).toContain('督办日期不能晚于今天（2024年5月10日）');
    expect(future.text).toContain('电话询问进度');
    const early = await post(
      'chair',
      `/suggestions/${id}/supervisions`,
      { way: 'CALL', date: '2024-04-01', note: '早于交办' },
      `/suggestions/${id}`,
    );
    expect(early.status).toBe(422);
    expect(early.text).toContain('督办日期不能早于交办日期（2024年5月1日）');
    expect(await t.services.db.supervision.count({ where: { suggestionId: id } })).toBe(0);
  });

  it('records 催办 as 催办 in the history and says the unit is reminded', async () => {
    const res = await post(
      'chair',
      `/suggestions/${id}/supervisions`,
      { way: 'PROMPT', date: '2024-05-10', note: '请加快进度' },
      `/suggestions/${id}`,
    );
    expect(res.status).toBe(303);
    const page = (await agents.chair!.get(`/suggestions/${id}`)).text;
    expect(page).toContain('已催办，承办单位会收到提醒。');
    const history = page.slice(page.indexOf('<h2>办理过程</h2>'));
    expect(history).toMatch(/：催办 — 请加快进度/);
    expect(history).not.toContain('记录督办');
    expect(await t.services.db.notification.count({ where: { userId: w.users.unit.id, kind: 'prompt' } })).toBe(1);
  });
});

describe('the rating says what happens next', () => {
  const replied = async (category: 'A' | 'B') => {
    const s = await createSuggestion(t.services.db, w.township.id, w.deputies.deputyA.id, {
      status: 'REPLIED',
      number: category === 'A' ? 60 : 61,
      assignedAt: new Date('2024-03-01T09:00:00+08:00'),
    });
    await t.services.db.suggestionAssignment.create({ data: { suggestionId: s.id, unitId: w.unit.id, role: 'LEAD' } });
    await t.services.db.reply.create({ data: { suggestionId: s.id, unitId: w.unit.id, category, content: '答复内容' } });
    return s.id;
  };
  it('不满意: back to the unit with the new deadline; 满意 with an A reply: 办结', async () => {
    const a = await replied('A');
    const b = await replied('B');
    await post('deputy', `/suggestions/${b}/rate`, { attitude: 'SATISFIED', result: 'DISSATISFIED' }, `/suggestions/${b}`);
    expect((await agents.deputy!.get(`/suggestions/${b}`)).text).toContain(
      '测评已提交（办理态度满意，办理结果不满意）。建议已退回承办单位重新办理，2024年6月10日前再次答复。',
    );
    await post('deputy', `/suggestions/${a}/rate`, { attitude: 'SATISFIED', result: 'SATISFIED' }, `/suggestions/${a}`);
    expect((await agents.deputy!.get(`/suggestions/${a}`)).text).toContain('测评已提交（办理态度满意，办理结果满意）。建议已办结。');
  });
});

describe('a page number past the end', () => {
  it('shows the last page, without a link to a page that does not exist', async () => {
    await t.services.db.suggestion.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        townshipId: w.township.id,
        year: 2024,
        number: 200 + i,
        title: `分页测试${i}`,
        content: '分页测试内容',
        category: 'OTHER' as const,
        leadDeputyId: w.deputies.deputyB.id,
        status: 'SUBMITTED' as const,
      })),
    });
    const res = await agents.staff!.get('/suggestions?page=999');
    expect(res.status).toBe(200);
    const pageCount = /第 (\d+)\/(\d+) 页/.exec(res.text);
    expect(pageCount?.[1]).toBe(pageCount?.[2]);
    expect(res.text).toContain('上一页');
    expect(res.text).not.toContain('下一页');
    expect(res.text).toContain('/suggestions/'); // rows of the last page, not an empty table
    expect(res.text).not.toContain('没有符合条件的建议');
  });
});
