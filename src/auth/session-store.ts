import session from 'express-session';
import type { SessionData } from 'express-session';
import type { Db } from '../db.js';
import { cached } from '../lib/cached.js';

type Callback = (err?: unknown) => void;

/** What the store reads from a session's data to fill the columns beside it. */
type SessionColumns = {
  passport?: { user?: number };
  loginAt?: number;
  seenAt?: number;
  client?: { ip: string; userAgent: string };
};

/**
 * express-session's store on the Session table. It writes only when express-session saves a
 * changed session (the session middleware changes `seenAt` at most once a minute, so a plain read
 * costs no write) and has no `touch`. The user id, login time, last activity, address and browser
 * sit in columns for the "my sessions" page; a session ended from elsewhere is marked `endedAt`
 * and is never read or written back again.
 */
export class PrismaSessionStore extends session.Store {
  private readonly prune: NodeJS.Timeout | null;

  constructor(
    private readonly db: Db,
    options: { pruneEveryMs?: number } = {},
  ) {
    super();
    this.prune = options.pruneEveryMs ? setInterval(() => void this.pruneExpired(), options.pruneEveryMs) : null;
    this.prune?.unref();
  }

  override get(sid: string, cb: (err: unknown, session?: SessionData | null) => void): void {
    // The row is kept until any session row changes (a session ended elsewhere, a logout) and for
    // at most a few seconds; expiry is checked on every read, and each read parses its own copy.
    cached(this.db, `session:${sid}`, ['Session'], 5_000, () =>
      this.db.session.findFirst({ where: { sid, endedAt: null }, select: { data: true, expiresAt: true } }),
    )
      .then((row) => cb(null, row && row.expiresAt.getTime() > Date.now() ? (JSON.parse(row.data) as SessionData) : null))
      .catch((err: unknown) => cb(err));
  }

  override set(sid: string, sess: SessionData, cb?: Callback): void {
    const s = sess as SessionData & SessionColumns;
    const expiresAt = sess.cookie.expires ? new Date(sess.cookie.expires) : new Date(Date.now() + 24 * 60 * 60_000);
    // passport saves a new session once before the login route adds loginAt and client: the
    // second save fills them in, so they are written on update too.
    const columns = {
      data: JSON.stringify(sess),
      expiresAt,
      userId: s.passport?.user ?? null,
      ...(s.seenAt ? { lastSeenAt: new Date(s.seenAt) } : {}),
      ...(s.loginAt ? { startedAt: new Date(s.loginAt) } : {}),
      ...(s.client ? { ip: s.client.ip, userAgent: s.client.userAgent.slice(0, 400) } : {}),
    };
    this.db.session
      .upsert({
        where: { sid },
        create: { sid, ...columns },
        // An ended session stays ended: the update leaves endedAt alone and get() never reads it.
        update: columns,
      })
      .then(() => cb?.())
      .catch((err: unknown) => cb?.(err));
  }

  override destroy(sid: string, cb?: Callback): void {
    this.db.session
      .deleteMany({ where: { sid } })
      .then(() => cb?.())
      .catch((err: unknown) => cb?.(err));
  }

  /** Deletes expired sessions and those ended more than a day ago. */
  async pruneExpired(): Promise<number> {
    const t = Date.now();
    const { count } = await this.db.session.deleteMany({
      where: { OR: [{ expiresAt: { lt: new Date(t) } }, { endedAt: { lt: new Date(t - 24 * 60 * 60_000) } }] },
    });
    return count;
  }

  shutdown(): void {
    if (this.prune) clearInterval(this.prune);
  }
}
