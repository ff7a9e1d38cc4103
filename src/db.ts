import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { ConnectionInfo, SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';
import { loadConfig } from './config.js';
import { prepareDataFile } from './lib/data-files.js';
import { keyringOf, withPersonalData, type Keyring } from './lib/personal-data.js';
import { PrismaClient as PgPrismaClient } from './generated/prisma-pg/client.js';
import { pgPoolConfig, providerOf, type Provider } from './db-url.js';
import { ChangeWatcher } from './lib/pg-changes.js';

export { providerOf, type Provider };

export type Db = PrismaClient;
export { PrismaClient };

/** Resolves a `file:` URL (relative to the project root) to an absolute file path. */
export function sqliteFilePath(url: string): string {
  const file = url.replace(/^file:/, '');
  return path.resolve(file);
}

/** How long a connection waits for another one's write lock before SQLITE_BUSY (ms). */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * The longest a feature's transaction may take (creating a village's accounts with their password
 * hashes): its own timeout, and how long a short transaction may wait to start behind it.
 */
export const LONGEST_TRANSACTION_MS = 60_000;

/**
 * Pragmas every connection of the portal runs with (app, scripts and tests alike):
 * - WAL: readers never wait for the writer and a commit is one append, not a journal rewrite
 *   (a write went from 13–15 ms to well under 1 ms on this machine); persistent in the file;
 * - synchronous=NORMAL: in WAL mode still safe against corruption, and a power cut loses at
 *   most the last transactions, not the database;
 * - foreign keys on (better-sqlite3's default, said explicitly);
 * - a larger page cache (16 MB) for the big tables; no memory-mapped reads: the mapped pages of a
 *   banner's file counted 250 MB in the portal's resident memory for no gain in CPU time per page
 *   (measured at banner scale; the OS page cache keeps the file anyway).
 */
export const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'foreign_keys = ON',
  'cache_size = -16000',
  'mmap_size = 0', // explicitly: a build of SQLite may default to mapping
  'temp_store = MEMORY',
] as const;

/** Prepared statements kept per connection (Prisma's adapter would prepare every query anew). */
const STATEMENT_CACHE_SIZE = 400;

/** The better-sqlite3 connection inside Prisma's adapter (a public field of its class). */
type WithClient = { client?: BetterSqlite3.Database };

/**
 * Lets the adapter reuse prepared statements. The adapter calls `prepare(sql).bind(args)` and then
 * `run()`, or `columns()` and `raw().all()`, on every query; `bind` would fix the parameters of a
 * statement for good, so the cached statement is handed out behind a small object that passes the
 * arguments to each call instead. better-sqlite3 is synchronous, so a statement is never used by
 * two queries at once.
 */
export function cacheStatements(
  client: BetterSqlite3.Database,
  max = STATEMENT_CACHE_SIZE,
  onQuery?: (sql: string, ms: number) => void,
  onStatement?: (sql: string) => void,
): void {
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, BetterSqlite3.Statement>();
  const cached = (sql: string) => {
    let stmt = cache.get(sql);
    if (stmt) {
      cache.delete(sql); // most recently used last
    } else {
      stmt = prepare(sql);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt);
    return stmt;
  };
  const timed = <T>(sql: string, fn: () => T): T => {
    if (!onQuery) return fn();
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      onQuery(sql, performance.now() - t0);
    }
  };
  (client as { prepare: unknown }).prepare = (sql: string) => {
    onStatement?.(sql);
    const stmt = cached(sql);
    return {
      reader: stmt.reader,
      readonly: stmt.readonly,
      bind: (args: unknown[]) => ({
        reader: stmt.reader,
        run: () => timed(sql, () => stmt.run(args)),
        columns: () => stmt.columns(),
        raw: () => ({ all: () => timed(sql, () => stmt.raw(true).all(args)) }),
      }),
      run: (...args: unknown[]) => timed(sql, () => stmt.run(...args)),
    };
  };
}

// ───────────────────────────── what changed ─────────────────────────────

/** Tables whose rows do not change what pages compute from the records: sessions, the bell, the log. */
const VOLATILE_TABLES = new Set(['Session', 'Notification', 'AuditLog', '_prisma_migrations', 'ImportJob']);
const WRITE =
  /^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+(?:[`"[]?main[`"\]]?\.)?[`"[]?(\w+)/i;

type Changes = {
  client: BetterSqlite3.Database | null;
  /** Counts connections: data_version is only comparable within one. */
  connection: number;
  /** `PRAGMA data_version` prepared once per connection (better-sqlite3's pragma() prepares it anew each call). */
  version?: BetterSqlite3.Statement;
  /** Its value, read once per turn of the event loop (a page asks for several stamps). */
  external?: number;
  /** Writes seen per table, and to any table that is not volatile ('*'). */
  counts: Map<string, number>;
  /** Tables written in the open transaction: counted again at its end, so that a value computed
   * from uncommitted rows is never taken for the committed state. */
  open: Set<string> | null;
};
const changesOf = new WeakMap<object, Changes>();

function bump(changes: Changes, table: string) {
  changes.counts.set(table, (changes.counts.get(table) ?? 0) + 1);
  if (!VOLATILE_TABLES.has(table)) changes.counts.set('*', (changes.counts.get('*') ?? 0) + 1);
}

function track(changes: Changes, sql: string) {
  const write = WRITE.exec(sql);
  if (write) {
    bump(changes, write[1]!);
    changes.open?.add(write[1]!);
  } else if (/^\s*BEGIN\b/i.test(sql)) {
    changes.open = new Set();
  } else if (/^\s*(?:COMMIT|END|ROLLBACK)\b/i.test(sql)) {
    for (const t of changes.open ?? []) bump(changes, t);
    if (!/^\s*ROLLBACK\s+TO\b/i.test(sql)) changes.open = null;
  }
}

/** On PostgreSQL: the LISTEN connection of each client createDb opened (src/lib/pg-changes.ts). */
const watchers = new WeakMap<object, ChangeWatcher>();

/**
 * Whether this client sees every change, so that values computed from rows can be kept: on SQLite
 * its own writes and data_version; on PostgreSQL while its LISTEN connection is up (the first call
 * opens it).
 */
export function tracksChanges(db: Db): boolean {
  const watcher = watchers.get(db);
  if (watcher) return watcher.tracks();
  return !!changesOf.get(db)?.client?.open;
}

/**
 * A stamp that changes whenever rows of `tables` may have changed — on SQLite through this client
 * (every statement it runs is watched) or through another connection (data_version); on PostgreSQL
 * through any connection to the database (the triggers' notifications, after `changesSeen`) — so
 * that a value computed from them can be kept until then. 'records' means every table but sessions,
 * notifications and the audit log. While changes are not tracked the stamp never repeats.
 */
export function changeStamp(db: Db, tables: readonly string[] | 'records'): string {
  const watcher = watchers.get(db);
  if (watcher) return watcher.stamp(tables) ?? `untracked:${Math.random()}`;
  const changes = changesOf.get(db);
  if (!changes?.client?.open) return `unconnected:${Math.random()}`;
  // A value read earlier in this turn is safe: a stamp older than the rows read only makes the value
  // be computed again later, never kept past a change.
  if (changes.external === undefined) {
    changes.external = changes.version!.get() as number;
    setImmediate(() => (changes.external = undefined));
  }
  const external = changes.external;
  const names = tables === 'records' ? ['*'] : tables;
  return `${changes.connection}:${external}|${names.map((t) => changes.counts.get(t) ?? 0).join(',')}`;
}

/**
 * On PostgreSQL: resolves once every change committed before the call has reached `changeStamp`
 * (a round trip on the LISTEN connection), with whether changes are tracked; take the stamp after
 * it. Null where the stamp is current at once (SQLite) or never repeats (a transaction's client).
 */
export function changesSeen(db: Db): Promise<boolean> | null {
  return watchers.get(db)?.sync() ?? null;
}

/** Starts tracking changes (PostgreSQL: opens the LISTEN connection); resolves with whether they are tracked. */
export async function watchChanges(db: Db): Promise<boolean> {
  const watcher = watchers.get(db);
  if (watcher) return watcher.start();
  return tracksChanges(db);
}

/** The LISTEN connection's watcher of a PostgreSQL client (tests and diagnostics). */
export function changeWatcherOf(db: Db): ChangeWatcher | undefined {
  return watchers.get(db);
}

/**
 * Gives SQLite's query planner statistics (sqlite_stat1): without them it takes any index on
 * townshipId — the same value in every row of a one-township portal — to be as selective as one on
 * the lead deputy, and scans the township. The first connection to a database without statistics
 * runs ANALYZE on a sample (analysis_limit: under a second at city scale); later ones let
 * `PRAGMA optimize` refresh the tables that changed a lot. A read-only file keeps the plans it has.
 */
function updatePlannerStatistics(client: BetterSqlite3.Database): void {
  try {
    // An empty file stays empty (the schema engine refuses to migrate a database with sqlite_stat1).
    if (!client.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table'`).get()) return;
    client.pragma('analysis_limit = 400');
    const analyzed = client.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`).get();
    if (analyzed) client.pragma('optimize = 0x10002');
    else client.exec('ANALYZE');
  } catch {
    // read-only or busy: plan without fresh statistics
  }
}

/** SQLITE_MAX_VARIABLE_NUMBER of the linked SQLite (999 before SQLite 3.32). */
function maxVariables(client: BetterSqlite3.Database): number {
  const options = client.pragma('compile_options') as Array<{ compile_options: string }>;
  const m = options.map((o) => /^MAX_VARIABLE_NUMBER=(\d+)$/.exec(o.compile_options)).find(Boolean);
  return m ? Number(m[1]) : 999;
}

export type DbOptions = {
  /** Called after every statement with its SQL and how long SQLite took (query counts and plans in the bench). */
  onQuery?: (sql: string, ms: number) => void;
  /** The keys of personal data at rest; by default those of DATA_KEY (and DATA_KEY_PREVIOUS). */
  keys?: Keyring;
  /** PostgreSQL: the URL of the connection that LISTENs for changes (default: DATABASE_LISTEN_URL for DATABASE_URL, else `url`). */
  listenUrl?: string;
};

type Statement = Parameters<SqlDriverAdapter['queryRaw']>[0];

/**
 * Keeps every statement issued outside a transaction out of the transaction that is open. The
 * adapter runs one interactive transaction at a time on its one connection but sends any other
 * statement straight to that connection, where it would run inside the open transaction: it would
 * read the transaction's uncommitted rows, and a write of another request (its session, a
 * notification) would be rolled back with it. Here, while a transaction is open (or waiting), a
 * read runs at once on `reader`, a second, read-only connection that sees what is committed (WAL
 * lets it read while the transaction writes): a long transaction (a village's accounts) does not
 * hold up every page. Any other statement waits for the transaction to end; transactions and
 * waiting statements take their turns in the order they came, so that neither starves the other.
 * With no transaction open a statement runs at once on the one connection, as before.
 *
 * Code inside `db.$transaction(async (tx) => …)` must therefore send every statement through `tx`:
 * a read sent through `db` does not see the transaction's own writes, and a write waits for the
 * transaction around it, until that transaction's timeout. (It cannot be told from another
 * request's statement: Prisma sends queries from a shared tick.)
 */
function outsideTransactions(adapter: SqlDriverAdapter, client: BetterSqlite3.Database, reader: SqlDriverAdapter): void {
  const line: Array<() => void> = [];
  let open = false;
  const next = () => {
    while (!open && line.length) line.shift()!();
  };
  const end = () => {
    try {
      // A COMMIT that failed leaves the transaction open on the connection: end it, not the next request.
      if (client.inTransaction) client.prepare('ROLLBACK').run();
    } finally {
      open = false;
      next();
    }
  };
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    // The turn is taken when it is given (`open` at once), so that nothing behind it runs first.
    if (open || line.length) {
      await new Promise<void>((resolve) =>
        line.push(() => {
          open = true;
          resolve();
        }),
      );
    } else open = true;
    let transaction: Transaction;
    try {
      // The adapter keeps its lock for good when BEGIN fails, and BEGIN fails inside a transaction
      // (one begun by raw SQL): refuse before it, so that one bad statement does not stop every later one.
      if (client.inTransaction) throw new Error('A transaction is already open on the SQLite connection');
      transaction = await start(isolationLevel);
    } catch (e) {
      end();
      throw e;
    }
    let ended = false;
    for (const close of ['commit', 'rollback'] as const) {
      const closeTransaction = transaction[close].bind(transaction);
      transaction[close] = () =>
        closeTransaction().finally(() => {
          if (ended) return;
          ended = true;
          end();
        });
    }
    return transaction;
  };
  const readerClient = (reader as WithClient).client!;
  const reads = (sql: string) => {
    try {
      const stmt = readerClient.prepare(sql);
      return stmt.reader && stmt.readonly;
    } catch {
      return false; // e.g. a table the reader's schema does not know yet: it waits its turn
    }
  };
  for (const name of ['queryRaw', 'executeRaw'] as const) {
    const run = adapter[name].bind(adapter) as (query: Statement) => Promise<unknown>;
    // better-sqlite3 runs the statement during the call: a turn is taken and used in one step.
    (adapter as unknown as Record<string, unknown>)[name] = (query: Statement) => {
      if (!open && !line.length) return run(query);
      if (name === 'queryRaw' && reads(query.sql)) return reader.queryRaw(query);
      return new Promise((resolve) => line.push(() => resolve(run(query))));
    };
  }
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = () => Promise.all([reader.dispose(), dispose()]).then(() => undefined);
}

/** Applies the portal's pragmas and statement cache to a connection the adapter opened. */
function tune(adapter: SqlDriverAdapter, options: DbOptions, changes: Changes): SqlDriverAdapter {
  const client = (adapter as WithClient).client;
  if (!client) throw new Error('The better-sqlite3 adapter no longer exposes its connection: update src/db.ts');
  for (const pragma of SQLITE_PRAGMAS) client.pragma(pragma);
  updatePlannerStatistics(client);
  changes.client = client;
  changes.version = client.prepare('PRAGMA data_version').pluck();
  changes.external = undefined;
  changes.connection++;
  changes.open = null;
  cacheStatements(client, STATEMENT_CACHE_SIZE, options.onQuery, (sql) => track(changes, sql));
  // Prisma assumes SQLite's old limit of 999 bound parameters and refuses (P2029) a relation load
  // it cannot split, such as a nested `take`, past it; the SQLite inside better-sqlite3 allows 32766.
  const limit = maxVariables(client);
  (adapter as { getConnectionInfo?: () => ConnectionInfo }).getConnectionInfo = () => ({
    maxBindValues: limit,
    supportsRelationJoins: false,
  });
  return adapter;
}

/** The same for the read-only connection (`outsideTransactions`), which only reads. */
function tuneReader(reader: SqlDriverAdapter, options: DbOptions): SqlDriverAdapter {
  const client = (reader as WithClient).client!;
  // journal_mode belongs to the file (WAL, set by the writer) and cannot be set on a read-only connection
  for (const pragma of SQLITE_PRAGMAS) if (!pragma.startsWith('journal_mode')) client.pragma(pragma);
  cacheStatements(client, STATEMENT_CACHE_SIZE, options.onQuery);
  return reader;
}

/** Prisma's better-sqlite3 adapter with the portal's pragmas, busy timeout and statement cache. */
export function sqliteAdapter(
  file: string,
  options: DbOptions = {},
  changes: Changes = { client: null, connection: 0, counts: new Map(), open: null },
): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS });
  const committed = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS, readonly: true });
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => {
      const adapter = tune(await base.connect(), options, changes);
      // opened once the writer has made the file and switched it to WAL
      outsideTransactions(adapter, (adapter as WithClient).client!, tuneReader(await committed.connect(), options));
      return adapter;
    },
    connectToShadowDb: () => base.connectToShadowDb(),
  };
}

const urls = new WeakMap<object, string>();

/**
 * Which database a client (or a transaction's client) talks to: raw SQL and locks differ
 * (src/lib/sql.ts, src/lib/locks.ts).
 */
export function providerOfDb(db: object): Provider {
  return (db as { _activeProvider?: string })._activeProvider === 'postgresql' ? 'postgresql' : 'sqlite';
}

/** The URL a client created by createDb was opened with. */
export function urlOfDb(db: object): string | undefined {
  return urls.get(db);
}

/**
 * Opens the database at `url`: SQLite (`file:./data/portal.db`, creating its folder) or PostgreSQL
 * (`postgresql://…`, through @prisma/adapter-pg and the client generated from
 * prisma/postgresql/schema.prisma, which has the same models: typed as the SQLite client).
 */
export function createDb(url: string, options: DbOptions = {}): Db {
  const keys = options.keys ?? keyringOf(loadConfig());
  if (providerOf(url) === 'postgresql') {
    // The same models and the same personal-data extension, on the client generated for PostgreSQL.
    const client = new PgPrismaClient({ adapter: new PrismaPg(pgPoolConfig(url)) }) as unknown as PrismaClient;
    const db = withPersonalData(client, keys);
    // The LISTEN connection: DATABASE_LISTEN_URL when it is this database's direct URL (behind a pooler in transaction mode).
    const config = options.listenUrl ? null : loadConfig();
    const listenUrl = options.listenUrl ?? (config?.DATABASE_URL === url ? config.DATABASE_LISTEN_URL : undefined) ?? url;
    const { max: _max, ...clientConfig } = pgPoolConfig(listenUrl);
    const watcher = new ChangeWatcher(clientConfig, { volatile: VOLATILE_TABLES });
    watchers.set(db, watcher);
    // $disconnect closes it too; like Prisma's pool it opens again when next needed.
    const disconnect = db.$disconnect.bind(db);
    db.$disconnect = async () => {
      await watcher.stop();
      await disconnect();
    };
    urls.set(db, url);
    return db;
  }
  const file = sqliteFilePath(url);
  prepareDataFile(file);
  const changes: Changes = { client: null, connection: 0, counts: new Map(), open: null };
  const client = new PrismaClient({ adapter: sqliteAdapter(file, options, changes) });
  const db = withPersonalData(client, keys);
  changesOf.set(db, changes);
  urls.set(db, url);
  return db;
}

/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
