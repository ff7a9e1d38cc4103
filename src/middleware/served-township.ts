import type { RequestHandler } from 'express';
import type { Served, TownshipHosts } from '../features/banner/banner.hosts.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The township this request serves without a login (by host name), resolved once per request. */
      served?: Served;
    }
  }
}

/**
 * Resolves the township of the request's host name once (`req.hostname`: behind a proxy with
 * TRUST_PROXY, the X-Forwarded-Host it passes on) and puts it on `res.locals.served`, for the
 * pages without a logged-in user — the login page, the public results, the error pages — and the
 * header (middleware/locals). A township user's pages are their own township's whatever the host,
 * so their requests skip the lookup (a query on PostgreSQL), except for the public pages.
 */
export function servedTownship(hosts: TownshipHosts): RequestHandler {
  return (req, res, next) => {
    if (req.user?.townshipName && !req.path.startsWith('/public/')) return next();
    hosts
      .resolve(req.hostname)
      .then((served) => {
        res.locals.served = served;
        next();
      })
      .catch(next);
  };
}
