/**
 * The statistics, the dashboard, the printed report and each user's suggestion list are rendered
 * once and kept (lib/cached's cachedPage) until a record changes: a change through the app's client
 * or by another connection shows on the next visit, the kept body carries nothing of the user who
 * caused it to be rendered, and its forms get each visit's own tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { createDb } from '../../src/db.js';
import { csrfFrom, loginAs, type TestApp } from '../helpers/test-app.js';
import { worldApp } from '../helpers/world-app.js';
import { TEST_PASSWORD, createSuggestion, type World } from '../helpers/factories.js';

let t: TestApp;
let w: World;
let staff: request.Agent;
let chair: request.Agent;
beforeAll(async () => {
  ({ t, w, staff } = await worldApp({ now: () => new Date('2024-06-01T10:00:00+08:00') }));
  chair = await loginAs(t.app, 'chair', TEST_PASSWORD);
});
afterAll(() => t.close());

/** The figure of a stat tile on the statistics page: `<b>N</b><span>label</span>`. */
function tile(html: string, label: string): string | undefined {
  return new RegExp(`<b>([^<]*)</b><span>${label}</span>`).exec(html)?.[1];
}

describe('pages kept rendered until a record changes', () => {
  it('shows a suggestion filed through the app on the statistics page and the dashboard at once', async () => {
    const before = (await staff.get('/suggestions/stats?year=2024')).text;
    const received = Number(tile(before, '收到建议'));
    expect(received).toBeGreaterThan(0);
    const dashboard = (await staff.get('/dashboard?year=2024')).text;
    expect(dashboard).toContain(`${received}件`);

    await createSuggestion(t.services.db, w.township.id, w.deputies.deputyA.id, { title: '新的建议', status: 'SUBMITTED' });
    expect(Number(tile((await staff.get('/suggestions/stats?year=2024')).text, '收到建议'))).toBe(received + 1);
    expect((await staff.get('/dashboard?year=2024')).text).toContain(`${received + 1}件`);
  });

  it('shows a suggestion filed by another connection to the same database', async () => {
    const received = Number(tile((await staff.get('/suggestions/stats?year=2024')).text, '收到建议'));
    const other = createDb(t.testDb.url);
    try {
      await createSuggestion(other, w.township.id, w.deputies.deputyB.id, { title: '另一连接的建议', status: 'SUBMITTED' });
    } finally {
      await other.$disconnect();
    }
    expect(Number(tile((await staff.get('/suggestions/stats?year=2024')).text, '收到建议'))).toBe(received + 1);
  });

  it('keeps only the body: each user sees their own name and token around the same figures', async () => {
    const a = (await staff.get('/suggestions/stats?year=2024')).text;
    const b = (await chair.get('/suggestions/stats?year=2024')).text;
    expect(a).toContain('王工作');
    expect(a).not.toContain('刘主席');
    expect(b).toContain('刘主席');
    expect(b).not.toContain('王工作');
    expect(csrfFrom(a)).not.toBe(csrfFrom(b));
    const body = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(body(b)).toBe(body(a));
  });

  it('sends a kept page as UTF-8 HTML of the right length, twice the same, and no body to HEAD', async () => {
    for (const path of ['/suggestions/stats?year=2024', '/dashboard?year=2024']) {
      const [first, second] = [await staff.get(path), await staff.get(path)];
      for (const res of [first, second]) {
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
        expect(res.text).toMatch(/^<!doctype html>/i);
        expect(res.text.trimEnd()).toMatch(/<\/html>$/);
      }
      const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      expect(main(second.text)).toBe(main(first.text));
      const head = await staff.head(path);
      expect(head.status).toBe(200);
      expect(head.headers['content-length']).toBe(first.headers['content-length']);
      expect(head.text ?? '').toBe('');
    }
  });

  it('prints the report as last saved, also when another connection saved it', async () => {
    const list = await staff.get('/reports');
    const made = await staff
      .post('/reports/2024/generate')
      .type('form')
      .send({ _csrf: csrfFrom(list.text) });
    expect(made.status).toBe(303);
    expect((await chair.get('/reports/2024/print')).text).toContain('人大工作报告');
    await t.services.db.annualReport.updateMany({ where: { year: 2024 }, data: { title: '主席团工作报告' } });
    expect((await chair.get('/reports/2024/print')).text).toContain('主席团工作报告');
    const other = createDb(t.testDb.url);
    try {
      await other.annualReport.updateMany({ where: { year: 2024 }, data: { title: '人大主席团年度报告' } });
    } finally {
      await other.$disconnect();
    }
    const printed = await staff.get('/reports/2024/print');
    expect(printed.text).toContain('人大主席团年度报告');
    expect(printed.headers['content-type']).toMatch(/^text\/html/);
    // Every print is still audited, kept or not.
    expect(await t.services.db.auditLog.count({ where: { action: 'report.print' } })).toBeGreaterThanOrEqual(3);
  });

  it('still answers 404 for a year without a report, and keeps no page for it', async () => {
    expect((await staff.get('/reports/2019/print')).status).toBe(404);
    expect((await staff.get('/reports/2019/print')).status).toBe(404);
  });
});

describe('the suggestion list, kept rendered per user until a suggestion, deputy or unit changes', () => {
  const onces = (html: string) => [...html.matchAll(/name="_once" value="([^"]+)"/g)].map((m) => m[1]!);

  it('shows changes through the app and by another connection at once', async () => {
    const list = () => staff.get('/suggestions?year=2024&sort=number').then((r) => r.text);
    expect(await list()).not.toContain('列表里新的建议');
    const s = await createSuggestion(t.services.db, w.township.id, w.deputies.deputyA.id, { title: '列表里新的建议', status: 'SUBMITTED' });
    expect(await list()).toContain('列表里新的建议');
    const other = createDb(t.testDb.url);
    try {
      await other.suggestion.update({ where: { id: s.id }, data: { title: '另一连接改过的建议' } });
      expect(await list()).toContain('另一连接改过的建议');
      await other.deputy.update({ where: { id: w.deputies.deputyA.id }, data: { name: '张改名' } });
      expect(await list()).toContain('张改名');
    } finally {
      await other.deputy.update({ where: { id: w.deputies.deputyA.id }, data: { name: w.deputies.deputyA.name } });
      await other.$disconnect();
    }
    expect(await list()).not.toContain('张改名');
  });

  it('gives every visit its own one-time tokens and the session’s CSRF token, and the kept form works', async () => {
    const mk = (title: string) => createSuggestion(t.services.db, w.township.id, w.deputies.deputyB.id, { title, status: 'ACCEPTED' });
    const [a, b] = [await mk('待批量交办甲'), await mk('待批量交办乙')];
    const first = (await staff.get('/suggestions?status=ACCEPTED')).text;
    const second = (await staff.get('/suggestions?status=ACCEPTED')).text;
    expect(first).toContain('批量交办');
    // the same kept body: the same rows, but fresh tokens for each form of each visit
    expect(onces(first).length).toBeGreaterThanOrEqual(2);
    expect(new Set([...onces(first), ...onces(second)]).size).toBe(onces(first).length + onces(second).length);
    for (const html of [first, second]) expect(html).not.toMatch(/_slot_/);
    const csrf = csrfFrom(first);
    expect([...first.matchAll(/name="_csrf" value="([^"]+)"/g)].every((m) => m[1] === csrf)).toBe(true);
    // the chair's own list of the same filter carries the chair's token
    expect(csrfFrom((await chair.get('/suggestions?status=ACCEPTED&scope=all')).text)).not.toBe(csrf);

    const form = first.slice(first.indexOf('id="bulk"'));
    const once = /name="_once" value="([^"]+)"/.exec(form)![1]!;
    const send = () =>
      staff
        .post('/suggestions/bulk-assign')
        .type('form')
        .send({ _csrf: csrf, _once: once, ids: [String(a.id), String(b.id)], leadUnitId: String(w.unit.id) });
    expect((await send()).status).toBe(303);
    expect((await t.services.db.suggestion.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('ASSIGNED');
    // the same form sent again writes nothing twice (its one-time token is spent) …
    expect((await send()).status).toBe(303);
    expect(await t.services.db.suggestionEvent.count({ where: { suggestionId: a.id, toStatus: 'ASSIGNED' } })).toBe(1);
    // … and the list shows them assigned at once
    expect((await staff.get('/suggestions?status=ACCEPTED')).text).not.toContain('待批量交办甲');
  });
});

describe('a suggestion and a deputy’s tasks, kept rendered per reader until a record changes', () => {
  it('shows a suggestion changed by another connection, with fresh tokens in its action forms', async () => {
    const s = await createSuggestion(t.services.db, w.township.id, w.deputies.deputyA.id, { title: '详情页的建议', status: 'ACCEPTED' });
    const first = (await staff.get(`/suggestions/${s.id}`)).text;
    const second = (await staff.get(`/suggestions/${s.id}`)).text;
    expect(first).toContain('详情页的建议');
    const onces = (html: string) => [...html.matchAll(/name="_once" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(onces(first).length).toBeGreaterThan(0);
    expect(onces(first).some((o) => onces(second).includes(o))).toBe(false);
    expect(first).not.toMatch(/_slot_/);
    const other = createDb(t.testDb.url);
    try {
      await other.suggestion.update({ where: { id: s.id }, data: { title: '详情页改过的建议' } });
    } finally {
      await other.$disconnect();
    }
    const after = await staff.get(`/suggestions/${s.id}`);
    expect(after.text).toContain('<title>详情页改过的建议');
    // a suggestion out of the reader's scope stays 404, every time
    expect((await staff.get('/suggestions/999999')).status).toBe(404);
    expect((await staff.get('/suggestions/999999')).status).toBe(404);
  });

  it('shows a task assigned to the deputy at once', async () => {
    const deputy = await loginAs(t.app, 'deputy', TEST_PASSWORD);
    expect((await deputy.get('/me/tasks')).text).not.toContain('新安排的视察任务');
    const other = createDb(t.testDb.url);
    try {
      await other.supervisionTask.create({
        data: {
          townshipId: w.township.id,
          kind: 'INSPECT_PROJECT',
          title: '新安排的视察任务',
          dueDate: new Date('2099-01-31T00:00:00+08:00'),
          assignedById: w.users.staff.id,
          assignments: { create: [{ deputyId: w.deputies.deputyA.id }] },
        },
      });
    } finally {
      await other.$disconnect();
    }
    expect((await deputy.get('/me/tasks')).text).toContain('新安排的视察任务');
  });
});

describe('the header and footer around a page, kept per user, page and unread count', () => {
  const head = (html: string) => html.slice(0, html.indexOf('<main'));
  const stats = '/suggestions/stats?year=2024';

  it('shows the user’s own unread count and menu item at once, and fresh tokens in the logout form', async () => {
    const unread = await t.services.db.notification.count({ where: { userId: w.users.staff.id, readAt: null } });
    const first = await staff.get(stats);
    const again = await staff.get(stats);
    expect(head(first.text)).toContain('王工作');
    expect(head(first.text)).not.toContain(`${unread + 1}条未读`);
    const onceOf = (html: string) => /name="_once" value="([^"]+)"/.exec(head(html))![1];
    expect(onceOf(again.text)).not.toBe(onceOf(first.text));
    expect(csrfFrom(head(again.text))).toBe(csrfFrom(head(first.text)));
    expect(head(again.text)).not.toMatch(/_slot_/);

    await t.services.db.notification.create({ data: { userId: w.users.staff.id, kind: 'x', title: '页头的提醒' } });
    expect(head((await staff.get(stats)).text)).toContain(`${unread + 1}条未读`);
    // the chair's header is the chair's own, without the staff's count
    const chairs = head((await chair.get(stats)).text);
    expect(chairs).toContain('刘主席');
    expect(chairs).not.toContain('王工作');

    const current = (html: string) => /<a href="([^"]+)" aria-current="page">/.exec(head(html))?.[1];
    expect(current((await staff.get(stats)).text)).toBe('/suggestions/stats');
    expect(current((await staff.get('/dashboard?year=2024')).text)).toBe('/dashboard');
  });

  it('shows a flash message on the next page only', async () => {
    const s = await createSuggestion(t.services.db, w.township.id, w.deputies.deputyA.id, { title: '页头提示的建议', status: 'ACCEPTED' });
    const list = (await staff.get('/suggestions?status=ACCEPTED')).text;
    const send = await staff
      .post('/suggestions/bulk-assign')
      .type('form')
      .send({
        _csrf: csrfFrom(list),
        _once: /name="_once" value="([^"]+)"/.exec(list.slice(list.indexOf('id="bulk"')))![1],
        ids: [String(s.id)],
        leadUnitId: String(w.unit.id),
      });
    expect(send.status).toBe(303);
    expect((await staff.get(stats)).text).toContain('已批量交办 1 件建议');
    expect((await staff.get(stats)).text).not.toContain('已批量交办');
  });
});
