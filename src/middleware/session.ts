import session from 'express-session';
import type { Request, RequestHandler, Response } from 'express';
import type { Db } from '../db.js';
import type { Config } from '../config.js';
import type { AuditService } from '../features/audit/audit.service.js';
import type { SecurityPolicyService } from '../auth/security-policy.service.js';
import { PrismaSessionStore } from '../auth/session-store.js';

declare module 'express-session' {
  interface SessionData {
    flash?: Array<{ kind: 'success' | 'error' | 'info'; text: string }>;
    /** When the user logged in and was last seen (ms, the services' clock): absolute and idle limits. */
    loginAt?: number;
    seenAt?: number;
    /** The address and browser the user logged in from ("登录设备"). */
    client?: { ip: string; userAgent: string };
    /** A batch of temporary passwords to hand out, sealed (features/admin/credentials). */
    credentials?: string;
    /** The record whose full phone number the next visit to its page shows, once (lib/reveal). */
    revealed?: string;
  }
}

export type SessionMiddleware = RequestHandler & { store: PrismaSessionStore };

export const SESSION_COOKIE = 'renda.sid';
/** A logged-in session is written back at most this often when nothing in it changed. */
export const SEEN_WRITE_MS = 60_000;

/**
 * Server-side sessions kept in the database (table Session): a restart keeps people logged in and
 * several instances can share them. Cookies are HttpOnly, SameSite=Lax, Secure in production.
 * Nothing is stored for an anonymous visitor (saveUninitialized: false, and the login form's CSRF
 * token lives in a cookie); a logged-in request writes the row only when the session changed or
 * `seenAt` is a minute old (see `sessionActivity`), never on a plain read.
 */
export function sessionMiddleware(db: Db, config: Config): SessionMiddleware {
  const store = new PrismaSessionStore(db, { pruneEveryMs: config.NODE_ENV === 'test' ? undefined : 10 * 60 * 1000 });
  const handler = session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    proxy: config.TRUST_PROXY,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.isProduction,
      maxAge: config.SESSION_IDLE_MINUTES * 60 * 1000,
    },
  }) as SessionMiddleware;
  handler.store = store;
  return handler;
}

/** Starts the limits of a session that just logged in (call after req.logIn). */
export async function startSession(req: Request, deps: { now: () => Date; policies: SecurityPolicyService }): Promise<void> {
  const policy = await deps.policies.get();
  const t = deps.now().getTime();
  req.session.loginAt = t;
  req.session.seenAt = t;
  req.session.client = { ip: req.ip ?? '', userAgent: req.get('user-agent') ?? '' };
  req.session.cookie.maxAge = policy.idleMinutes * 60_000;
}

/**
 * For a logged-in request: ends the session past its absolute lifetime (登录最长有效) or idle
 * timeout (无操作自动退出), records activity at most once a minute, and forbids caching of
 * everything a logged-in user is sent (pages and downloads).
 */
export function sessionActivity(deps: { now: () => Date; policies: SecurityPolicyService; audit: AuditService }): RequestHandler {
  return (req, res, next) => {
    if (!req.user) return next();
    res.set('Cache-Control', 'no-store');
    const run = async () => {
      const policy = await deps.policies.get();
      const t = deps.now().getTime();
      const s = req.session;
      const loginAt = s.loginAt ?? t;
      const seenAt = s.seenAt ?? loginAt;
      const reason = t - loginAt > policy.absoluteHours * 3_600_000 ? 'absolute' : t - seenAt > policy.idleMinutes * 60_000 ? 'idle' : null;
      if (reason) return endSession(req, res, reason, deps.audit);
      if (t - seenAt >= SEEN_WRITE_MS || s.seenAt === undefined) {
        s.seenAt = t;
        if (s.cookie.originalMaxAge !== policy.idleMinutes * 60_000) s.cookie.maxAge = policy.idleMinutes * 60_000;
      }
      next();
    };
    run().catch(next);
  };
}

async function endSession(req: Request, res: Response, reason: 'absolute' | 'idle', audit: AuditService): Promise<void> {
  const user = req.user!;
  await audit.record(user, { action: 'session.timeout', entity: 'User', entityId: user.id, detail: { reason }, ip: req.ip });
  await new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err as Error) : resolve())));
  res.clearCookie(SESSION_COOKIE);
  res.redirect(303, `/login?ended=${reason}`);
}
