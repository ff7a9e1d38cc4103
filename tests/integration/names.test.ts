/**
 * Names beside ids come from lib/names, kept on SQLite until their table changes: a renamed unit or
 * deputy shows at once, whether it was renamed through this app's client or by another connection
 * to the same database (another instance, a script). On PostgreSQL the names are read per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { createDb } from '../../src/db.js';
import { namesOf } from '../../src/lib/names.js';
import type { TestApp } from '../helpers/test-app.js';
import { worldApp } from '../helpers/world-app.js';
import type { World } from '../helpers/factories.js';

let t: TestApp;
let w: World;
let staff: request.Agent;
beforeAll(async () => {
  ({ t, w, staff } = await worldApp({ now: () => new Date('2024-06-01T10:00:00+08:00') }));
});
afterAll(() => t.close());

describe('names shown beside ids', () => {
  it('shows a unit renamed through the app at once, on the list and the detail', async () => {
    const id = w.suggestions.mine.id;
    expect((await staff.get('/suggestions?year=2024')).text).toContain('农业农村办公室');
    expect((await staff.get(`/suggestions/${id}`)).text).toContain('农业农村办公室');
    await t.testDb.db.handlingUnit.update({ where: { id: w.unit.id }, data: { name: '农业农村服务中心' } });
    const list = (await staff.get('/suggestions?year=2024')).text;
    expect(list).toContain('农业农村服务中心');
    expect(list).not.toContain('农业农村办公室');
    expect((await staff.get(`/suggestions/${id}`)).text).toContain('农业农村服务中心');
  });

  it('shows a deputy renamed by another connection to the same database', async () => {
    expect((await staff.get('/suggestions?year=2024')).text).toContain('张代表');
    const other = createDb(t.testDb.url);
    try {
      await other.deputy.update({ where: { id: w.deputies.deputyA.id }, data: { name: '张改名' } });
    } finally {
      await other.$disconnect();
    }
    const list = (await staff.get('/suggestions?year=2024')).text;
    expect(list).toContain('张改名');
    expect((await staff.get(`/suggestions/${w.suggestions.mine.id}`)).text).toContain('张改名');
  });

  it('answers the ids asked for, skipping nulls, and nothing for an empty list', async () => {
    const names = await namesOf(t.testDb.db, 'unit', [w.unit.id, null, w.otherUnit.id, undefined]);
    expect(names.get(w.unit.id)?.name).toBe('农业农村服务中心');
    expect(names.get(w.otherUnit.id)?.name).toBe('交通管理站');
    expect((await namesOf(t.testDb.db, 'deputy', [null])).size).toBe(0);
  });
});
