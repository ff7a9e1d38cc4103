import type { Db } from './db.js';
import { createAuditService } from './features/audit/audit.service.js';
import { createAuthService } from './auth/auth.service.js';
import { createDeputiesService } from './features/deputies/deputies.service.js';
import { createStationsService } from './features/stations/stations.service.js';
import { createSuggestionsService } from './features/suggestions/suggestions.service.js';
import { createProjectsService } from './features/projects/projects.service.js';
import { createActivitiesService } from './features/activities/activities.service.js';
import { createReportsService } from './features/reports/reports.service.js';
import { createTasksService } from './features/tasks/tasks.service.js';
import { createHomeService } from './features/home/home.service.js';
import { createNotificationsService } from './features/notifications/notifications.service.js';
import { createUnitsService } from './features/units/units.service.js';
import { createSuggestionStatsService } from './features/suggestions/suggestions.stats.js';

export type ServiceOptions = { now?: () => Date };

/** Every service of the portal, built on one database client. Tests call these directly. */
export function createServices(db: Db, options: ServiceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const audit = createAuditService(db);
  const notifications = createNotificationsService(db);
  const suggestions = createSuggestionsService(db, { audit, notifications }, now);
  const tasks = createTasksService(db, now);
  const projects = createProjectsService(db);
  const stations = createStationsService(db);
  const activities = createActivitiesService(db);
  const suggestionStats = createSuggestionStatsService(db, now);
  const units = createUnitsService(db);
  return {
    db,
    now,
    audit,
    notifications,
    auth: createAuthService(db, audit, now),
    deputies: createDeputiesService(db, audit),
    stations,
    suggestions,
    suggestionStats,
    units,
    projects,
    activities,
    reports: createReportsService(db, { stations, projects, activities, suggestions, suggestionStats, units, audit }),
    tasks,
    home: createHomeService(db, { suggestions, tasks, projects }, now),
  };
}

export type Services = ReturnType<typeof createServices>;
