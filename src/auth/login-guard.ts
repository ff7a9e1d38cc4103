/**
 * Login protection (登录失败处理), three layers — see SECURITY.md, "Login, passwords and sessions":
 *
 * 1. Per client address, across accounts (rate-limiter-flexible, Prisma store, so that several
 *    instances share it): THROTTLE_FAILURES failed logins within THROTTLE_WINDOW_MINUTES block the
 *    address for THROTTLE_BLOCK_MINUTES, whatever the username.
 * 2. Per username + address: policy.lockThreshold failures in a row lock that pair — the account
 *    stays open from every other address, so no one can lock staff out from afar. Each further
 *    lock of the same pair doubles (15, 30, 60 … minutes, at most a day).
 * 3. Per username, across addresses: after ACCOUNT_SLOWDOWN_AFTER failures in a row from anywhere
 *    (many addresses guessing one account), each attempt must wait a growing delay (2, 4, 8 … s,
 *    at most a minute): guessing slows to a crawl, the owner waits at most a minute.
 *
 * Usernames are counted as typed (lower-cased), whether they exist or not: a lock or delay for an
 * unknown name looks exactly like one for a real account.
 */
import { RateLimiterPrisma, type RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../db.js';
import type { SecurityPolicy } from './password-policy.js';

export const THROTTLE_FAILURES = 20;
export const THROTTLE_WINDOW_MINUTES = 15;
export const THROTTLE_BLOCK_MINUTES = 15;
export const ACCOUNT_SLOWDOWN_AFTER = 10;
const MAX_SLOWDOWN_SECONDS = 60;
const MAX_LOCK_MINUTES = 24 * 60;
/** Failures older than this are forgotten (and the lock stops growing). */
const MEMORY_MS = 24 * 60 * 60_000;
const ALL_ADDRESSES = '*';
const THROTTLE_PREFIX = 'login-ip';

export type Refusal = { kind: 'throttled'; seconds: number } | { kind: 'locked'; seconds: number } | { kind: 'slowed'; seconds: number };

export type FailureOutcome = {
  /** The pair was locked by this failure, for this many minutes. */
  lockedMinutes: number | null;
  /** Failures left before the pair locks. */
  left: number;
  /** The address reached the throttle with this failure. */
  throttled: boolean;
};

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function createLoginGuard(db: Db, now: () => Date) {
  const throttle = new RateLimiterPrisma({
    storeClient: db,
    tableName: 'loginThrottle',
    keyPrefix: THROTTLE_PREFIX,
    points: THROTTLE_FAILURES,
    duration: THROTTLE_WINDOW_MINUTES * 60,
    clearExpiredByTimeout: false, // no timer: pruned below, now and then, on a failure
  });

  /** Forgets old failures and ended throttles (about once in a hundred failures). */
  async function pruneNowAndThen(t: Date) {
    if (Math.random() >= 0.01) return;
    await db.loginLock.deleteMany({ where: { lastFailure: { lt: new Date(t.getTime() - MEMORY_MS) } } });
    await db.loginThrottle.deleteMany({ where: { expire: { lt: new Date(Date.now() - 3_600_000) } } });
  }

  const fresh = <T extends { lastFailure: Date | null }>(row: T | null, t: Date): T | null =>
    row?.lastFailure && t.getTime() - row.lastFailure.getTime() < MEMORY_MS ? row : null;

  return {
    /** Why an attempt must be refused before the password is even checked, or null. */
    async refusal(username: string, ip: string): Promise<Refusal | null> {
      const t = now();
      const [ipState, rows] = await Promise.all([
        throttle.get(ip),
        db.loginLock.findMany({ where: { username, ip: { in: [ip, ALL_ADDRESSES] } } }),
      ]);
      if (ipState && ipState.consumedPoints >= THROTTLE_FAILURES && ipState.msBeforeNext > 0) {
        return { kind: 'throttled', seconds: seconds(ipState.msBeforeNext) };
      }
      const pair = rows.find((r) => r.ip === ip);
      if (pair?.lockedUntil && pair.lockedUntil > t) {
        return { kind: 'locked', seconds: seconds(pair.lockedUntil.getTime() - t.getTime()) };
      }
      const account = fresh(rows.find((r) => r.ip === ALL_ADDRESSES) ?? null, t);
      if (account && account.failures >= ACCOUNT_SLOWDOWN_AFTER) {
        const wait = Math.min(2 ** (account.failures - ACCOUNT_SLOWDOWN_AFTER + 1), MAX_SLOWDOWN_SECONDS) * 1000;
        const until = account.lastFailure!.getTime() + wait;
        if (until > t.getTime()) return { kind: 'slowed', seconds: seconds(until - t.getTime()) };
      }
      return null;
    },

    /** Counts a failed attempt for the address, the pair and the account. */
    async recordFailure(username: string, ip: string, policy: SecurityPolicy): Promise<FailureOutcome> {
      const t = now();
      await pruneNowAndThen(t);
      let throttled = false;
      const ipState = await throttle.consume(ip).catch((r: unknown) => {
        if (r instanceof Error) throw r;
        return r as RateLimiterRes; // over the limit already: the library rejects with the state
      });
      if (ipState.consumedPoints >= THROTTLE_FAILURES) {
        throttled = ipState.consumedPoints === THROTTLE_FAILURES;
        if (throttled) await throttle.block(ip, THROTTLE_BLOCK_MINUTES * 60);
      }
      return db.$transaction(async (tx) => {
        const [pair, account] = await Promise.all(
          [ip, ALL_ADDRESSES].map((addr) => tx.loginLock.findUnique({ where: { username_ip: { username, ip: addr } } })),
        );
        const live = fresh(pair ?? null, t);
        const failures = (live?.failures ?? 0) + 1;
        const lock = failures >= policy.lockThreshold;
        const locks = (live?.locks ?? 0) + (lock ? 1 : 0);
        const lockedMinutes = lock ? Math.min(policy.lockMinutes * 2 ** (locks - 1), MAX_LOCK_MINUTES) : null;
        const pairData = {
          failures: lock ? 0 : failures,
          locks,
          lockedUntil: lockedMinutes ? new Date(t.getTime() + lockedMinutes * 60_000) : (live?.lockedUntil ?? null),
          lastFailure: t,
        };
        await tx.loginLock.upsert({
          where: { username_ip: { username, ip } },
          create: { username, ip, ...pairData },
          update: pairData,
        });
        const accountFailures = (fresh(account ?? null, t)?.failures ?? 0) + 1;
        await tx.loginLock.upsert({
          where: { username_ip: { username, ip: ALL_ADDRESSES } },
          create: { username, ip: ALL_ADDRESSES, failures: accountFailures, lastFailure: t },
          update: { failures: accountFailures, lastFailure: t },
        });
        return { lockedMinutes, left: lock ? 0 : policy.lockThreshold - failures, throttled };
      });
    },

    /** A successful login forgets this address's failures and the account's run of failures. */
    async recordSuccess(username: string, ip: string): Promise<void> {
      await db.loginLock.deleteMany({ where: { username, ip: { in: [ip, ALL_ADDRESSES] } } });
    },

    /** The security administrator's unlock: every address, and the account's delay. */
    async unlock(username: string): Promise<number> {
      const { count } = await db.loginLock.deleteMany({ where: { username } });
      return count;
    },

    /** Lifts an address's throttle (the security administrator's page). */
    async unthrottle(ip: string): Promise<void> {
      await throttle.delete(ip);
    },

    /** Usernames locked now from at least one address, with the latest lock end and the addresses. */
    async locked(usernames?: string[]): Promise<Map<string, { until: Date; ips: string[] }>> {
      const rows = await db.loginLock.findMany({
        where: { lockedUntil: { gt: now() }, ip: { not: ALL_ADDRESSES }, ...(usernames ? { username: { in: usernames } } : {}) },
        orderBy: { lockedUntil: 'desc' },
      });
      const out = new Map<string, { until: Date; ips: string[] }>();
      for (const r of rows) {
        const entry = out.get(r.username) ?? { until: r.lockedUntil!, ips: [] };
        entry.ips.push(r.ip);
        out.set(r.username, entry);
      }
      return out;
    },

    /** Addresses throttled now, with the time their block ends. */
    async throttledAddresses(): Promise<{ ip: string; until: Date }[]> {
      const rows = await db.loginThrottle.findMany({
        where: { key: { startsWith: `${THROTTLE_PREFIX}:` }, points: { gte: THROTTLE_FAILURES }, expire: { gt: new Date() } },
        orderBy: { expire: 'desc' },
      });
      return rows.map((r) => ({ ip: r.key.slice(THROTTLE_PREFIX.length + 1), until: r.expire! }));
    },
  };
}

export type LoginGuard = ReturnType<typeof createLoginGuard>;
