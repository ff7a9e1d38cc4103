import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../helpers/test-app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../../src/demo/index.js';
import { prepareDatabase } from '../../src/setup.js';
import { loadConfig } from '../../src/config.js';
import { yearRange } from '../../src/lib/format.js';
import { createTestDb } from '../helpers/test-db.js';

/** The demo data is the world of the 2023 report: its figures must come out of the data. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services.db);
});
afterAll(() => t.close());

describe('the 2023 work report', () => {
  it('is present and 定稿 on first start, delivered at 第四次会议, and prints', async () => {
    const report = await t.services.db.annualReport.findFirstOrThrow({ where: { year: 2023 }, include: { finalizedBy: true } });
    expect(report.status).toBe('FINAL');
    expect(report.finalizedBy?.username).toBe('chair');
    expect(report.presenterName).toBe('刘海龙');
    expect(report.finalizedAt!.toISOString()).toBe(new Date('2023-12-05T17:00:00+08:00').toISOString());
    const staff = await loginAs(t.app, 'staff', DEMO_PASSWORD);
    const print = await staff.get('/reports/2023/print');
    expect(print.status).toBe(200);
    expect(print.text).toContain('——2023年12月7日在东明镇第十九届人民代表大会第四次会议上');
    const docx = await staff.get('/reports/2023.docx').buffer(true);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('officedocument');
  });
});

describe('东明镇 demo data', () => {
  it('has the township, the 19th congress and its 4th session on 2023-12-07', async () => {
    const db = t.services.db;
    const township = await db.township.findUniqueOrThrow({ where: { name: '东明镇' } });
    const congress = await db.congress.findFirstOrThrow({ where: { townshipId: township.id, term: 19 } });
    const session = await db.congressSession.findFirstOrThrow({ where: { congressId: congress.id, number: 4 } });
    expect(session.date.toISOString()).toBe(new Date('2023-12-07T00:00:00+08:00').toISOString());
    const chair = await db.user.findUniqueOrThrow({ where: { username: 'chair' }, include: { deputy: true } });
    expect(chair.displayName).toBe('刘海龙');
    expect(chair.title).toBe('人大主席');
    expect(chair.deputy?.name).toBe('刘海龙');
  });

  it('has about 40 deputies at city, banner and town level', async () => {
    const db = t.services.db;
    const count = await db.deputy.count({ where: { township: { name: '东明镇' } } });
    expect(count).toBeGreaterThanOrEqual(35);
    expect(count).toBeLessThanOrEqual(45);
    for (const level of ['CITY', 'BANNER', 'TOWN'] as const) {
      expect(await db.deputyLevelHeld.count({ where: { level } })).toBeGreaterThan(0);
    }
  });

  it('set up two village stations in 2023 at 嘎查甸子村 and 上奈林村, and equipped the 代表之家', async () => {
    const db = t.services.db;
    const villages = await db.liaisonStation.findMany({
      where: { tier: 'VILLAGE', establishedOn: yearRange(2023) },
      orderBy: { village: 'asc' },
    });
    expect(villages.map((s) => s.village).sort()).toEqual(['上奈林村', '嘎查甸子村'].sort());
    const home = await db.liaisonStation.findFirstOrThrow({ where: { tier: 'TOWN_HOME' }, include: { equipment: true } });
    expect(home.equipment.map((e) => e.name)).toEqual(expect.arrayContaining(['电脑', '投影仪', '办公桌椅']));
  });

  it('has the two 2023 livelihood projects, voted, completed and in use: 400万元 and 100万元, 100 + 120 lamps', async () => {
    const db = t.services.db;
    const projects = await db.livelihoodProject.findMany({
      where: { year: 2023, phase: 'PASSED' },
      include: { outcomes: true },
      orderBy: { budgetYuan: 'desc' },
    });
    expect(projects.map((p) => [p.budgetYuan, p.status])).toEqual([
      [4_000_000, 'IN_USE'],
      [1_000_000, 'IN_USE'],
    ]);
    const lamps = projects[1]!.outcomes
      .filter((o) => o.unit === '盏')
      .map((o) => o.achieved)
      .sort((a, b) => a - b);
    expect(lamps).toEqual([100, 120]);
    for (const p of projects) expect(await db.projectVote.count({ where: { projectId: p.id, choice: 'FOR' } })).toBeGreaterThan(19);
  });

  it('counts just over 200 人次 of deputies’ activities in 2023', async () => {
    const { totalPersonTimes, items } = await t.services.activities.list(
      (await t.services.auth.findSessionUser((await t.services.db.user.findUniqueOrThrow({ where: { username: 'staff' } })).id))!,
      { year: 2023 },
    );
    expect(totalPersonTimes).toBeGreaterThan(200);
    expect(totalPersonTimes).toBeLessThan(210);
    const kinds = new Set(items.map((a) => a.kind));
    for (const k of ['OPEN_DAY', 'INSPECTION', 'RESEARCH', 'LEGAL_PUBLICITY', 'DISASTER_PUBLICITY', 'CULTURE'] as const)
      expect(kinds).toContain(k);
  });

  it('has 4 key suggestions in 2023 on 民生, 道路交通 and 乡村建设, assigned and supervised by presidium members', async () => {
    const db = t.services.db;
    const key = await db.suggestion.findMany({ where: { year: 2023, isKey: true }, include: { supervisor: true, assignments: true } });
    expect(key).toHaveLength(4);
    expect(new Set(key.map((s) => s.category))).toEqual(new Set(['LIVELIHOOD', 'ROADS_TRAFFIC', 'RURAL_CONSTRUCTION']));
    for (const s of key) {
      expect(s.supervisor?.role).toBe('PRESIDIUM');
      expect(s.assignments.some((a) => a.role === 'LEAD')).toBe(true);
    }
  });

  it('names a 督办人 only for a 重点建议, as the app does (README: vicechair supervises the 道路交通 key suggestion)', async () => {
    const db = t.services.db;
    expect(await db.suggestion.count({ where: { supervisorId: { not: null }, isKey: false } })).toBe(0);
    const vicechair = await db.user.findUniqueOrThrow({ where: { username: 'vicechair' } });
    const current = await db.suggestion.findMany({ where: { supervisorId: vicechair.id, year: { gt: 2023 } } });
    expect(current.map((s) => [s.category, s.isKey])).toEqual([['ROADS_TRAFFIC', true]]);
  });

  it('lets every demo account log in with the README password and open its home page', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const agent = await loginAs(t.app, account.username, DEMO_PASSWORD);
      const res = await agent.get('/').redirects(1);
      expect(res.status, account.username).toBe(200);
      expect(res.text).toContain(account.displayName);
    }
  });
});

describe('start-up', () => {
  it('never seeds demo data or accounts in production', async () => {
    const testDb = await createTestDb();
    try {
      const config = loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: testDb.url,
        SESSION_SECRET: 'a-production-secret-123',
        DATA_KEY: 'ab'.repeat(32),
      });
      await prepareDatabase(testDb.db, config);
      expect(await testDb.db.township.count()).toBe(0);
      expect(await testDb.db.user.count()).toBe(0);
    } finally {
      await testDb.cleanup();
    }
  });

  it('fills an empty database once outside production, and leaves it alone afterwards', async () => {
    const testDb = await createTestDb();
    try {
      const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: testDb.url });
      await prepareDatabase(testDb.db, config);
      const deputies = await testDb.db.deputy.count();
      expect(deputies).toBeGreaterThan(30);
      await prepareDatabase(testDb.db, config);
      expect(await testDb.db.deputy.count()).toBe(deputies);
    } finally {
      await testDb.cleanup();
    }
  });
});
