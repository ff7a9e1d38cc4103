import type { RequestHandler } from 'express';

/** The only pages open to a user who must change their password first (and the way out). */
const OPEN = new Set(['/account/password', '/logout']);

/**
 * A user with a temporary password (first login, after a reset) or an expired one is sent to the
 * change page and can do nothing else until it is changed; the navigation is hidden meanwhile.
 */
export const passwordGate: RequestHandler = (req, res, next) => {
  if (!req.user?.passwordChange) return next();
  res.locals.nav = [];
  if (OPEN.has(req.path)) return next();
  res.redirect(303, '/account/password');
};
