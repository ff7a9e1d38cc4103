import session from 'express-session';
import { PrismaSessionStore } from '@quixo3/prisma-session-store';
import type { RequestHandler } from 'express';
import type { Db } from '../db.js';
import type { Config } from '../config.js';

declare module 'express-session' {
  interface SessionData {
    flash?: Array<{ kind: 'success' | 'error' | 'info'; text: string }>;
    returnTo?: string;
  }
}

export type SessionMiddleware = RequestHandler & { store: PrismaSessionStore };

/**
 * Server-side sessions kept in the database (table Session): a restart keeps people logged in and
 * several instances can share them. Cookies are HttpOnly, SameSite=Lax, Secure in production; the
 * session ends after SESSION_IDLE_MINUTES without a request (rolling expiry).
 */
export function sessionMiddleware(db: Db, config: Config): SessionMiddleware {
  const store = new PrismaSessionStore(db, {
    checkPeriod: config.NODE_ENV === 'test' ? undefined : 10 * 60 * 1000,
    dbRecordIdIsSessionId: true,
    logger: false,
  });
  const handler = session({
    name: 'renda.sid',
    secret: config.sessionSecret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
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
