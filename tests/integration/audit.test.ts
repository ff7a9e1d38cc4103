import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import { createTestApp, csrfFrom, loginAs, type TestApp, binary, workbookOf } from '../helpers/test-app.js';
import { createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';
import express from 'express';
import { PROJECT_ROOT } from '../../src/paths.js';
import type { App } from '../../src/app.js';
import { createTestDb } from '../helpers/test-db.js';
import { createAuditCoverage } from '../helpers/audit-coverage.js';
import { createAuditService, EXPORT_BATCH } from '../../src/features/audit/audit.service.js';
import { auditExportTitle } from '../../src/features/audit/audit.export.js';

/** Tests that open the SQLite file itself (better-sqlite3): not on PostgreSQL (TEST_DATABASE_URL). */
const SQLITE_FILE_ONLY = Boolean(process.env.TEST_DATABASE_URL);

/** The audit log as the 审计管理员 and the 安全管理员 see it, and its tamper evidence. */
let t: TestApp;
let w: World;
let auditor: request.Agent;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.services.db);
  auditor = await loginAs(t.app, 'auditor', TEST_PASSWORD);
});
afterAll(() => t.close());

async function failLogin(username: string, password = 'wrong-password-1') {
  const agent = request.agent(t.app);
  const page = await agent.get('/login');
  return agent
    .post('/login')
    .type('form')
    .send({ username, password, _csrf: csrfFrom(page.text) });
}

describe('what the auditor sees', () => {
  it('a failed login of an unknown username, with the name typed, the address and 拒绝', async () => {
    await failLogin('no-such-person');
    const res = await auditor.get('/audit?group=auth&result=DENIED');
    expect(res.status).toBe(200);
    expect(res.text).toContain('未知用户“no-such-person”');
    expect(res.text).toContain('登录失败（用户名或密码错误）');
    expect(res.text).toMatch(/<span class="tag tag-result-denied">拒绝<\/span>/);
    const row = await t.services.db.auditLog.findFirstOrThrow({ where: { username: 'no-such-person' } });
    expect(row).toMatchObject({ action: 'login.failure', result: 'DENIED', actorId: null });
    expect(row.ip).not.toBe('');
  });

  it('actions in Chinese and records by name with a link, never a code or "User #"', async () => {
    const id = w.deputies.deputyA.id;
    await t.services.audit.record(w.users.staff, { action: 'deputy.update', entity: 'Deputy', entityId: id, detail: { name: '张三' } });
    const page = await auditor.get('/audit?group=deputies');
    expect(page.text).toContain('修改代表信息');
    expect(page.text).toContain(`代表 ${w.deputies.deputyA.name}`);
    expect(page.text).toContain(`href="?entity=Deputy&amp;entityId=${id}"`);
    expect(page.text).toContain(`王工作（staff）`);
    expect(page.text).not.toMatch(/deputy\.update|User #|#\d+</);
  });

  it('details in Chinese: the code a voter used, the field revealed, flags and lists, never raw keys', async () => {
    const id = w.deputies.deputyA.id;
    await t.services.audit.record(null, { action: 'opinion.submit', entity: 'Deputy', entityId: id, detail: { via: 'd', to: id } });
    await t.services.audit.record(w.users.staff, { action: 'personal.reveal', entity: 'Deputy', entityId: id, detail: { field: 'phone' } });
    await t.services.audit.record(w.users.staff, {
      action: 'voter-code.issue',
      entity: 'Deputy',
      entityId: id,
      detail: { reissued: true },
    });
    const page = await auditor.get(`/audit?entity=Deputy&entityId=${id}`);
    expect(page.text).toContain(`渠道：代表码；代表编号：${id}`);
    expect(page.text).toContain('信息项：联系电话');
    expect(page.text).toContain('重新生成：是');
    expect(page.text).not.toMatch(/via：|field：|reissued：|：true|：phone/);
  });

  it('filters by person, action group, result and date range, and follows one record', async () => {
    const byPerson = await auditor.get(`/audit?actor=${w.users.staff.id}`);
    expect(byPerson.text).toContain('王工作（staff）');
    expect(byPerson.text).not.toContain('未知用户“no-such-person”');
    const byName = await auditor.get('/audit?who=no-such');
    expect(byName.text).toContain('未知用户“no-such-person”');
    const future = await auditor.get('/audit?from=2099-01-01');
    expect(future.text).toContain('没有符合条件的记录');
    const today = await auditor.get('/audit?from=2020-01-01&to=2099-12-31&result=SUCCESS&group=auth');
    expect(today.text).toContain('登录成功');
    expect(today.text).not.toContain('登录失败（用户名或密码错误）');
    const record = await auditor.get(`/audit?entity=Deputy&entityId=${w.deputies.deputyA.id}`);
    expect(record.text).toContain('某一记录的全部操作');
    expect(record.text).not.toContain('登录成功');
  });

  it('exports the filtered log as .xlsx, and the export is itself in the log', async () => {
    const res = await auditor.get('/audit.xlsx?group=auth').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    const sheet = book.getWorksheet('审计日志')!;
    expect(sheet.getRow(2).values).toEqual([undefined, '序号', '时间', '用户', '操作', '结果', '对象', '详情', '来源地址']);
    const actions = sheet.getColumn(4).values.slice(3);
    expect(actions).toContain('登录失败（用户名或密码错误）');
    expect(actions).not.toContain('修改代表信息');
    const row = await t.services.db.auditLog.findFirstOrThrow({ where: { action: 'audit.export' }, orderBy: { id: 'desc' } });
    expect(row.actorId).toBe(w.users.auditor.id);
  });

  it('a refused request (403) and a forged form (CSRF) are in the log as 拒绝', async () => {
    const deputy = await loginAs(t.app, 'deputy', TEST_PASSWORD);
    expect((await deputy.get('/deputies/export.xlsx')).status).toBe(403);
    expect((await deputy.post('/notifications/read-all').type('form').send({ _csrf: 'forged' })).status).toBe(403);
    const rows = await t.services.db.auditLog.findMany({ where: { actorId: w.users.deputy.id, result: 'DENIED' } });
    expect(rows.map((r) => r.action).sort()).toEqual(['access.csrf', 'access.denied']);
    const page = await auditor.get('/audit?group=denied');
    expect(page.text).toContain('越权访问被拒绝');
    expect(page.text).toContain('来源不明的提交被拒绝（CSRF）');
    expect(page.text).toContain('/deputies/export.xlsx');
  });

  it('every download and print of personal data or a ledger is recorded', async () => {
    const staff = await loginAs(t.app, 'staff', TEST_PASSWORD);
    const before = await t.services.db.auditLog.count();
    expect((await staff.get('/deputies/export.xlsx')).status).toBe(200);
    expect((await staff.get('/suggestions/export.xlsx')).status).toBe(200);
    expect((await staff.get(`/suggestions/${w.suggestions.mine.id}/print`)).status).toBe(200);
    const rows = await t.services.db.auditLog.findMany({ where: { id: { gt: before }, actorId: w.users.staff.id } });
    expect(rows.map((r) => r.action)).toEqual(['deputy.export', 'suggestion.export', 'suggestion.print']);
  });
});

describe('the security administrator', () => {
  it('sees security events only, without business records, and cannot open /audit', async () => {
    const secadmin = await loginAs(t.app, 'secadmin', TEST_PASSWORD);
    const res = await secadmin.get('/admin/security-events');
    expect(res.status).toBe(200);
    expect(res.text).toContain('未知用户“no-such-person”');
    expect(res.text).toContain('登录成功');
    expect(res.text).not.toContain('修改代表信息');
    expect(res.text).not.toContain('导出代表名册');
    expect(res.text).not.toContain(`代表 ${w.deputies.deputyA.name}`);
    expect((await secadmin.get('/audit')).status).toBe(403);
    expect((await auditor.get('/admin/security-events')).status).toBe(403);
  });
});

describe('the export, read and written a batch at a time', () => {
  const WHO = 'batch-clerk';
  let mine: number[] = [];
  /** The rows of WHO another township's auditor sees: theirs and those of no township. */
  let theirs: number[] = [];
  let otherAuditor: string;

  /** The 序号 column of an export, below the title and the header, and the title. */
  async function exported(path: string): Promise<{ title: string; ids: number[] }> {
    const res = await auditor.get(path).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheet = (await workbookOf(res)).getWorksheet('审计日志')!;
    const ids: number[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) ids.push(row.getCell(1).value as number);
    });
    return { title: sheet.getCell(1, 1).text, ids };
  }

  beforeAll(async () => {
    const db = t.services.db;
    const other = await createWorld(db, '外');
    otherAuditor = other.users.auditor.username;
    // 2,500 rows of WHO in the auditor's scope (their township's, and some of no township), interleaved
    // with rows of another name and rows of WHO in another township, so that the batches' edges fall on
    // gaps in the ids.
    const data = [];
    for (let i = 0; i < 3400; i++) {
      const kind = i % 17 === 5 ? 'elsewhere' : i % 9 === 4 ? 'someone-else' : 'mine';
      data.push({
        townshipId: kind === 'elsewhere' ? other.township.id : i % 10 === 0 ? null : w.township.id,
        action: 'suggestion.update',
        username: kind === 'someone-else' ? 'another-clerk' : WHO,
        entity: 'Suggestion',
        entityId: String(w.suggestions.mine.id),
        detail: JSON.stringify({ rows: i }),
      });
      if (data.filter((d) => d.username === WHO && d.townshipId !== other.township.id).length === 2500) break;
    }
    await db.auditLog.createMany({ data });
    const rows = await db.auditLog.findMany({ where: { username: WHO }, select: { id: true, townshipId: true }, orderBy: { id: 'asc' } });
    mine = rows.filter((r) => r.townshipId !== other.township.id).map((r) => r.id);
    theirs = rows.filter((r) => r.townshipId !== w.township.id).map((r) => r.id);
    expect(theirs.length).toBeGreaterThan(rows.length - mine.length);
  }, 60_000);

  it('more than two batches: every row of the filter in the scope once, newest first, counted in the title and the log', async () => {
    expect(mine.length).toBe(2500);
    expect(mine.length).toBeGreaterThan(2 * EXPORT_BATCH);
    const { title, ids } = await exported(`/audit.xlsx?who=${WHO}`);
    expect(ids).toEqual([...mine].reverse());
    expect(title).toMatch(/^审计日志（导出于\d{4}年\d{1,2}月\d{1,2}日，共 2500 条）$/);
    const row = await t.services.db.auditLog.findFirstOrThrow({ where: { action: 'audit.export' }, orderBy: { id: 'desc' } });
    expect(row.actorId).toBe(w.users.auditor.id);
    expect(JSON.parse(row.detail)).toEqual({ rows: 2500, filter: { who: WHO } });
  });

  it('filters combined (person, kind of record, group of actions) give the same rows; a date range with none, an empty file', async () => {
    const { ids } = await exported(`/audit.xlsx?who=${WHO}&entity=Suggestion&group=suggestions`);
    expect(ids).toEqual([...mine].reverse());
    const none = await exported(`/audit.xlsx?who=${WHO}&from=2099-01-01`);
    expect(none.ids).toEqual([]);
    expect(none.title).toContain('共 0 条');
  });

  it('at most the newest `max`, the limit said in the title; only the auditor may export', async () => {
    const filter = { who: WHO, actor: null, group: '', result: '', from: null, to: null, entity: '', entityId: '', page: 1 };
    const { matched, rows, batches } = await t.services.audit.export(w.users.auditor, filter, 2100);
    const read: number[] = [];
    for await (const batch of batches) read.push(...batch.map((r) => r.id));
    expect({ matched, rows }).toEqual({ matched: 2500, rows: 2100 });
    expect(read).toEqual([...mine].reverse().slice(0, 2100));
    expect(auditExportTitle('2026年12月5日', { matched, rows })).toBe(
      '审计日志（导出于2026年12月5日，符合条件的共 2500 条，本表为最新的 2100 条）',
    );
    for (const name of ['staff', 'secadmin', 'admin']) {
      const agent = await loginAs(t.app, name, TEST_PASSWORD);
      expect((await agent.get(`/audit.xlsx?who=${WHO}`)).status).toBe(403);
    }
  });

  it('another township’s auditor: only that township’s rows and those of no township', async () => {
    const agent = await loginAs(t.app, otherAuditor, TEST_PASSWORD);
    const res = await agent.get(`/audit.xlsx?who=${WHO}`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const ids = (await workbookOf(res)).worksheets[0]!.getColumn(1).values.slice(3);
    expect(ids).toEqual([...theirs].reverse());
  });

  it('a failing read is the Chinese error page before the first byte, a failed download after it', async () => {
    const delegate = t.services.db.auditLog;
    const original = delegate.findMany.bind(delegate);
    let calls = 0;
    const failOn = (n: number) => (args: Parameters<typeof original>[0]) => {
      calls++;
      return calls === n ? Promise.reject(new Error('the database went away')) : original(args);
    };
    const spy = vi.spyOn(delegate, 'findMany').mockImplementation(failOn(1) as typeof original);
    try {
      const res = await auditor.get(`/audit.xlsx?who=${WHO}`);
      expect(res.status).toBe(500);
      expect(res.headers['content-disposition']).toBeUndefined();
      expect(res.text).toContain('服务器出现错误');
      calls = 0;
      spy.mockImplementation(failOn(2) as typeof original);
      await expect(auditor.get(`/audit.xlsx?who=${WHO}`).buffer(true).parse(binary)).rejects.toThrow();
      expect(calls).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect((await auditor.get('/audit')).status).toBe(200);
  });
});

describe('rows recorded outside a transaction', () => {
  it('go in together with one statement, in order, each call waiting for its own row; a bad row fails alone', async () => {
    const inserts: string[] = [];
    const testDb = await createTestDb({ onQuery: (sql) => void (/^\s*INSERT\b.*\bAuditLog\b/is.test(sql) && inserts.push(sql)) });
    try {
      const audit = createAuditService(testDb.db, { dataKey: randomBytes(32) });
      const usernames = Array.from({ length: 30 }, (_, i) => `g${i}`);
      await Promise.all(usernames.map((username) => audit.record(null, { action: 'logout', username })));
      const rows = await testDb.db.auditLog.findMany({ where: { username: { startsWith: 'g' } }, orderBy: { id: 'asc' } });
      expect(rows.map((r) => r.username)).toEqual(usernames);
      // onQuery sees SQLite's statements only
      if (!SQLITE_FILE_ONLY) expect(inserts).toHaveLength(1);

      // An account that does not exist (a foreign key) fails its own call only.
      const results = await Promise.allSettled([
        audit.record(null, { action: 'logout', username: 'h1' }),
        audit.record({ id: 999_999, townshipId: null }, { action: 'logout', username: 'h2' }),
        audit.record(null, { action: 'logout', username: 'h3' }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const after = await testDb.db.auditLog.findMany({ where: { username: { startsWith: 'h' } }, orderBy: { id: 'asc' } });
      expect(after.map((r) => r.username)).toEqual(['h1', 'h3']);
      expect(await audit.verify()).toMatchObject({ ok: true, checked: 32, unsealed: 0 });
    } finally {
      await testDb.cleanup();
    }
  });
});

describe('rows recorded outside a transaction, while a feature’s transaction is open', () => {
  it('wait for it to end, however long, and are not rolled back with it', async () => {
    const testDb = await createTestDb();
    try {
      const audit = createAuditService(testDb.db, { dataKey: randomBytes(32) });
      let inside!: () => void;
      const began = new Promise<void>((resolve) => (inside = resolve));
      let fail!: () => void;
      const failing = new Promise<void>((resolve) => (fail = resolve));
      const feature = testDb.db
        .$transaction(async (tx) => {
          await tx.auditLog.create({ data: { action: 'logout', username: 'rolled-back' } });
          inside();
          await failing;
          throw new Error('the feature failed');
        })
        .catch((err: unknown) => err);
      await began;
      const recording = audit.record(null, { action: 'logout', username: 'recorded-meanwhile' });
      // Longer than Prisma's default wait for a transaction to start (2 s): the row waits, it does not fail.
      await new Promise((r) => setTimeout(r, 2500));
      fail();
      expect(await feature).toBeInstanceOf(Error);
      await recording;
      const rows = await testDb.db.auditLog.findMany({ where: { action: 'logout' }, select: { username: true } });
      expect(rows.map((r) => r.username)).toEqual(['recorded-meanwhile']);
    } finally {
      await testDb.cleanup();
    }
  });
});

describe('tamper evidence', () => {
  it('seals every row into one chain', async () => {
    const report = await t.services.audit.verify();
    expect(report.ok).toBe(true);
    expect(await t.services.db.auditLog.count({ where: { hash: null } })).toBe(0);
    const page = await auditor.get('/audit');
    expect(page.text).toContain('完整性校验通过');
    expect(page.text).not.toContain('audit-broken');
  });

  it('seals more than two batches of new rows at once, each with its own link of the chain', async () => {
    await t.services.audit.seal();
    await t.services.db.auditLog.createMany({ data: Array.from({ length: 1_100 }, (_, i) => ({ action: 'logout', username: `u${i}` })) });
    expect(await t.services.audit.seal()).toBe(1_100);
    expect(await t.services.db.auditLog.count({ where: { hash: null } })).toBe(0);
    const hashes = await t.services.db.auditLog.findMany({
      where: { action: 'logout', username: { startsWith: 'u' } },
      select: { hash: true },
    });
    expect(new Set(hashes.map((r) => r.hash)).size).toBe(1_100);
    expect(await t.services.audit.verify()).toMatchObject({ ok: true, unsealed: 0 });
  });

  it.skipIf(SQLITE_FILE_ONLY)(
    'seals from the last sealed row on, by primary key; a row whose hash was cleared stays unsealed and verify names the next',
    async () => {
      const statements: string[] = [];
      const testDb = await createTestDb({ onQuery: (sql) => void statements.push(sql) });
      try {
        const audit = createAuditService(testDb.db, { dataKey: randomBytes(32) });
        await testDb.db.auditLog.createMany({ data: Array.from({ length: 600 }, (_, i) => ({ action: 'logout', username: `s${i}` })) });
        statements.length = 0;
        expect(await audit.seal()).toBe(600);
        // The statements of the seal, planned by SQLite on this file: rows found by their ids, no scan of the log.
        const raw = new Database(testDb.file);
        let cleared = 0;
        try {
          // (The last sealed row is read backwards from the newest row, stopping at the first sealed one.)
          const sealing = statements.filter((q) => /^\s*UPDATE "AuditLog" SET "hash"/.test(q) || /AuditLog.*\bhash`? IS NULL/.test(q));
          expect(sealing.length).toBe(5); // the write lock; then two batches: read, update; read, update
          for (const q of sealing) {
            const params = Array.from({ length: (q.match(/\?/g) ?? []).length }, () => 1);
            const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
            expect(plan.join('; '), q).not.toMatch(/SCAN (main\.)?"?AuditLog"?/);
          }
          // Clearing a sealed row's hash (triggers dropped): the sealer does not take it up again.
          raw.exec('DROP TRIGGER "AuditLog_append_only"');
          cleared = (raw.prepare(`SELECT id FROM AuditLog WHERE username = 's300'`).get() as { id: number }).id;
          raw.prepare('UPDATE AuditLog SET hash = NULL WHERE id = ?').run(cleared);
        } finally {
          raw.close();
        }
        expect(await audit.seal()).toBe(0);
        expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: cleared + 1 });
      } finally {
        await testDb.cleanup();
      }
    },
  );

  it.skipIf(SQLITE_FILE_ONLY)('triggers refuse changing a row and deleting one younger than 180 days', async () => {
    const row = await t.services.db.auditLog.findFirstOrThrow({ where: { hash: { not: null } } });
    await expect(t.services.db.auditLog.update({ where: { id: row.id }, data: { ip: '1.2.3.4' } })).rejects.toThrow();
    await expect(t.services.db.auditLog.update({ where: { id: row.id }, data: { hash: 'f'.repeat(64) } })).rejects.toThrow();
    await expect(t.services.db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow();
    expect(await t.services.db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
    // An unsealed row may only receive its hash.
    const fresh = await t.services.db.auditLog.create({ data: { action: 'logout' } });
    await expect(t.services.db.auditLog.update({ where: { id: fresh.id }, data: { action: 'login.success' } })).rejects.toThrow();
    expect((await t.services.db.auditLog.findUniqueOrThrow({ where: { id: fresh.id } })).action).toBe('logout');
    // An old row may be deleted (retention), though it breaks nothing the app relies on.
    const raw = new Database(t.testDb.file);
    try {
      expect(() => raw.prepare('DELETE FROM AuditLog WHERE id = ?').run(row.id)).toThrow(/kept at least 180 days/);
      expect(() => raw.prepare(`UPDATE AuditLog SET ip = 'x' WHERE id = ?`).run(row.id)).toThrow(/cannot be changed/);
      raw
        .prepare(`INSERT INTO AuditLog (action, createdAt) VALUES ('logout', ?)`)
        .run(new Date(Date.now() - 200 * 86400_000).toISOString());
      const old = raw.prepare('SELECT max(id) AS id FROM AuditLog').get() as { id: number };
      expect(raw.prepare('DELETE FROM AuditLog WHERE id = ?').run(old.id).changes).toBe(1);
    } finally {
      raw.close();
    }
  });

  it.skipIf(SQLITE_FILE_ONLY)(
    'a row changed with raw SQL (trigger dropped) breaks the chain at that row: verify, the page and npm run audit:verify say so',
    async () => {
      await t.services.audit.seal();
      const victim = await t.services.db.auditLog.findFirstOrThrow({ where: { action: 'login.failure', username: 'no-such-person' } });
      const raw = new Database(t.testDb.file);
      try {
        raw.exec('DROP TRIGGER "AuditLog_append_only"');
        raw.prepare(`UPDATE AuditLog SET ip = '10.9.9.9' WHERE id = ?`).run(victim.id);
      } finally {
        raw.close();
      }
      const report = await t.services.audit.verify();
      expect(report).toMatchObject({ ok: false, brokenAt: victim.id });

      const page = await auditor.get('/audit');
      expect(page.text).toContain('class="alert-box audit-broken" role="alert"');
      expect(page.text).toContain(`第 ${victim.id} 条记录`);

      const run = promisify(execFile);
      const err = (await run(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['scripts/audit-verify.ts'], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: t.testDb.url, SESSION_SECRET: 'test-secret-test-secret' },
      }).catch((e: unknown) => e)) as { code?: number; stderr?: string };
      expect(err.code).toBe(1);
      expect(err.stderr).toContain(`BROKEN at row ${victim.id}`);
    },
  );

  it.skipIf(SQLITE_FILE_ONLY)('a deleted row breaks the chain at the row after it', async () => {
    const other = await createTestApp();
    try {
      await createWorld(other.services.db);
      for (const name of ['a1', 'a2', 'a3']) {
        const agent = request.agent(other.app);
        const page = await agent.get('/login');
        await agent
          .post('/login')
          .type('form')
          .send({ username: name, password: 'x', _csrf: csrfFrom(page.text) });
      }
      expect((await other.services.audit.verify()).ok).toBe(true);
      const rows = await other.services.db.auditLog.findMany({ where: { username: { in: ['a1', 'a2', 'a3'] } }, orderBy: { id: 'asc' } });
      const raw = new Database(other.testDb.file);
      try {
        raw.exec('DROP TRIGGER "AuditLog_retention"');
        raw.prepare('DELETE FROM AuditLog WHERE id = ?').run(rows[1]!.id);
      } finally {
        raw.close();
      }
      expect(await other.services.audit.verify()).toMatchObject({ ok: false, brokenAt: rows[2]!.id });
    } finally {
      await other.close();
    }
  });
});

describe('the audit coverage check of the test app', () => {
  it.skipIf(SQLITE_FILE_ONLY)('names a POST that changes records without an audit row, and passes one that writes its row', async () => {
    const coverage = createAuditCoverage();
    const testDb = await createTestDb({ onQuery: coverage.onQuery });
    try {
      const world = await createWorld(testDb.db);
      const app = express() as unknown as App;
      app.post('/silent', async (_req, res) => {
        await testDb.db.deputy.update({ where: { id: world.deputies.deputyA.id }, data: { village: '西村' } });
        res.sendStatus(204);
      });
      app.post('/audited', async (_req, res) => {
        await testDb.db.$transaction(async (tx) => {
          await tx.deputy.update({ where: { id: world.deputies.deputyA.id }, data: { village: '东村' } });
          await tx.auditLog.create({ data: { action: 'deputy.update' } });
        });
        res.sendStatus(204);
      });
      coverage.watch(app);
      await request(app).post('/audited');
      expect(coverage.violations).toEqual([]);
      await request(app).post('/silent');
      expect(coverage.violations).toEqual(['POST /silent → 204, changed Deputy']);
    } finally {
      await testDb.cleanup();
    }
  });
});
