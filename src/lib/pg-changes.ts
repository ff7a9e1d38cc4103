/**
 * What changed on PostgreSQL, for `changeStamp` in src/db.ts, when several instances share one
 * database (README, "deploying for a banner").
 *
 * Every table but the never-cached ones (UNWATCHED) carries a statement-level trigger that calls
 * `pg_notify('portal_changes', <table>)`. PostgreSQL delivers a notification to every listening
 * session once the writing transaction has committed, and drops it when the transaction rolls back.
 * Each client opened by createDb keeps one connection of its own (a node-postgres `Client`, outside
 * Prisma's pool) that LISTENs on the channel and counts the notifications per table: the stamp of a
 * set of tables is built from those counts, synchronously.
 *
 * Notifications arrive a little after the commit. So that a value is never served once a change is
 * visible to this instance's reads, `cached()` first awaits `sync()`: a round trip on the listening
 * connection that starts after the call. PostgreSQL sends a session the notifications of every
 * transaction that committed before its query, ahead of the query's answer, so once the answer is
 * in, every commit that happened before the call has been counted — this instance's own writes
 * included (no write tracking is needed) and another instance's that an earlier request depended
 * on. Concurrent callers share round trips (at most one in flight, the next one queued).
 *
 * The triggers are installed when the connection opens (idempotently, under an advisory lock, only
 * on the tables that lack them), so a table added by a later migration is covered once any
 * instance reconnects (setup.ts disconnects before migrating); a table found without the trigger
 * (no privilege to add it) is never cached. While the connection is down — or a round trip does not
 * answer within BARRIER_TIMEOUT_MS — nothing is cached; every stamp taken before is void (the
 * epoch changes); it reconnects with backoff and says so once per outage.
 */
import pg from 'pg';

export const CHANNEL = 'portal_changes';
const TRIGGER = 'portal_notify_change';
/** Tables nothing caches: the migration history, the append-only audit log, roster-import jobs. */
export const UNWATCHED: readonly string[] = ['_prisma_migrations', 'AuditLog', 'ImportJob'];
/** A round trip that takes longer than this counts as a lost connection (a half-open TCP connection never answers). */
export const BARRIER_TIMEOUT_MS = 2000;
const RETRY_MS = [500, 1000, 2000, 5000, 10_000, 30_000];

/** The trigger function and the triggers on every table of the schema that lacks one. */
const INSTALL = `
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('portal:change-triggers'));
CREATE OR REPLACE FUNCTION ${TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify('${CHANNEL}', TG_TABLE_NAME);
  RETURN NULL;
END
$fn$;
DO $do$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c
    WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.relkind = 'r'
      AND c.relname <> ALL (ARRAY[${UNWATCHED.map((t) => `'${t}'`).join(', ')}]::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = '${TRIGGER}')
  LOOP
    EXECUTE format('CREATE TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION ${TRIGGER}()', t);
  END LOOP;
END
$do$;
COMMIT;`;

/** Which tables of the schema have the (enabled) trigger. */
const COVERAGE = `
SELECT c.relname AS name,
       EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = '${TRIGGER}' AND g.tgenabled <> 'D') AS watched
FROM pg_class c
WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.relkind = 'r'`;

export type ChangeWatcherOptions = {
  /** Tables left out of 'records' (sessions, the bell, the log: db.ts VOLATILE_TABLES). */
  volatile: ReadonlySet<string>;
  log?: (message: string) => void;
};

export class ChangeWatcher {
  private readonly counts = new Map<string, number>();
  private watched = new Set<string>();
  /** Every table outside `volatile` has the trigger: 'records' can be stamped. */
  private recordsWatched = false;
  /** Changes at every (dis)connection: stamps of another connection never match. */
  private epoch = 0;
  private client: pg.Client | null = null;
  private pid = 0;
  private listening = false;
  private started = false;
  /** For good: the connection goes through a transaction pooler. */
  private closed = false;
  private outage = false;
  private failures = 0;
  private retry: NodeJS.Timeout | null = null;
  private firstAttempt: Promise<boolean> | null = null;
  private inFlight: Promise<boolean> | null = null;
  private queued: Promise<boolean> | null = null;
  private readonly log: (message: string) => void;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly options: ChangeWatcherOptions,
  ) {
    this.log = options.log ?? ((m) => console.warn(m));
  }

  /** Opens the listening connection (once); resolves when the first attempt has succeeded (true) or failed. */
  start(): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (!this.started) {
      this.started = true;
      this.firstAttempt = this.connect();
    }
    return this.listening ? Promise.resolve(true) : (this.firstAttempt ?? Promise.resolve(false));
  }

  /** Whether changes are being counted now (the connection is listening). */
  tracks(): boolean {
    if (!this.started) void this.start();
    return this.listening;
  }

  /**
   * Resolves once every commit made before this call has been counted (true), or with false when
   * that cannot be known (not connected, no answer): then nothing may be kept.
   */
  sync(): Promise<boolean> {
    if (!this.listening) {
      if (!this.started) void this.start();
      return Promise.resolve(false);
    }
    if (!this.inFlight) {
      const trip = this.roundTrip().finally(() => {
        if (this.inFlight === trip) this.inFlight = null;
      });
      this.inFlight = trip;
      return trip;
    }
    // The round trip under way may have been sent before this call: wait for the next one.
    const queued = (this.queued ??= this.inFlight.then(() => {
      this.queued = null;
      return this.sync();
    }));
    return queued;
  }

  /** The stamp of `tables` now, or null when their changes are not being counted. */
  stamp(tables: readonly string[] | 'records'): string | null {
    if (!this.listening) return null;
    if (tables === 'records') return this.recordsWatched ? `${this.epoch}|${this.counts.get('*') ?? 0}` : null;
    if (!tables.every((t) => this.watched.has(t))) return null;
    return `${this.epoch}|${tables.map((t) => this.counts.get(t) ?? 0).join(',')}`;
  }

  /** The listening connection, while there is one (tests and diagnostics). */
  get connection(): pg.Client | null {
    return this.client;
  }

  /** Closes the connection; the next `sync()` or `tracks()` opens it again (as Prisma reconnects after $disconnect). */
  async stop(): Promise<void> {
    const client = this.client;
    this.reset();
    this.started = false;
    this.firstAttempt = null;
    this.failures = 0;
    this.outage = false;
    if (client) {
      hold(client, true); // until it has ended
      await client.end().catch(() => undefined);
    }
  }

  private reset() {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.client = null;
    this.listening = false;
    this.epoch++;
  }

  private bump(table: string) {
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
    if (!this.options.volatile.has(table)) this.counts.set('*', (this.counts.get('*') ?? 0) + 1);
  }

  private async connect(): Promise<boolean> {
    if (this.closed) return false;
    const client = new pg.Client({ ...this.config, application_name: 'portal changes', keepAlive: true });
    this.client = client;
    client.on('notification', (n) => {
      if (this.client === client && n.channel === CHANNEL && n.payload) this.bump(n.payload);
    });
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client, new Error('connection closed')));
    try {
      await client.connect();
      try {
        await client.query(INSTALL);
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        this.log(`Change notifications: could not add the triggers (${(e as Error).message}); tables without them are not cached.`);
      }
      const { rows } = await client.query<{ name: string; watched: boolean }>(COVERAGE);
      await client.query(`LISTEN ${CHANNEL}`);
      const { rows: me } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      if (this.client !== client) {
        void client.end().catch(() => undefined); // stopped meanwhile
        return false;
      }
      this.watched = new Set(rows.filter((r) => r.watched).map((r) => r.name));
      this.recordsWatched = rows.every((r) => r.watched || this.options.volatile.has(r.name) || UNWATCHED.includes(r.name));
      this.pid = me[0]!.pid;
      hold(client, false);
      this.epoch++;
      this.listening = true;
      this.failures = 0;
      if (this.outage) this.log('Change notifications: listening again; cached values are kept again.');
      this.outage = false;
      return true;
    } catch (e) {
      this.lost(client, e);
      return false;
    }
  }

  /** The connection failed or ended: nothing counted from here on, every earlier stamp void, a retry later. */
  private lost(client: pg.Client, e: unknown) {
    if (this.client !== client) {
      void client.end().catch(() => undefined);
      return;
    }
    this.reset();
    void client.end().catch(() => undefined);
    if (this.closed || !this.started) return;
    if (!this.outage) {
      this.outage = true;
      this.log(
        `Change notifications lost (${(e as Error)?.message ?? String(e)}): values are computed afresh until the portal listens again.`,
      );
    }
    const delay = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)]!;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, delay);
    this.retry.unref();
  }

  private async roundTrip(): Promise<boolean> {
    const client = this.client;
    const epoch = this.epoch;
    if (!client || !this.listening) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      hold(client, true);
      const answer = client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${BARRIER_TIMEOUT_MS} ms`)), BARRIER_TIMEOUT_MS);
      });
      const { rows } = await Promise.race([answer, timeout]);
      if (rows[0]?.pid !== this.pid) {
        // Another server session answered: a pooler in transaction mode sits between (LISTEN needs a session).
        this.log(
          'Change notifications: the listening connection goes through a transaction pooler; set DATABASE_LISTEN_URL to a direct URL. Nothing is cached.',
        );
        this.closed = true;
        this.lost(client, new Error('transaction pooler'));
        return false;
      }
      return this.client === client && this.epoch === epoch && this.listening;
    } catch (e) {
      this.lost(client, e);
      return false;
    } finally {
      clearTimeout(timer);
      hold(client, false);
    }
  }
}

/**
 * Whether the listening connection keeps the process alive: while it connects or answers a round
 * trip, yes; idle, no — a script that forgets `$disconnect` still ends (Prisma's idle pool lets it
 * go after 10 s), and the server has its own reasons to live.
 */
function hold(client: pg.Client, on: boolean) {
  const socket = (client as unknown as { connection?: { stream?: { ref?: () => void; unref?: () => void } } }).connection?.stream;
  if (on) socket?.ref?.();
  else socket?.unref?.();
}
