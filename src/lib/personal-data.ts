/**
 * Personal data at rest: the fields below are stored encrypted (AES-256-GCM) and, where staff search
 * by them, with a keyed search hash (HMAC-SHA256 of the digits) beside them. One Prisma client
 * extension (`withPersonalData`, applied in createDb) encrypts every write of these fields — top-level
 * and nested creates, updates, upserts, createMany — and decrypts every result, so services read and
 * write plain values and never see the ciphertext. Raw SQL ($queryRaw) is not covered: never select
 * these fields with it.
 *
 * Ciphertext: `pd1.<key id>.<base64url(iv ‖ ciphertext ‖ tag)>`; `pd1` names the scheme (AES-256-GCM,
 * 12-byte IV, 16-byte tag, the field's name as associated data) and the key id (8 hex characters,
 * derived from the key) names the DATA_KEY it was made with, so that a key can be rotated: with
 * DATA_KEY_PREVIOUS set, rows under the previous key still read, and `reencryptPersonalData` (run at
 * start and by `npm run keys:rotate`) moves every row to the current key.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { deriveKey } from './keys.js';

// ───────────────────────────── What is encrypted ─────────────────────────────

export type EncryptedField = {
  model: Prisma.ModelName;
  field: string;
  /** The column holding the keyed search hash, when staff search by this field. */
  hash?: string;
};

/** Every encrypted field of the schema: adding one is one line here (and its hash column in the schema). */
export const ENCRYPTED_FIELDS: readonly EncryptedField[] = [
  { model: 'Deputy', field: 'phone', hash: 'phoneHash' },
  { model: 'VoterOpinion', field: 'voterPhone', hash: 'voterPhoneHash' },
  // A unit's contact person's phone: often a personal mobile. Not searched.
  { model: 'HandlingUnit', field: 'phone' },
];

// ───────────────────────────── Keys ─────────────────────────────

type Key = { id: string; enc: Buffer; search: Buffer };
export type Keyring = { current: Key; previous: Key | null };

function keyOf(master: Buffer): Key {
  const enc = deriveKey(master, 'personal-data');
  const id = createHmac('sha256', enc).update('key-id').digest('hex').slice(0, 8);
  return { id, enc, search: deriveKey(master, 'personal-data-search') };
}

/** The keys from DATA_KEY and, while a rotation is under way, DATA_KEY_PREVIOUS. */
export function keyringOf(config: { dataKey: Buffer; dataKeyPrevious?: Buffer | null }): Keyring {
  return { current: keyOf(config.dataKey), previous: config.dataKeyPrevious ? keyOf(config.dataKeyPrevious) : null };
}

// ───────────────────────────── Encryption and search hash ─────────────────────────────

const SCHEME = 'pd1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function isEncrypted(value: string): boolean {
  return value.startsWith(`${SCHEME}.`);
}

/** Encrypts one value under the current key; the empty string stays empty (nothing to hide). */
export function encryptValue(keys: Keyring, plain: string, aad: string): string {
  if (plain === '') return '';
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.current.enc, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${SCHEME}.${keys.current.id}.${body.toString('base64url')}`;
}

/** Decrypts a stored value; a value that was never encrypted (before the start-up migration) is returned as is. */
export function decryptValue(keys: Keyring, stored: string, aad: string): string {
  if (!isEncrypted(stored)) return stored;
  const [, id, data = ''] = stored.split('.');
  const key = [keys.current, keys.previous].find((k) => k?.id === id);
  if (!key) {
    throw new Error(
      `Personal data was encrypted under key ${id}, which is neither DATA_KEY (${keys.current.id}) nor DATA_KEY_PREVIOUS` +
        (keys.previous ? ` (${keys.previous.id})` : '') +
        ': set the key it was made with (see README, 密钥轮换).',
    );
  }
  const body = Buffer.from(data, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key.enc, body.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** The digits of a phone number as people write it: "+86 138-0475-1234" and "13804751234" are one number. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (/^(?:0086|86)1\d{10}$/.test(digits)) return digits.slice(digits.length - 11);
  return digits;
}

/** The keyed search hash of a phone number ('' for none): equal numbers give equal hashes, under one key. */
export function phoneSearchHash(keys: Keyring, phone: string): string {
  const digits = normalizePhone(phone);
  if (!digits) return '';
  return createHmac('sha256', keys.current.search).update(digits).digest('hex').slice(0, 32);
}

/** The search hash to look for when a user types `q`, or null when `q` is not a phone number (7+ digits, nothing else). */
export function phoneQueryHash(keys: Keyring, q: string): string | null {
  const t = q.trim();
  if (!/^[+\d\s()-]+$/.test(t) || normalizePhone(t).length < 7) return null;
  return phoneSearchHash(keys, t);
}

// ───────────────────────────── The client extension ─────────────────────────────

type Data = Record<string, unknown>;
type RuntimeModel = { fields: Array<{ name: string; kind: string; type: string }> };
type RuntimeDataModel = { models: Record<string, RuntimeModel> };

const isRecord = (v: unknown): v is Data => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** The encode/decode pair for one keyring and schema. */
export function personalDataCodec(keys: Keyring, dataModel: RuntimeDataModel) {
  const byModel = new Map<string, EncryptedField[]>();
  for (const f of ENCRYPTED_FIELDS) byModel.set(f.model, [...(byModel.get(f.model) ?? []), f]);
  const fieldNames = new Set(ENCRYPTED_FIELDS.map((f) => f.field));
  const aadOf = new Map(ENCRYPTED_FIELDS.map((f) => [`${f.model}.${f.field}`, `${f.model}.${f.field}`]));
  /** model → relation field → related model */
  const relations = new Map<string, Map<string, string>>();
  for (const [name, m] of Object.entries(dataModel.models)) {
    relations.set(name, new Map(m.fields.filter((f) => f.kind === 'object').map((f) => [f.name, f.type])));
  }

  function encodeRow(model: string, data: unknown): unknown {
    if (Array.isArray(data)) return data.map((d) => encodeRow(model, d));
    if (!isRecord(data)) return data;
    const out: Data = { ...data };
    for (const f of byModel.get(model) ?? []) {
      if (!(f.field in out)) continue;
      const raw = out[f.field];
      const value = isRecord(raw) && 'set' in raw ? raw.set : raw;
      if (typeof value !== 'string') continue;
      out[f.field] = encryptValue(keys, value, `${model}.${f.field}`);
      if (f.hash) out[f.hash] = phoneSearchHash(keys, value);
    }
    for (const [field, target] of relations.get(model) ?? []) {
      if (isRecord(out[field])) out[field] = encodeNested(target, out[field]);
    }
    return out;
  }

  /** `{ where, data }` of a nested update(Many), or the data itself (a to-one update). */
  function encodeUpdate(model: string, u: unknown): unknown {
    if (Array.isArray(u)) return u.map((x) => encodeUpdate(model, x));
    if (isRecord(u) && 'data' in u && 'where' in u) return { ...u, data: encodeRow(model, u.data) };
    if (isRecord(u) && 'data' in u && Object.keys(u).length === 1) return { data: encodeRow(model, u.data) };
    return encodeRow(model, u);
  }

  function encodeUpsert(model: string, u: unknown): unknown {
    if (Array.isArray(u)) return u.map((x) => encodeUpsert(model, x));
    if (!isRecord(u)) return u;
    return { ...u, create: encodeRow(model, u.create), update: encodeUpdate(model, u.update) };
  }

  function encodeNested(model: string, ops: Data): Data {
    const out: Data = { ...ops };
    if ('create' in out) out.create = encodeRow(model, out.create);
    if (isRecord(out.createMany)) out.createMany = { ...out.createMany, data: encodeRow(model, out.createMany.data) };
    if ('connectOrCreate' in out) {
      const c = (x: unknown) => (isRecord(x) ? { ...x, create: encodeRow(model, x.create) } : x);
      out.connectOrCreate = Array.isArray(out.connectOrCreate) ? out.connectOrCreate.map(c) : c(out.connectOrCreate);
    }
    if ('update' in out) out.update = encodeUpdate(model, out.update);
    if ('updateMany' in out) out.updateMany = encodeUpdate(model, out.updateMany);
    if ('upsert' in out) out.upsert = encodeUpsert(model, out.upsert);
    return out;
  }

  /** Encodes the arguments of a top-level operation on `model`. */
  function encodeArgs(model: string, operation: string, args: unknown): unknown {
    if (!isRecord(args)) return args;
    switch (operation) {
      case 'create':
      case 'createMany':
      case 'createManyAndReturn':
      case 'update':
      case 'updateMany':
      case 'updateManyAndReturn':
        return 'data' in args ? { ...args, data: encodeRow(model, args.data) } : args;
      case 'upsert':
        return { ...args, create: encodeRow(model, args.create), update: encodeRow(model, args.update) };
      default:
        return args;
    }
  }

  /** Decrypts every encrypted field in a result, at any depth (the includes and selects of any model). */
  function decode(value: unknown, model = ''): unknown {
    if (Array.isArray(value)) {
      for (const v of value) decode(v, model);
    } else if (isRecord(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'string') {
          if (fieldNames.has(k) && isEncrypted(v)) {
            value[k] = decryptValue(keys, v, aadFor(model, k, v));
          }
        } else if (typeof v === 'object' && v !== null) {
          decode(v, relations.get(model)?.get(k) ?? '');
        }
      }
    }
    return value;
  }

  /** The associated data of a value: its model and field (the model may be unknown deep in a raw shape). */
  function aadFor(model: string, field: string, stored: string): string {
    const known = aadOf.get(`${model}.${field}`);
    if (known) return known;
    // Unknown model (e.g. a relation the walk could not name): try each model that has this field.
    for (const f of ENCRYPTED_FIELDS.filter((x) => x.field === field)) {
      try {
        decryptValue(keys, stored, `${f.model}.${f.field}`);
        return `${f.model}.${f.field}`;
      } catch {
        // not this one
      }
    }
    return `${model}.${field}`;
  }

  return { encodeArgs, decode };
}

/** The schema's models and relations as the generated client knows them. */
export function runtimeDataModel(client: PrismaClient): RuntimeDataModel {
  const dm = (client as unknown as { _runtimeDataModel?: RuntimeDataModel })._runtimeDataModel;
  if (!dm?.models) throw new Error('The Prisma client no longer exposes its data model: update src/lib/personal-data.ts');
  return dm;
}

/** The keyring of each client made by withPersonalData, for the search hash of what users type. */
const keyringOfClient = new WeakMap<object, Keyring>();

/**
 * The search hash for `q` on this client's keys when `q` is a phone number (7+ digits), else null:
 * `{ phoneHash: hash }` finds the record whatever way the number was written.
 */
export function phoneSearchFor(db: object, q: string): string | null {
  const keys = keyringOfClient.get(db);
  if (!keys) throw new Error('This client was not made by createDb (no personal-data keys)');
  return phoneQueryHash(keys, q);
}

/**
 * The client with personal data encrypted on every write and decrypted in every result. The
 * extension only changes values, never types, so the result is used as a PrismaClient.
 */
export function withPersonalData(client: PrismaClient, keys: Keyring): PrismaClient {
  const codec = personalDataCodec(keys, runtimeDataModel(client));
  const extended = client.$extends({
    name: 'personal-data',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const result: unknown = await query(codec.encodeArgs(model, operation, args) as typeof args);
          return codec.decode(result, model);
        },
      },
    },
  });
  keyringOfClient.set(extended, keys);
  return extended as unknown as PrismaClient;
}

// ───────────────────────────── Existing rows: encrypt, re-encrypt ─────────────────────────────

type Writer = Pick<PrismaClient, '$queryRaw' | '$executeRaw' | '$executeRawUnsafe'>;

/**
 * Brings every encrypted field to the current key: plaintext rows (a database from before this
 * release) are encrypted, rows under DATA_KEY_PREVIOUS are re-encrypted, and their search hashes
 * recomputed. Idempotent: rows already under the current key are not touched. Plain SQL, so that
 * updatedAt keeps its meaning. When rows changed, VACUUM rewrites the file so that the old values
 * leave its free pages too. Returns the number of values rewritten.
 */
export async function reencryptPersonalData(db: Writer, keys: Keyring): Promise<number> {
  const prefix = `${SCHEME}.${keys.current.id}.%`;
  let changed = 0;
  for (const f of ENCRYPTED_FIELDS) {
    const table = Prisma.raw(`"${f.model}"`);
    const column = Prisma.raw(`"${f.field}"`);
    const rows = await db.$queryRaw<Array<{ id: number | bigint; value: string }>>`
      SELECT id, ${column} AS value FROM ${table} WHERE ${column} <> '' AND ${column} NOT LIKE ${prefix}`;
    for (const row of rows) {
      const aad = `${f.model}.${f.field}`;
      const plain = decryptValue(keys, row.value, aad);
      const hash = f.hash ? Prisma.sql`, ${Prisma.raw(`"${f.hash}"`)} = ${phoneSearchHash(keys, plain)}` : Prisma.empty;
      changed += await db.$executeRaw`
        UPDATE ${table} SET ${column} = ${encryptValue(keys, plain, aad)}${hash} WHERE id = ${Number(row.id)}`;
    }
  }
  if (changed > 0) await db.$executeRawUnsafe('VACUUM');
  return changed;
}
