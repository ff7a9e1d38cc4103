import { Router } from 'express';
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
  router.use(authRoutes(services, passport, web));
  router.use(adminRoutes(services, web.sealer));
  router.use(homeRoutes(services));
  router.use(deputiesRoutes(services));
  router.use(stationsRoutes(services));
  router.use(suggestionsRoutes(services));
  router.use(publicSuggestionsRoutes(services));
  router.use(projectsRoutes(services));
  router.use(activitiesRoutes(services));
  router.use(reportsRoutes(services));
  router.use(dashboardRoutes(services));
  router.use(tasksRoutes(services));
  router.use(auditRoutes(services));
  router.use(notificationsRoutes(services));
  router.use(receptionsRoutes(services));
  router.use(opinionsRoutes(services));
  router.use(liaisonRoutes(services));
  router.use(voterRoutes(services, web.csrf));
  router.use(bannerRoutes(services));
  return router;
}
