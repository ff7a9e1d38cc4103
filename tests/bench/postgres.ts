/**
 * The bench's PostgreSQL databases: the SAME data as a scale's SQLite database, copied table by table
 * into a PostgreSQL database migrated with the app's own migrations (prisma/postgresql/migrations),
 * so that the two columns of `npm run bench -- --db=sqlite,postgresql` differ only in the database.
 *
 * The copy is kept on the server as a database named after the SQLite file's cache key, the
 * PostgreSQL migrations and this file (`renda_bench_<scale>_<key>`); each run works on a fresh
 * `CREATE DATABASE … TEMPLATE` of it, dropped at the end. Loading: foreign keys and secondary indexes
 * are dropped, every table is streamed with `COPY … FROM STDIN` (pg-copy-streams) in one transaction,
 * then the indexes and foreign keys are made again (so they are checked), every serial sequence is
 * set past its table's largest id, the row counts are compared with SQLite's, and VACUUM ANALYZE
 * gives the planner its statistics.
 *
 * The server is given by `--pg=postgresql://user:password@host:5432/db` or BENCH_DATABASE_URL: a
 * role that may create databases (CREATEDB); its own database is only used to create and drop the
 * bench's (see README, "Speed and scale").
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { migrateDeploy, PG_MIGRATIONS_DIR } from '../../src/migrations.js';
import { pgPoolConfig } from '../../src/db-url.js';
import { dropDatabase } from '../helpers/test-db.js';
import type { Scale } from './databases.js';

/** `url` with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ ...pgPoolConfig(url), application_name: 'portal bench' });
  await client.connect();
  return client;
}

/** Runs `fn` with a connection to the server's own database (the admin URL). */
async function admin<T>(server: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect(server);
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const PREFIX = 'renda_bench_';

/** The key of the PostgreSQL copy: the SQLite file's own key, the PostgreSQL migrations, this loader. */
function pgCacheKey(sqliteFile: string): string {
  const h = crypto.createHash('sha256').update(path.basename(sqliteFile));
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(e.name).update(fs.readFileSync(p));
    }
  };
  walk(PG_MIGRATIONS_DIR);
  h.update(fs.readFileSync(import.meta.filename));
  return h.digest('hex').slice(0, 12);
}

/**
 * A fresh PostgreSQL database holding `sqliteFile`'s data, for one run: its URL and a function that
 * drops it. The loaded copy is built when missing (and older copies of the scale dropped).
 */
export async function benchPostgres(
  scale: Scale,
  sqliteFile: string,
  server: string,
  log: (line: string) => void = console.log,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = `${PREFIX}${scale}_${pgCacheKey(sqliteFile)}`;
  const exists = await admin(server, async (c) => {
    const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${PREFIX}${scale}_%`]);
    for (const { datname } of rows) {
      if (datname !== template && !datname.includes('_run_')) await dropDatabase(c, datname);
    }
    return rows.some((r) => r.datname === template);
  });
  if (!exists) await buildTemplate(scale, sqliteFile, server, template, log);
  const run = `${PREFIX}${scale}_run_${process.pid}`;
  const t0 = performance.now();
  await admin(server, async (c) => {
    await dropDatabase(c, run);
    await c.query(`CREATE DATABASE "${run}" TEMPLATE "${template}"`);
  });
  log(`  PostgreSQL: ${run} copied from ${template} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return {
    url: withDatabase(server, run),
    drop: () => admin(server, (c) => dropDatabase(c, run)),
  };
}

async function buildTemplate(scale: Scale, sqliteFile: string, server: string, template: string, log: (line: string) => void) {
  const building = `${template}_building`;
  const started = performance.now();
  log(`Loading the ${scale} data into PostgreSQL (kept on the server as ${template}) …`);
  await admin(server, async (c) => {
    await dropDatabase(c, building);
    // UTF-8 with a UTF-8 LC_CTYPE: pg_trgm indexes Chinese only then (README, "deploying for a banner").
    await c.query(`CREATE DATABASE "${building}" TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'`);
  });
  const url = withDatabase(server, building);
  await migrateDeploy(url);
  const sqlite = new Database(sqliteFile, { readonly: true });
  const client = await connect(url);
  try {
    const counts = await copyAll(sqlite, client);
    const rows = [...counts.values()].reduce((s, n) => s + n, 0);
    log(`  ${counts.size} tables, ${rows.toLocaleString('en')} rows in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    await client.query('VACUUM ANALYZE');
  } finally {
    sqlite.close();
    await client.end();
  }
  await admin(server, (c) => c.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`));
  const size = await admin(server, (c) => c.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size($1)) AS size', [template]));
  log(`  PostgreSQL copy ready in ${((performance.now() - started) / 1000).toFixed(0)} s, ${size.rows[0]?.size}`);
}

type Column = { name: string; type: string };
/** What better-sqlite3 reads from a column. */
type SqliteValue = string | number | bigint | Buffer | null;

/**
 * Copies every table of the migrated PostgreSQL schema (but the migrations' own) from SQLite, in
 * one transaction; returns the row count of each table, which must equal SQLite's.
 */
export async function copyAll(sqlite: Database.Database, client: pg.Client): Promise<Map<string, number>> {
  const { rows: cols } = await client.query<{ table: string; column: string; type: string }>(
    `SELECT c.table_name AS table, c.column_name AS column, c.data_type AS type
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, Column[]>();
  for (const c of cols) tables.set(c.table, [...(tables.get(c.table) ?? []), { name: c.column, type: c.type }]);
  const inSqlite = new Set(
    (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name),
  );
  for (const t of tables.keys())
    if (!inSqlite.has(t)) throw new Error(`table ${t} is in the PostgreSQL schema but not in the SQLite database`);

  const counts = new Map<string, number>();
  await client.query('BEGIN');
  try {
    // Foreign keys and indexes other than primary keys go, and come back after the load (checked then).
    const { rows: fks } = await client.query<{ table: string; name: string; def: string }>(
      `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
         FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`,
    );
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relnamespace = current_schema()::regnamespace AND NOT i.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    );
    for (const fk of fks) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
    for (const ix of indexes) await client.query(`DROP INDEX ${ix.name}`);

    for (const [table, columns] of tables) {
      const list = columns.map((c) => `"${c.name}"`).join(', ');
      const select = sqlite.prepare(`SELECT ${list} FROM "${table}"`).raw(true);
      let n = 0;
      const lines = function* () {
        let chunk = '';
        for (const row of select.iterate() as Iterable<SqliteValue[]>) {
          chunk += row.map((v, i) => copyText(v, columns[i]!, table)).join('\t') + '\n';
          n++;
          if (chunk.length > 1 << 20) {
            yield chunk;
            chunk = '';
          }
        }
        if (chunk) yield chunk;
      };
      await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY "${table}" (${list}) FROM STDIN`)));
      counts.set(table, n);
    }

    for (const ix of indexes) await client.query(ix.def);
    for (const fk of fks) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
    // Serial ids continue after the largest copied one (the app inserts sessions, events …).
    const { rows: serials } = await client.query<{ table: string; column: string; seq: string }>(
      `SELECT table_name AS table, column_name AS column, pg_get_serial_sequence(quote_ident(table_name), column_name) AS seq
         FROM information_schema.columns WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
    );
    for (const s of serials) {
      await client.query(`SELECT setval($1, COALESCE((SELECT MAX("${s.column}") FROM "${s.table}"), 0) + 1, false)`, [s.seq]);
    }
    for (const [table, n] of counts) {
      const want = (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
      const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${table}"`);
      if (n !== want || Number(rows[0]!.n) !== want) throw new Error(`${table}: ${want} rows in SQLite, ${rows[0]!.n} copied`);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return counts;
}

/** COPY's text format: \N for NULL, backslash escapes for backslash, tab, newline and carriage return. */
const escape = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/**
 * One SQLite value as PostgreSQL's COPY text for a column of `type`. DateTime: the better-sqlite3
 * adapter's ISO text (`2026-12-05T13:52:34.123+00:00`; unix milliseconds also accepted) to UTC
 * without zone, as adapter-pg stores it in `timestamp(3)`; Boolean: 0/1; Bytes: hex.
 */
export function copyText(v: SqliteValue, column: Column, table: string): string {
  if (v === null || v === undefined) return '\\N';
  if (Buffer.isBuffer(v)) {
    if (column.type === 'bytea') return `\\\\x${v.toString('hex')}`;
    throw new Error(`${table}.${column.name}: bytes in a ${column.type} column`);
  }
  switch (column.type) {
    case 'boolean':
      return v === 1 || v === 1n || v === '1' || v === 'true' ? 't' : 'f';
    case 'timestamp without time zone':
    case 'timestamp with time zone': {
      const d =
        typeof v === 'number' || typeof v === 'bigint'
          ? new Date(Number(v))
          : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(String(v)) ? String(v) : `${String(v).replace(' ', 'T')}Z`);
      if (Number.isNaN(d.getTime())) throw new Error(`${table}.${column.name}: not a date: ${String(v)}`);
      const iso = d.toISOString();
      return column.type === 'timestamp with time zone' ? iso : iso.slice(0, -1);
    }
    case 'date': {
      const d = typeof v === 'number' ? new Date(v) : new Date(String(v));
      if (Number.isNaN(d.getTime())) throw new Error(`${table}.${column.name}: not a date: ${String(v)}`);
      return d.toISOString().slice(0, 10);
    }
    default:
      return escape(String(v));
  }
}
