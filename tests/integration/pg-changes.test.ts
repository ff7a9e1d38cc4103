/**
 * Values cached on PostgreSQL, with two instances on one database (src/lib/pg-changes.ts): each
 * keeps what it computed until a commit — its own or the other instance's — touches the rows, and
 * the triggers' notifications tell it so. "Silent" writes below disable the trigger around them: a
 * page that still shows the old value after one proves the value was kept (cached), and one that
 * shows a change at once proves the notification (or the reconnection) made the instance look again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { createApp, type App } from '../../src/app.js';
import { createServices } from '../../src/services.js';
import { changeStamp, changesSeen, changeWatcherOf, createDb, tracksChanges, watchChanges, type Db } from '../../src/db.js';
import { pgPoolConfig } from '../../src/db-url.js';
import { createTestApp, loginAs, type TestApp } from '../helpers/test-app.js';
import { createSuggestion, createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';
import { ON_POSTGRES } from '../helpers/test-db.js';

const clock = new Date('2024-06-01T10:00:00+08:00');
let a: TestApp;
let w: World;
let bDb: Db;
let bApp: App;
let staffA: request.Agent;
let admin: pg.Client;

/** Runs `sql` on the other instance's database with the change trigger of `table` off: no notification. */
async function silently(table: string, sql: string, params: unknown[] = []) {
  await admin.query('BEGIN');
  await admin.query(`ALTER TABLE "${table}" DISABLE TRIGGER portal_notify_change`);
  await admin.query(sql, params);
  await admin.query(`ALTER TABLE "${table}" ENABLE TRIGGER portal_notify_change`);
  await admin.query('COMMIT');
}

async function until(condition: () => boolean, what: string, ms = 10_000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const list = async () => (await staffA.get('/suggestions?year=2024')).text;
const registered = async () => Number(/<b>(\d+)<\/b><span>立案建议/.exec((await staffA.get('/suggestions/stats?year=2024')).text)?.[1]);

describe.skipIf(!ON_POSTGRES)('values cached on PostgreSQL across instances', () => {
  beforeAll(async () => {
    a = await createTestApp({ now: () => clock });
    w = await createWorld(a.services.db);
    bDb = createDb(a.testDb.url);
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: a.testDb.url, SESSION_SECRET: 'test-secret-test-secret' });
    bApp = createApp(createServices(bDb, { now: () => clock }), config);
    expect(await watchChanges(a.services.db)).toBe(true);
    expect(await watchChanges(bDb)).toBe(true);
    staffA = await loginAs(a.app, 'staff', TEST_PASSWORD);
    admin = new pg.Client(pgPoolConfig(a.testDb.url));
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await bApp?.close();
    await bDb?.$disconnect();
    await a?.close();
  });

  it('keeps a unit’s name on instance A until instance B renames it, then shows the new name at once', async () => {
    expect(await list()).toContain('农业农村办公室');
    await silently('HandlingUnit', 'UPDATE "HandlingUnit" SET name = $1 WHERE id = $2', ['悄悄改的名', w.unit.id]);
    expect(await list()).toContain('农业农村办公室'); // kept: no notification came

    await bDb.handlingUnit.update({ where: { id: w.unit.id }, data: { name: '农业农村服务中心' } });
    const after = await list(); // no wait: the round trip before the lookup brings B's notification in
    expect(after).toContain('农业农村服务中心');
    expect(after).not.toContain('农业农村办公室');
  });

  it('shows a suggestion added on instance B in A’s statistics', async () => {
    const before = await registered();
    expect(before).toBeGreaterThan(0);
    expect(await registered()).toBe(before);
    await createSuggestion(bDb, w.township.id, w.deputies.deputyA.id, { status: 'ASSIGNED', number: 3 });
    expect(await registered()).toBe(before + 1);
  });

  it('waits for the notifications of commits made before a lookup, however late they arrive', async () => {
    expect(await list()).toContain('农业农村服务中心');
    const socket = (changeWatcherOf(a.services.db)!.connection as unknown as { connection: { stream: NodeJS.ReadableStream } }).connection
      .stream;
    socket.pause(); // B's notification reaches A's process only when it reads again
    try {
      await bDb.handlingUnit.update({ where: { id: w.unit.id }, data: { name: '迟到通知的名字' } });
      setTimeout(() => socket.resume(), 200);
      expect(await list()).toContain('迟到通知的名字');
    } finally {
      socket.resume();
    }
    await bDb.handlingUnit.update({ where: { id: w.unit.id }, data: { name: '农业农村服务中心' } });
  });

  it('is neither invalidated nor poisoned by a transaction that rolls back', async () => {
    expect(await list()).toContain('农业农村服务中心');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let renamed!: () => void;
    const inside = new Promise<void>((r) => (renamed = r));
    const tx = bDb
      .$transaction(async (t) => {
        await t.handlingUnit.update({ where: { id: w.unit.id }, data: { name: '未提交的名字' } });
        renamed();
        await held;
        throw new Error('roll back');
      })
      .catch((e: Error) => e.message);
    await inside;
    // A commit to another unit makes A compute the names again while B's rename is uncommitted:
    // from committed rows only.
    await a.services.db.handlingUnit.update({ where: { id: w.otherUnit.id }, data: { name: '交通管理站' } });
    expect(await list()).not.toContain('未提交的名字');
    await changesSeen(a.services.db);
    const stamp = changeStamp(a.services.db, ['HandlingUnit']);
    release();
    expect(await tx).toBe('roll back');
    await changesSeen(a.services.db);
    expect(changeStamp(a.services.db, ['HandlingUnit'])).toBe(stamp); // no notification from a rollback
    const page = await list();
    expect(page).toContain('农业农村服务中心');
    expect(page).not.toContain('未提交的名字');
  });

  it('keeps nothing while its LISTEN connection is down, and looks again once it is back', async () => {
    expect(await list()).toContain('农业农村服务中心');
    const db = a.services.db;
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'portal changes' AND datname = current_database()`,
    );
    await until(() => !tracksChanges(db), 'the lost connection to be noticed');
    expect(changeStamp(db, ['HandlingUnit'])).not.toBe(changeStamp(db, ['HandlingUnit']));
    expect(await changesSeen(db)).toBe(false);
    // A change nobody is told about, made while (or just after) the connection is down: the name
    // kept from before must not come back with the connection.
    await silently('HandlingUnit', 'UPDATE "HandlingUnit" SET name = $1 WHERE id = $2', ['断线时改的名', w.unit.id]);
    await until(() => tracksChanges(db), 'the connection to come back');
    expect(await changesSeen(db)).toBe(true);
    const stamp = changeStamp(db, ['HandlingUnit']);
    expect(changeStamp(db, ['HandlingUnit'])).toBe(stamp);
    expect(await list()).toContain('断线时改的名');
    // Kept again, and told again.
    await silently('HandlingUnit', 'UPDATE "HandlingUnit" SET name = $1 WHERE id = $2', ['又一次悄悄改的名', w.unit.id]);
    expect(await list()).toContain('断线时改的名');
    await bDb.handlingUnit.update({ where: { id: w.unit.id }, data: { name: '重连后改的名' } });
    expect(await list()).toContain('重连后改的名');
  });

  it('puts its trigger on every table but the migration history, the audit log and import jobs', async () => {
    const { rows } = await admin.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r'
         AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'portal_notify_change')
       ORDER BY 1`,
    );
    expect(rows.map((r) => r.name)).toEqual(['AuditLog', 'ImportJob', '_prisma_migrations']);
    expect(tracksChanges(a.services.db)).toBe(true);
    await changesSeen(a.services.db);
    expect(changeStamp(a.services.db, ['AuditLog'])).not.toBe(changeStamp(a.services.db, ['AuditLog']));
  });
});
