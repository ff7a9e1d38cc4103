import { ON_POSTGRES } from '../helpers/test-db.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db.js';
import { createWorld } from '../helpers/factories.js';
import { createDailyBackup, listBackups, pidFileOf } from '../../src/backup/backup.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { keyringOf, phoneSearchHash } from '../../src/lib/personal-data.js';

const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

/** Runs one of the package's scripts as a user would (`npm run backup -- FILE`), on `dbFile`. */
function runScript(script: string, args: string[], dbFile: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number; out: string }>((resolve) => {
    const child = spawn(TSX, [path.join(PROJECT_ROOT, 'scripts', script), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: `file:${dbFile}`, ...env },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

const mode = (f: string) => fs.statSync(f).mode & 0o777;

let dir: string;
let dbFile: string;
let db: Db;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renda-backup-'));
  dbFile = path.join(dir, 'data', 'portal.db');
  fs.mkdirSync(path.dirname(dbFile), { mode: 0o700 });
  fs.copyFileSync(process.env.TEST_TEMPLATE_DB!, dbFile);
  db = createDb(`file:${dbFile}`);
  await createWorld(db);
});
afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(ON_POSTGRES)('file modes', () => {
  it('creates the data folder 0700 and the database, its -wal and -shm 0600', async () => {
    const fresh = path.join(dir, 'fresh', 'nested', 'portal.db');
    const d = createDb(`file:${fresh}`);
    await d.township.count().catch(() => 0); // opens the file (no tables yet)
    expect(mode(path.dirname(fresh))).toBe(0o700);
    for (const f of [fresh, `${fresh}-wal`, `${fresh}-shm`]) expect([f, mode(f)]).toEqual([f, 0o600]);
    await d.$disconnect();
    // An existing database made world-readable is put back to 0600 when the portal opens it.
    fs.chmodSync(dbFile, 0o644);
    const again = createDb(`file:${dbFile}`);
    expect(mode(dbFile)).toBe(0o600);
    await again.$disconnect();
  });
});

describe.skipIf(ON_POSTGRES)('npm run backup', () => {
  it('writes a checked copy while the portal writes, and says what it holds', async () => {
    const target = path.join(dir, 'out', 'copy.db');
    let writing = true;
    let written = 0;
    const township = await db.township.findFirstOrThrow();
    const writer = (async () => {
      while (writing) {
        await db.notification.create({ data: { userId: (await db.user.findFirstOrThrow()).id, kind: 'x', title: `写入${written}` } });
        written++;
        // Let the event loop run (the child's output and exit): better-sqlite3 answers in microtasks.
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const { code, out } = await runScript('backup.ts', [target], dbFile);
    writing = false;
    await writer;
    expect(code, out).toBe(0);
    expect(written).toBeGreaterThan(0);
    expect(out).toContain('完整性检查 / integrity_check: ok');
    const deputies = await db.deputy.count({ where: { townshipId: township.id } });
    expect(out).toContain(`代表 deputies: ${deputies}`);
    expect(out).toMatch(/最新记录 \/ newest record: \d{4}年\d{1,2}月\d{1,2}日/);
    expect(mode(target)).toBe(0o600);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) AS n FROM Deputy').get()).toEqual({ n: deputies });
    copy.close();
    // It never overwrites a file.
    const again = await runScript('backup.ts', [target], dbFile);
    expect(again.code).toBe(1);
    expect(again.out).toContain('拒绝覆盖');
  });
});

describe.skipIf(ON_POSTGRES)('the daily backup', () => {
  it('makes one a day into data/backups and keeps the newest N', async () => {
    let day = new Date(2026, 0, 1, 3, 0, 0);
    const job = createDailyBackup({ source: dbFile, dir: path.join(dir, 'data', 'backups'), keep: 3, now: () => day });
    expect(await job.run()).toMatch(/portal-20260101-030000\.db$/);
    expect(await job.run()).toBeNull(); // once a day
    for (let i = 2; i <= 5; i++) {
      day = new Date(2026, 0, i, 3, 0, 0);
      await job.run();
    }
    const kept = listBackups(job.dir).map((f) => path.basename(f));
    expect(kept).toEqual(['portal-20260103-030000.db', 'portal-20260104-030000.db', 'portal-20260105-030000.db']);
    expect(mode(job.dir)).toBe(0o700);
    for (const f of listBackups(job.dir)) expect(mode(f)).toBe(0o600);
  });
});

describe.skipIf(ON_POSTGRES)('npm run restore', () => {
  it('puts a backup in place, keeps the old database aside, and refuses bad files and a running portal', async () => {
    const backup = path.join(dir, 'restore-source.db');
    expect((await runScript('backup.ts', [backup], dbFile)).code).toBe(0);
    const before = await db.deputy.count();
    const deputy = await db.deputy.findFirstOrThrow({ where: { phone: { not: '' } } });
    for (const name of ['备份后甲', '备份后乙']) {
      await db.deputy.create({ data: { townshipId: deputy.townshipId, name, gender: 'MALE', phone: '13700000000' } });
    }
    const after = await db.deputy.count();
    expect(after).toBe(before + 2);

    // Refused: a corrupt copy, a file that is not the portal's, a running portal.
    const corrupt = path.join(dir, 'corrupt.db');
    const bytes = fs.readFileSync(backup);
    bytes.fill(0x41, 4096 * 2, 4096 * 4);
    fs.writeFileSync(corrupt, bytes);
    const bad = await runScript('restore.ts', [corrupt], dbFile);
    expect(bad.code, bad.out).toBe(1);
    expect(bad.out).toMatch(/恢复失败.*(损坏|完整性)/);
    const foreign = path.join(dir, 'foreign.db');
    new Database(foreign).exec('CREATE TABLE t (x)');
    expect((await runScript('restore.ts', [foreign], dbFile)).out).toContain('不是本平台的数据库');
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'hello');
    expect((await runScript('restore.ts', [text], dbFile)).code).toBe(1);
    const otherKey = await runScript('restore.ts', [backup], dbFile, { DATA_KEY: 'ab'.repeat(32) });
    expect(otherKey.out).toContain('另一把密钥');
    fs.writeFileSync(pidFileOf(dbFile), String(process.pid));
    const running = await runScript('restore.ts', [backup], dbFile);
    expect(running.code).toBe(1);
    expect(running.out).toContain('请先停止');
    fs.rmSync(pidFileOf(dbFile));
    expect(await db.deputy.count()).toBe(after); // nothing was touched

    // The portal is stopped; the restore goes through.
    await db.$disconnect();
    const ok = await runScript('restore.ts', [backup], dbFile);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain(`代表 deputies: ${before}`);
    const aside = fs.readdirSync(path.dirname(dbFile)).filter((f) => f.startsWith('portal.db.before-restore-'));
    expect(aside).toHaveLength(1);
    const old = new Database(path.join(path.dirname(dbFile), aside[0]!), { readonly: true });
    expect(old.prepare('SELECT count(*) AS n FROM Deputy').get()).toEqual({ n: after });
    old.close();
    expect(mode(dbFile)).toBe(0o600);
    db = createDb(`file:${dbFile}`);
    expect(await db.deputy.count()).toBe(before);
    expect((await db.deputy.findUniqueOrThrow({ where: { id: deputy.id } })).phone).toBe(deputy.phone);
  });
});

describe.skipIf(ON_POSTGRES)('npm run keys:rotate', () => {
  it('moves every phone number to the new DATA_KEY (the old one as DATA_KEY_PREVIOUS), with new search hashes', async () => {
    const OLD = '11'.repeat(32);
    const NEW = '22'.repeat(32);
    const file = path.join(dir, 'rotate', 'portal.db');
    fs.mkdirSync(path.dirname(file));
    fs.copyFileSync(process.env.TEST_TEMPLATE_DB!, file);
    const oldKeys = keyringOf({ dataKey: Buffer.from(OLD, 'hex') });
    const newKeys = keyringOf({ dataKey: Buffer.from(NEW, 'hex') });
    const before = createDb(`file:${file}`, { keys: oldKeys });
    const world = await createWorld(before);
    await before.$disconnect();

    const missing = await runScript('keys-rotate.ts', [], file, { DATA_KEY: NEW });
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('DATA_KEY_PREVIOUS');
    const rotated = await runScript('keys-rotate.ts', [], file, { DATA_KEY: NEW, DATA_KEY_PREVIOUS: OLD });
    expect(rotated.code, rotated.out).toBe(0);
    expect(rotated.out).toMatch(new RegExp(`重新加密 [1-9]\\d* 项.*${newKeys.current.id}`));
    const again = await runScript('keys-rotate.ts', [], file, { DATA_KEY: NEW, DATA_KEY_PREVIOUS: OLD });
    expect(again.out).toContain('重新加密 0 项');

    const raw = new Database(file, { readonly: true });
    const phones = raw.prepare(`SELECT phone FROM Deputy WHERE phone <> ''`).all() as Array<{ phone: string }>;
    raw.close();
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p.phone.startsWith(`pd1.${newKeys.current.id}.`)).toBe(true);
    const after = createDb(`file:${file}`, { keys: newKeys });
    const a = await after.deputy.findFirstOrThrow({ where: { phoneHash: phoneSearchHash(newKeys, '13811112222') } });
    expect([a.id, a.phone]).toEqual([world.deputies.deputyA.id, '13811112222']);
    await after.$disconnect();
    // The old key alone no longer reads them.
    const stale = createDb(`file:${file}`, { keys: oldKeys });
    await expect(stale.deputy.findFirstOrThrow({ where: { id: a.id } })).rejects.toThrow(/neither DATA_KEY/);
    await stale.$disconnect();
  });
});
