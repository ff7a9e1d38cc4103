import { Router, type RequestHandler } from 'express';
import type { Passport } from './auth/passport.js';
import type { Services } from './services.js';
import type { Csrf } from './middleware/csrf.js';
import type { Sealer } from './features/admin/credentials.js';
import { authRoutes } from './auth/auth.routes.js';
import { adminRoutes } from './features/admin/admin.routes.js';
import { homeRoutes } from './features/home/home.routes.js';
import { deputiesRoutes } from './features/deputies/deputies.routes.js';
import { stationsRoutes } from './features/stations/stations.routes.js';
import { suggestionsRoutes } from './features/suggestions/suggestions.routes.js';
import { publicSuggestionsRoutes } from './features/suggestions/suggestions.public.routes.js';
import { projectsRoutes } from './features/projects/projects.routes.js';
import { activitiesRoutes } from './features/activities/activities.routes.js';
import { reportsRoutes } from './features/reports/reports.routes.js';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.js';
import { tasksRoutes } from './features/tasks/tasks.routes.js';
import { auditRoutes } from './features/audit/audit.routes.js';
import { liaisonRoutes } from './features/liaison/liaison.routes.js';
import { voterRoutes } from './features/opinions/voter.routes.js';
import { opinionsRoutes } from './features/opinions/opinions.routes.js';
import { receptionsRoutes } from './features/receptions/receptions.routes.js';
import { bannerRoutes } from './features/banner/banner.routes.js';
import { notificationCount, notificationsRoutes } from './features/notifications/notifications.routes.js';

/** What some routers need from the web layer beside the services. */
export type WebContext = { csrf: Csrf; sealer: Sealer; clock: () => Date };

/** Mounts every feature's router. Each route declares its own role guard. */
export function routes(services: Services, passport: Passport, web: WebContext): Router {
  const router = Router();
  router.use(notificationCount(services));
  const features = [
    authRoutes(services, passport, web),
    adminRoutes(services, web.sealer),
    homeRoutes(services),
    deputiesRoutes(services),
    stationsRoutes(services),
    suggestionsRoutes(services),
    publicSuggestionsRoutes(services),
    projectsRoutes(services),
    activitiesRoutes(services),
    reportsRoutes(services),
    dashboardRoutes(services),
    tasksRoutes(services),
    auditRoutes(services),
    notificationsRoutes(services),
    receptionsRoutes(services),
    opinionsRoutes(services),
    liaisonRoutes(services),
    voterRoutes(services, web.csrf),
    bannerRoutes(services),
  ];
  // Each feature router is entered only for the first path segments its routes answer: a request
  // no longer walks past the 200 routes of every router mounted before its own.
  for (const feature of features) router.use(onlyItsPaths(feature));
  return router;
}

type Layer = { route?: { path: unknown }; handle: unknown; slash?: boolean };

/**
 * The first path segments (lower case: routing ignores case) that a router's routes can answer,
 * following the routers it mounts at its root; null when some layer could answer any path
 * (middleware, a parameter or pattern as the first segment), which then sees every request.
 */
export function firstSegments(router: Router): Set<string> | null {
  const out = new Set<string>();
  for (const layer of router.stack as Layer[]) {
    if (layer.route) {
      const m = typeof layer.route.path === 'string' ? /^\/([a-z0-9._-]*)(?:\/|$)/i.exec(layer.route.path) : null;
      if (!m) return null;
      out.add(m[1]!.toLowerCase());
    } else {
      const inner =
        layer.slash && typeof layer.handle === 'function' && 'stack' in layer.handle ? firstSegments(layer.handle as Router) : null;
      if (!inner) return null;
      for (const s of inner) out.add(s);
    }
  }
  return out;
}

/** A router that is entered only by the requests its routes may answer (see `firstSegments`). */
export function onlyItsPaths(router: Router): RequestHandler {
  const segments = firstSegments(router);
  if (!segments) return router;
  const handler: RequestHandler = (req, res, next) => {
    const path = req.path;
    const end = path.indexOf('/', 1);
    const first = (end < 0 ? path.slice(1) : path.slice(1, end)).toLowerCase();
    if (segments.has(first)) router(req, res, next);
    else next();
  };
  // Its routes stay visible to whoever walks the app's stack (the route-listing tests).
  return Object.assign(handler, { stack: router.stack });
}
