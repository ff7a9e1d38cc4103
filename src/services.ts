import type { Db } from './db.js';
import { DEV_DATA_KEY } from './config.js';
import { createAuditService } from './features/audit/audit.service.js';
import { createAuthService } from './auth/auth.service.js';
import { createLoginGuard } from './auth/login-guard.js';
import { createSecurityPolicyService } from './auth/security-policy.service.js';
import { createSessionsService } from './auth/sessions.service.js';
import { createAdminService } from './features/admin/admin.service.js';
import { createBannerService } from './features/banner/banner.service.js';
import { createTownshipHosts } from './features/banner/banner.hosts.js';
import { createDeputiesService } from './features/deputies/deputies.service.js';
import { createRosterImports, dbJobStore } from './features/deputies/deputies.import.jobs.js';
import { createStationsService } from './features/stations/stations.service.js';
import { createSuggestionsService } from './features/suggestions/suggestions.service.js';
import { createProjectsService } from './features/projects/projects.service.js';
import { createVotingService } from './features/projects/voting.service.js';
import { createActivitiesService } from './features/activities/activities.service.js';
import { createReportsService } from './features/reports/reports.service.js';
import { createTasksService } from './features/tasks/tasks.service.js';
import { createHomeService } from './features/home/home.service.js';
import { createNotificationsService } from './features/notifications/notifications.service.js';
import { createUnitsService } from './features/units/units.service.js';
import { createSuggestionStatsService } from './features/suggestions/suggestions.stats.js';
import { createRecordsService } from './features/records/records.service.js';
import { createLiaisonService } from './features/liaison/liaison.service.js';
import { createOpinionStats } from './features/opinions/opinions.stats.js';
import { createOpinionsService } from './features/opinions/opinions.service.js';
import { createReceptionsService } from './features/receptions/receptions.service.js';

export type ServiceOptions = {
  now?: () => Date;
  /** The master key (config.dataKey); the development key when not given (tests, scripts). */
  dataKey?: Buffer;
};

/** Every service of the portal, built on one database client. Tests call these directly. */
export function createServices(db: Db, options: ServiceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const audit = createAuditService(db, { dataKey: options.dataKey ?? DEV_DATA_KEY });
  const notifications = createNotificationsService(db, now);
  const suggestions = createSuggestionsService(db, { audit, notifications }, now);
  const tasks = createTasksService(db, now, { audit, notifications });
  const projects = createProjectsService(db, audit);
  const deputies = createDeputiesService(db, audit);
  const stations = createStationsService(db, audit);
  const activities = createActivitiesService(db, audit);
  const suggestionStats = createSuggestionStatsService(db, now);
  const units = createUnitsService(db);
  const opinionStats = createOpinionStats(db);
  const liaison = createLiaisonService(db, audit, now);
  const policies = createSecurityPolicyService(db, audit, now);
  const guard = createLoginGuard(db, now);
  const auth = createAuthService(db, { audit, policies, guard }, now);
  const townshipHosts = createTownshipHosts(db);
  return {
    db,
    now,
    audit,
    notifications,
    auth,
    policies,
    loginGuard: guard,
    sessions: createSessionsService(db, audit, now),
    admin: createAdminService(db, { audit, auth, guard }, now),
    deputies,
    rosterImports: createRosterImports(deputies, dbJobStore(db)),
    stations,
    suggestions,
    suggestionStats,
    units,
    projects,
    voting: createVotingService(db, audit, now, notifications),
    activities,
    reports: createReportsService(db, {
      stations,
      projects,
      activities,
      suggestions,
      suggestionStats,
      opinionStats,
      liaison,
      units,
      audit,
      now,
    }),
    opinionStats,
    liaison,
    tasks,
    receptions: createReceptionsService(db, audit, now, notifications),
    opinions: createOpinionsService(db, { audit, notifications }, now),
    records: createRecordsService(db, { deputies, opinionStats }, now),
    home: createHomeService(db, { suggestions, tasks, projects }, now),
    banner: createBannerService(db, { audit, auth, hosts: townshipHosts }, now),
    townshipHosts,
  };
}

export type Services = ReturnType<typeof createServices>;
