import type { Request, RequestHandler, Response } from 'express';
import { csrfToken } from './csrf.js';
import { newOnceToken } from './once.js';
import { currentLink, navFor } from '../lib/nav.js';
import { bannerAppName, townshipAppName } from '../lib/app-name.js';

/** What every view may use: the user, their navigation, the CSRF token (formatters and labels are app.locals). */
export const locals: RequestHandler = (req, res, next) => {
  setLocals(req, res);
  // Only logged-in users have a session and forms that need its token; the login form carries its
  // own (a signed cookie, middleware/csrf.ts), so that no anonymous visit creates a session row.
  res.locals.csrfToken = req.user ? csrfToken(req) : '';
  next();
};

/** Also used by the error handler, for errors raised before `locals` ran. */
export function setLocals(req: Request, res: Response): void {
  res.locals.user = req.user ?? null;
  // Each township's users see their own township's name; the banner's, the banner's portal; without
  // a login, the township of the host name (middleware/served-township), or the banner's.
  const served = res.locals.served;
  const township = req.user ? req.user.townshipName : served?.township?.name;
  if (township) res.locals.appName = townshipAppName(township);
  else if (req.user || served) res.locals.appName = bannerAppName(served?.banner ?? '');
  res.locals.nav = req.user ? navFor(req.user.role) : [];
  res.locals.navCurrent = currentLink(res.locals.nav as ReturnType<typeof navFor>, req.path);
  res.locals.path = req.path;
  res.locals.csrfToken ??= '';
  res.locals.onceToken = newOnceToken;
  res.locals.flash ??= [];
  res.locals.notificationCount ??= 0;
  res.locals.errors = {};
  res.locals.values = {};
  res.locals.query = {};
}
