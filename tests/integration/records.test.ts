import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../helpers/test-app.js';
import { seedDemo, DEMO_PASSWORD } from '../../src/demo/index.js';
import { townshipUser } from '../helpers/factories.js';

/** 代表履职档案 on the 东明镇 demo data. */
let t: TestApp;
let ids: Record<string, number>;
const NOW = new Date('2026-11-30T10:00:00+08:00');
beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  await seedDemo(t.services.db, { now: NOW });
  const rows = await t.services.db.deputy.findMany({ where: { name: { in: ['宝音图', '陈淑芬'] } }, select: { id: true, name: true } });
  ids = Object.fromEntries(rows.map((r) => [r.name, r.id]));
});
afterAll(() => t.close());

describe('代表履职档案', () => {
  it('gathers one year of a deputy’s work with counts, and matches the data', async () => {
    const staff = await townshipUser(t.services.db, 'staff');
    const record = await t.services.records.forDeputy({ ...staff }, ids['宝音图']!, 2023);
    const db = t.services.db;
    const range = { gte: new Date('2023-01-01T00:00:00+08:00'), lt: new Date('2024-01-01T00:00:00+08:00') };
    expect(record.counts.activities).toBe(
      await db.activityParticipant.count({ where: { deputyId: ids['宝音图'], activity: { date: range } } }),
    );
    expect(record.counts.led).toBe(
      await db.suggestion.count({ where: { leadDeputyId: ids['宝音图'], year: 2023, status: { not: 'DRAFT' } } }),
    );
    expect(record.counts.opinions).toBe(await db.voterOpinion.count({ where: { deputyId: ids['宝音图'], reception: { date: range } } }));
    expect(record.counts.activities).toBeGreaterThan(0);
    expect(record.counts.receptions).toBeGreaterThan(0);
    expect(record.years).toEqual(expect.arrayContaining([2023, 2026]));
  });

  it('the deputy sees their own record through /me; staff and presidium see anyone’s; others are refused', async () => {
    const deputy = await loginAs(t.app, 'deputy', DEMO_PASSWORD);
    const me = await deputy.get('/me');
    expect(me.status).toBe(303);
    expect(me.headers.location).toBe(`/deputies/${ids['宝音图']}`);
    const own = await deputy.get(`${me.headers.location}?year=2023`);
    expect(own.status).toBe(200);
    expect(own.text).toContain('履职档案 · 2023年');
    expect(own.text).toContain('领衔建议');
    expect(own.text).toContain('打印年度履职报告');
    expect((await deputy.get(`/deputies/${ids['陈淑芬']}`)).status).toBe(403);
    expect((await deputy.get(`/deputies/${ids['陈淑芬']}/record?year=2023`)).status).toBe(403);
    for (const name of ['staff', 'chair']) {
      const agent = await loginAs(t.app, name, DEMO_PASSWORD);
      expect((await agent.get(`/deputies/${ids['陈淑芬']}?year=2024`)).status).toBe(200);
    }
    const unit = await loginAs(t.app, 'unit', DEMO_PASSWORD);
    expect((await unit.get(`/deputies/${ids['宝音图']}/record`)).status).toBe(403);
  });

  it('counts only suggestions the deputy submitted: a draft is not a 领衔建议 on the record', async () => {
    const db = t.services.db;
    const draft = await db.suggestion.findFirstOrThrow({ where: { leadDeputyId: ids['宝音图'], status: 'DRAFT' } });
    const staff = await townshipUser(db, 'staff');
    const record = await t.services.records.forDeputy({ ...staff }, ids['宝音图']!, draft.year);
    expect(record.led.map((s) => s.title)).not.toContain(draft.title);
    expect(record.counts.led).toBe(
      await db.suggestion.count({ where: { leadDeputyId: ids['宝音图'], year: draft.year, status: { not: 'DRAFT' } } }),
    );
    const deputy = await loginAs(t.app, 'deputy', DEMO_PASSWORD);
    const printed = await deputy.get(`/deputies/${ids['宝音图']}/record?year=${draft.year}`);
    expect(printed.text).not.toContain(draft.title);
    expect(printed.text).toContain(`领衔提出建议${record.counts.led}件`);
  });

  it('prints a 代表年度履职报告 for one deputy and one year on its own A4 stylesheet', async () => {
    const deputy = await loginAs(t.app, 'deputy', DEMO_PASSWORD);
    const res = await deputy.get(`/deputies/${ids['宝音图']}/record?year=2023`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('代表年度履职报告');
    expect(res.text).toContain('2023年度 · 宝音图');
    expect(res.text).toContain('/css/a4.css');
    expect(res.text).not.toContain('/css/app.css');
    expect(res.text).toContain('东明镇人大主席团');
  });
});
