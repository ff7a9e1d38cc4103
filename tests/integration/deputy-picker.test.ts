import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import ejs from 'ejs';
import request from 'supertest';
import { worldApp } from '../helpers/world-app.js';
import { loginAs, type TestApp } from '../helpers/test-app.js';
import { createDeputy, TEST_PASSWORD, type World } from '../helpers/factories.js';

/** The deputy picker: a search endpoint instead of every deputy in a select. */
describe('deputy picker', () => {
  let t: TestApp;
  let w: World;
  let staff: request.Agent;

  beforeAll(async () => {
    ({ t, w, staff } = await worldApp());
    const other = await t.services.db.township.create({ data: { name: '外镇' } });
    await createDeputy(t.services.db, other.id, { name: '张外镇' });
    for (let i = 0; i < 30; i++)
      await createDeputy(t.services.db, w.township.id, { name: `张${String(i).padStart(2, '0')}`, village: '西营子村' });
  });
  afterAll(() => t.close());

  it('finds active deputies of the township by part of the name or village, by name, at most the limit', async () => {
    const res = await staff.get('/deputies/options.json?q=' + encodeURIComponent('张代'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ id: w.deputies.deputyA.id, name: '张代表', village: w.deputies.deputyA.village }]);
    const many = await staff.get('/deputies/options.json?q=' + encodeURIComponent('张'));
    expect(many.body).toHaveLength(20);
    expect((many.body as Array<{ name: string }>).map((d) => d.name)).not.toContain('张外镇');
    const byVillage = await staff.get('/deputies/options.json?limit=50&q=' + encodeURIComponent('西营子'));
    expect(byVillage.body).toHaveLength(30);
  });

  it('answers staff, presidium and deputies only', async () => {
    expect((await request(t.app).get('/deputies/options.json?q=张')).status).toBe(303);
    for (const [user, status] of [
      ['chair', 200],
      ['deputy', 200],
      ['unit', 403],
      ['auditor', 403],
    ] as const) {
      const agent = await loginAs(t.app, user, TEST_PASSWORD);
      expect((await agent.get('/deputies/options.json?q=' + encodeURIComponent('张'))).status, user).toBe(status);
    }
  });

  it('is the deputy filter of the suggestion list: only the chosen deputy is rendered, and it filters', async () => {
    const all = await staff.get('/suggestions');
    expect(all.status).toBe(200);
    expect(all.text).not.toContain('<select id="deputy"');
    expect(all.text).not.toContain('张29'); // no deputy listed in the page
    const res = await staff.get(`/suggestions?deputy=${w.deputies.deputyA.id}`);
    expect(res.text).toContain(`name="deputy" value="${w.deputies.deputyA.id}"`);
    expect(res.text).toContain('value="张代表"');
  });

  it('renders the chosen deputy escaped, with the id in a hidden field', async () => {
    const html = await ejs.renderFile(path.resolve('views/partials/deputy-picker.ejs'), {
      name: 'deputy',
      label: '代表',
      selected: { id: 7, name: '<b>张</b>', village: '东明村' },
    });
    expect(html).toContain('name="deputy" value="7"');
    expect(html).toContain('&lt;b&gt;张&lt;/b&gt;');
    expect(html).not.toContain('<b>张</b>');
    expect(html).toContain('data-source="/deputies/options.json"');
  });
});
