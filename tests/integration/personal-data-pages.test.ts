import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import ExcelJS from 'exceljs';
import { worldApp } from '../helpers/world-app.js';
import { csrfFrom, loginAs, type TestApp, binary } from '../helpers/test-app.js';
import { TEST_PASSWORD, type World } from '../helpers/factories.js';

let t: TestApp;
let w: World;
let staff: request.Agent;
let opinionId: number;
beforeAll(async () => {
  ({ t, w, staff } = await worldApp());
  const o = await t.services.db.voterOpinion.create({
    data: { townshipId: w.township.id, content: '村口路灯不亮', voterName: '王选民', voterPhone: '15047516648' },
  });
  opinionId = o.id;
});
afterAll(() => t.close());

const reveals = () => t.services.db.auditLog.findMany({ where: { action: 'personal.reveal' }, orderBy: { id: 'asc' } });

describe("deputies' phone numbers", () => {
  it('are masked in the roster and found by the full number however it is typed', async () => {
    const list = await staff.get('/deputies');
    expect(list.text).toContain('138****2222');
    expect(list.text).not.toContain('13811112222');
    for (const q of ['13811112222', '138 1111 2222', '+86 138-1111-2222']) {
      const found = await staff.get('/deputies').query({ q });
      expect(found.text).toContain('张代表');
      expect(found.text).not.toContain('包代表');
    }
    expect((await staff.get('/deputies').query({ q: '1381111' })).text).not.toContain('张代表');
  });

  it('are shown in full on the record page only after 显示完整号码, which is audited', async () => {
    const id = w.deputies.deputyA.id;
    const page = await staff.get(`/deputies/${id}`);
    expect(page.text).toContain('138****2222');
    expect(page.text).not.toContain('13811112222');
    expect(page.text).toContain('显示完整号码');
    const before = (await reveals()).length;
    const posted = await staff
      .post(`/deputies/${id}/reveal-phone`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    // Post/redirect/get: back to the page, which shows the number once; a reload shows it masked
    // again and neither re-posts the form nor writes a second audit row.
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe(`/deputies/${id}`);
    const shown = await staff.get(posted.headers.location!);
    expect(shown.text).toContain('13811112222');
    expect(shown.text).not.toContain('显示完整号码');
    const reloaded = await staff.get(`/deputies/${id}`);
    expect(reloaded.text).toContain('138****2222');
    expect(reloaded.text).not.toContain('13811112222');
    const rows = await reveals();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ actorId: w.users.staff.id, entity: 'Deputy', entityId: String(id) });
    // The grant is for that record only.
    await staff
      .post(`/deputies/${id}/reveal-phone`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    expect((await staff.get(`/deputies/${w.deputies.deputyB.id}`)).text).not.toContain('13933334444');
  });

  it('are shown in full to the deputy on their own page; another deputy cannot reveal', async () => {
    const deputy = await loginAs(t.app, 'deputy', TEST_PASSWORD);
    const own = await deputy.get(`/deputies/${w.deputies.deputyA.id}`);
    expect(own.text).toContain('13811112222');
    expect(own.text).not.toContain('显示完整号码');
    const reveal = await deputy
      .post(`/deputies/${w.deputies.deputyB.id}/reveal-phone`)
      .type('form')
      .send({ _csrf: csrfFrom(own.text) });
    expect(reveal.status).toBe(403);
    expect(reveal.text).not.toContain('13933334444');
  });

  it('are full in the roster .xlsx for staff (a working file, not for circulation)', async () => {
    const res = await staff.get('/deputies/export.xlsx').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    const cells: unknown[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells).toContain('13811112222');
  });
});

describe("voters' phone numbers", () => {
  it('are masked in the list, found by the full number, revealed on the page by staff only (audited)', async () => {
    const list = await staff.get('/opinions');
    expect(list.text).toContain('150****6648');
    expect(list.text).not.toContain('15047516648');
    expect((await staff.get('/opinions').query({ phone: '150 4751 6648' })).text).toContain('村口路灯不亮');
    expect((await staff.get('/opinions').query({ phone: '15047516649' })).text).not.toContain('村口路灯不亮');
    expect((await staff.get('/opinions').query({ phone: 'abc' })).text).not.toContain('村口路灯不亮');

    const page = await staff.get(`/opinions/${opinionId}`);
    expect(page.text).not.toContain('15047516648');
    const shown = await staff
      .post(`/opinions/${opinionId}/reveal-phone`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .redirects(1);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('15047516648');
    expect((await staff.get(`/opinions/${opinionId}`)).text).not.toContain('15047516648');
    expect((await reveals()).at(-1)).toMatchObject({ entity: 'VoterOpinion', entityId: String(opinionId) });

    const chair = await loginAs(t.app, 'chair', TEST_PASSWORD);
    const seen = await chair.get(`/opinions/${opinionId}`);
    expect(seen.text).toContain('150****6648');
    expect(seen.text).not.toContain('显示完整号码');
    const refused = await chair
      .post(`/opinions/${opinionId}/reveal-phone`)
      .type('form')
      .send({ _csrf: csrfFrom(seen.text) });
    expect(refused.status).toBe(403);
    // A phone filter is staff's: for others it is ignored, never a way to confirm a number.
    expect((await chair.get('/opinions').query({ phone: '15047516649' })).text).toContain('村口路灯不亮');
  });
});
