import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, ON_POSTGRES, type TestDb } from '../helpers/test-db.js';
import { createDb } from '../../src/db.js';
import { seedDemo } from '../../src/demo/index.js';
import { DEPUTIES } from '../../src/demo/tables/people.js';
import {
  ENCRYPTED_FIELDS,
  decryptValue,
  isEncrypted,
  keyringOf,
  phoneSearchHash,
  reencryptPersonalData,
} from '../../src/lib/personal-data.js';
import { loadConfig } from '../../src/config.js';

const keys = keyringOf(loadConfig());
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** Every 11-digit mobile number in the database file and its -wal, after a checkpoint. */
function mobilesInFile(file: string): string[] {
  const found = new Set<string>();
  for (const f of [file, `${file}-wal`]) {
    if (!fs.existsSync(f)) continue;
    for (const m of fs.readFileSync(f).toString('latin1').matchAll(MOBILE)) found.add(m[0]);
  }
  return [...found];
}

function checkpoint(file: string) {
  const raw = new Database(file);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
}

/** The stored values of every encrypted field, as the database holds them (raw SQL is not decrypted). */
async function storedValues(db: TestDb['db']) {
  const out = [];
  for (const f of ENCRYPTED_FIELDS) {
    const rows = await db.$queryRawUnsafe<Array<{ id: number; value: string; hash?: string }>>(
      `SELECT id, "${f.field}" AS value${f.hash ? `, "${f.hash}" AS hash` : ''} FROM "${f.model}"`,
    );
    out.push(...rows.map((r) => ({ ...r, id: Number(r.id), model: f.model, field: f.field, hashed: Boolean(f.hash) })));
  }
  return out;
}

describe('phone numbers are encrypted on every write path and read back in clear', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.cleanup());

  it('covers create, createMany(AndReturn), update(Many), upsert and nested writes', async () => {
    const db = t.db;
    const tw = await db.township.create({ data: { name: '测试镇' } });
    const base = { townshipId: tw.id, gender: 'MALE' as const };
    const created = await db.deputy.create({ data: { ...base, name: 'create', phone: '13800000001' } });
    await db.deputy.createMany({ data: [{ ...base, name: 'createMany', phone: '13800000002' }] });
    const [returned] = await db.deputy.createManyAndReturn({ data: [{ ...base, name: 'createManyAndReturn', phone: '13800000003' }] });
    await db.deputy.update({ where: { id: created.id }, data: { phone: { set: '13800000004' } } });
    await db.deputy.updateMany({ where: { name: 'createMany' }, data: { phone: '13800000005' } });
    await db.deputy.upsert({ where: { id: 999999 }, create: { ...base, name: 'upsert-create', phone: '13800000006' }, update: {} });
    await db.deputy.upsert({ where: { id: returned!.id }, create: { ...base, name: 'x' }, update: { phone: '13800000007' } });
    // nested: from the township (to-many) and from an opinion (to-one)
    await db.township.update({
      where: { id: tw.id },
      data: {
        deputies: {
          create: [{ gender: 'FEMALE', name: 'nested-create', phone: '13800000008' }],
          createMany: { data: [{ gender: 'FEMALE', name: 'nested-createMany', phone: '13800000009' }] },
          updateMany: { where: { name: 'upsert-create' }, data: { phone: '13800000010' } },
        },
        units: { create: { name: '测试局', phone: '13800000011' } },
      },
    });
    const station = await db.liaisonStation.create({ data: { townshipId: tw.id, name: '站', tier: 'VILLAGE', phone: '13800000099' } });
    const reception = await db.reception.create({
      data: {
        townshipId: tw.id,
        stationId: station.id,
        date: new Date(),
        opinions: { create: [{ townshipId: tw.id, content: '意见', voterPhone: '13800000012' }] },
      },
      include: { opinions: true },
    });
    expect(reception.opinions[0]!.voterPhone).toBe('13800000012');
    const opinion = await db.voterOpinion.create({
      data: {
        township: { connect: { id: tw.id } },
        content: '带代表',
        voterPhone: '+86 138-0000-0013',
        deputy: { connectOrCreate: { where: { id: 888888 }, create: { ...base, name: 'connectOrCreate', phone: '13800000014' } } },
      },
    });
    await db.voterOpinion.update({
      where: { id: opinion.id },
      data: { deputy: { update: { phone: '13800000015' } } },
    });
    await db.$transaction(async (tx) => {
      await tx.deputy.create({ data: { ...base, name: 'in-transaction', phone: '13800000016' } });
    });

    // Stored: all ciphertext under the current key, with the search hash of the plain number.
    const stored = (await storedValues(t.db)).filter((r) => r.value !== '');
    expect(stored.length).toBeGreaterThanOrEqual(10);
    for (const r of stored) {
      expect(isEncrypted(r.value), `${r.model}.${r.field} #${r.id}`).toBe(true);
      const plain = decryptValue(keys, r.value, `${r.model}.${r.field}`);
      expect(plain).toMatch(/^(?:\+86 138-0000-0013|138000000\d\d)$/);
      if (r.hashed) expect(r.hash).toBe(phoneSearchHash(keys, plain));
    }
    // The station's phone is the station's, not a person's: stored as typed.
    const rawStation = await db.$queryRaw<Array<{ phone: string }>>`SELECT phone FROM "LiaisonStation" WHERE id = ${station.id}`;
    expect(rawStation).toEqual([{ phone: '13800000099' }]);

    // Read back in clear, at any depth.
    const phones = (await db.deputy.findMany({ where: { townshipId: tw.id }, orderBy: { id: 'asc' } })).map((d) => [d.name, d.phone]);
    expect(Object.fromEntries(phones)).toEqual({
      create: '13800000004',
      createMany: '13800000005',
      createManyAndReturn: '13800000007',
      'upsert-create': '13800000010',
      'nested-create': '13800000008',
      'nested-createMany': '13800000009',
      connectOrCreate: '13800000015',
      'in-transaction': '13800000016',
    });
    const deep = await db.township.findUniqueOrThrow({
      where: { id: tw.id },
      select: { units: true, opinions: { select: { voterPhone: true, deputy: { select: { phone: true } } }, orderBy: { id: 'asc' } } },
    });
    expect(deep.units[0]!.phone).toBe('13800000011');
    expect(deep.opinions.map((o) => [o.voterPhone, o.deputy?.phone ?? null])).toEqual([
      ['13800000012', null],
      ['+86 138-0000-0013', '13800000015'],
    ]);
    // Found by the keyed hash of the number however it is written.
    const byHash = await db.voterOpinion.findMany({ where: { voterPhoneHash: phoneSearchHash(keys, '13800000013') } });
    expect(byHash.map((o) => o.id)).toEqual([opinion.id]);
  });
});

describe.skipIf(ON_POSTGRES)('the demo database file', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemo(t.db);
    await t.db.$disconnect();
    checkpoint(t.file);
  });
  afterAll(() => t.cleanup());

  it('holds not one mobile number in clear text', async () => {
    expect(DEPUTIES.filter((d) => /^1[3-9]\d{9}$/.test(d.phone)).length).toBeGreaterThan(30);
    expect(mobilesInFile(t.file)).toEqual([]);
    // ... and the scan does see one that is there (a number in a notification's title).
    const copy = `${t.file}.control`;
    fs.copyFileSync(t.file, copy);
    const raw = new Database(copy);
    raw.prepare(`UPDATE Notification SET title = '请回电 13912345678' WHERE id = (SELECT min(id) FROM Notification)`).run();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    expect(mobilesInFile(copy)).toEqual(['13912345678']);
    // The app still reads them.
    const deputy = await t.db.deputy.findFirstOrThrow({ where: { name: DEPUTIES[0]!.name } });
    expect(deputy.phone).toBe(DEPUTIES[0]!.phone);
  });
});

describe.skipIf(ON_POSTGRES)('an existing database with phone numbers in clear text', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.cleanup());

  it('is encrypted on start, once, leaving no clear number in the file', async () => {
    const raw = new Database(t.file);
    raw.exec(`INSERT INTO Township (id, name) VALUES (1, '旧镇')`);
    const insert = raw.prepare(`INSERT INTO Deputy (townshipId, name, gender, phone, updatedAt) VALUES (1, ?, 'MALE', ?, 0)`);
    for (let i = 0; i < 50; i++) insert.run(`代表${i}`, `139${String(i).padStart(8, '0')}`);
    raw.exec(`INSERT INTO VoterOpinion (townshipId, content, voterPhone, updatedAt) VALUES (1, '意见', '15047516648', 0)`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    expect(mobilesInFile(t.file)).toHaveLength(51);

    expect(await reencryptPersonalData(t.db, keys)).toBe(51);
    expect(await reencryptPersonalData(t.db, keys)).toBe(0); // idempotent
    await t.db.$disconnect();
    checkpoint(t.file);
    expect(mobilesInFile(t.file)).toEqual([]);
    const db = createDb(t.url);
    const d = await db.deputy.findFirstOrThrow({ where: { phoneHash: phoneSearchHash(keys, '139 0000 0007') } });
    expect([d.name, d.phone]).toEqual(['代表7', '13900000007']);
    await db.$disconnect();
  });
});
