import cookieParser from 'cookie-parser';
import { csrfSync } from 'csrf-sync';
import { doubleCsrf } from 'csrf-csrf';
import type { Request, RequestHandler, Response } from 'express';
import type { Config } from '../config.js';

const formToken = (req: Request): string | undefined => {
  const v = (req.body as Record<string, unknown> | undefined)?._csrf;
  return typeof v === 'string' ? v : undefined;
};

/**
 * Synchronizer-token CSRF protection (csrf-sync; csurf is deprecated) for everything a logged-in
 * user posts. The token lives in the server-side session; forms post it as `_csrf`, fetch() calls
 * may send `x-csrf-token`.
 */
export const { csrfSynchronisedProtection, generateToken: csrfToken } = csrfSync({
  getTokenFromRequest: (req: Request) => formToken(req) ?? req.headers['x-csrf-token'],
});

export type Csrf = {
  /** The protection of every state-changing request, the login form's included. */
  protection: RequestHandler;
  /** A token for the login form and the voters' public forms (/v/…), in a signed cookie: no session is created. */
  loginToken: (req: Request, res: Response) => string;
  /** Forgets the login form's cookie once logged in. */
  clearLoginToken: (res: Response) => void;
};

/**
 * The login form is protected by a signed double-submit cookie (csrf-csrf): its token is an HMAC
 * under the session secret, posted back both in the form and in an HttpOnly, SameSite=Strict
 * cookie (`__Host-` in production), so that no session row exists for a visitor who has not
 * logged in (and none for a voter who sends an opinion through a code, /v/…). Every other form uses
 * the session's synchronizer token.
 */
export function createCsrf(config: Config): Csrf {
  const cookieName = config.isProduction ? '__Host-renda.login-csrf' : 'renda.login-csrf';
  const login = doubleCsrf({
    getSecret: () => config.sessionSecret,
    // No session yet: the token is bound to its cookie alone (login CSRF needs no more).
    getSessionIdentifier: () => 'login-form',
    cookieName,
    cookieOptions: { sameSite: 'strict', path: '/', secure: config.isProduction, httpOnly: true },
    getCsrfTokenFromRequest: formToken,
  });
  const parseCookies = cookieParser();
  /** Forms of visitors without a session: the login form and the voters' forms behind the codes (/v/…). */
  const isLoginPost = (req: Request) => req.method === 'POST' && (req.path === '/login' || req.path.startsWith('/v/'));

  return {
    protection: (req, res, next) => {
      if (!isLoginPost(req)) return csrfSynchronisedProtection(req, res, next);
      parseCookies(req, res, () => (login.validateRequest(req) ? next() : next(login.invalidCsrfTokenError)));
    },
    loginToken: (req, res) => {
      let token = '';
      parseCookies(req, res, () => (token = login.generateCsrfToken(req, res, { overwrite: false })));
      return token;
    },
    clearLoginToken: (res) => res.clearCookie(cookieName, { path: '/' }),
  };
}
