import type { RequestHandler } from 'express';
import type { Role } from '../generated/prisma/enums.js';
import { ForbiddenError } from '../errors.js';

/**
 * Sends anonymous visitors to the login page, remembering in the address (not in a session: an
 * anonymous visitor has none) where they wanted to go.
 */
export const requireLogin: RequestHandler = (req, res, next) => {
  if (req.user) return next();
  const back = req.method === 'GET' && req.originalUrl !== '/' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
  res.redirect(303, `/login${back}`);
};

/** Route guard: only these roles pass; others get the Chinese 403 page. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    if (!req.user) return requireLogin(req, res, next);
    if (!roles.includes(req.user.role)) return next(new ForbiddenError());
    next();
  };
}

export const ALL_ROLES: Role[] = [
  'STAFF',
  'PRESIDIUM',
  'DEPUTY',
  'UNIT',
  'AUDITOR',
  'SYSADMIN',
  'SECADMIN',
  'BANNER_ADMIN',
  'BANNER_VIEWER',
];
/** Everyone who works with the domain data (the three administrators never do). */
export const DOMAIN_ROLES: Role[] = ['STAFF', 'PRESIDIUM', 'DEPUTY', 'UNIT'];
