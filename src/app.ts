import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { describeDatabase } from './db-url.js';
import type { Config } from './config.js';
import type { Services } from './services.js';
import { sessionActivity, sessionMiddleware } from './middleware/session.js';
import { createCsrf } from './middleware/csrf.js';
import { passwordGate } from './auth/password-gate.js';
import { createSealer } from './features/admin/credentials.js';
import { flashLocals } from './middleware/flash.js';
import { locals } from './middleware/locals.js';
import { errorHandler, notFound } from './middleware/error-handler.js';
import { accessLog } from './middleware/access-log.js';
import { storageFault } from './lib/storage-faults.js';
import { onceGuard } from './middleware/once.js';
import { createPassport } from './auth/passport.js';
import { multipartForms } from './middleware/multipart.js';
import { routes } from './routes.js';
import { auditContext } from './features/audit/audit.context.js';
import type { DownloadRecorder } from './lib/download.js';
import { PROJECT_ROOT } from './paths.js';
import { DEFAULT_APP_NAME } from './lib/app-name.js';
import * as format from './lib/format.js';
import * as labels from './lib/labels.js';
import { servedTownship } from './middleware/served-township.js';

const root = PROJECT_ROOT;
const require = createRequire(import.meta.url);
const fontDir = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`));

export type App = Express & { close: () => Promise<void> };

/**
 * The EJS views and what every view may use besides a request's locals (the app's name,
 * formatters, labels; also in views rendered apart from a request: lib/cached's renderView).
 */
export function useViews(app: Express, isProduction: boolean): void {
  app.set('view engine', 'ejs');
  app.set('views', path.join(root, 'views'));
  // Views include partials by absolute path from views/ (`include('/partials/field')`): a relative
  // include costs a file-system lookup on every render.
  app.set('view options', { root: path.join(root, 'views') });
  // Compiled templates are kept in production; in development an edited view shows on reload.
  app.set('view cache', isProduction);
  app.locals.appName = DEFAULT_APP_NAME;
  app.locals.fmt = format;
  app.locals.labels = labels;
}

/**
 * The whole middleware order, top to bottom. `clock` is the wall clock of sessions (idle and
 * absolute limits): tests inject one; the services' clock (`services.now`) is the business date.
 */
export function createApp(services: Services, config: Config, options: { clock?: () => Date } = {}): App {
  const clock = options.clock ?? (() => new Date());
  const app = express() as App;
  useViews(app, config.isProduction);
  app.set('trust proxy', config.TRUST_PROXY ? 1 : false);
  app.disable('x-powered-by');
  // No ETag on rendered pages: hashing each page cost more than it saved — every logged-in page is
  // no-store, so no browser ever revalidates one (static files keep theirs: express.static's own).
  app.set('etag', false);
  // Every download through lib/download's sendFile is audited with this.
  const recordDownload: DownloadRecorder = (req, entry) => services.audit.record(req.user ?? null, entry);
  app.locals.recordDownload = recordDownload;

  // Security headers: a strict CSP without inline script.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          ...(config.isProduction ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: config.isProduction,
    }),
  );
  if (config.NODE_ENV !== 'test') app.use(accessLog(config.isProduction));

  // Static files, before sessions so that they never touch the session store. Only their own paths
  // reach the file system: every other request would cost a stat() of public/<path>.
  const staticOptions = { maxAge: config.isProduction ? '7d' : 0 };
  const publicFiles = express.static(path.join(root, 'public'), staticOptions);
  const publicPath = new RegExp(
    `^/(?:${fs
      .readdirSync(path.join(root, 'public'))
      .map((f) => f.replace(/[.]/g, '\\.'))
      .join('|')})(?:/|$)`,
  );
  app.use((req, res, next) => (publicPath.test(req.path) ? publicFiles(req, res, next) : next()));
  app.use('/vendor/noto-sans-sc', express.static(fontDir('@fontsource/noto-sans-sc'), staticOptions));
  app.use('/vendor/noto-serif-sc', express.static(fontDir('@fontsource/noto-serif-sc'), staticOptions));
  app.use('/vendor/lxgw-wenkai', express.static(path.join(fontDir('@chinese-fonts/lxgwwenkai'), 'dist/LXGWWenKai-Regular'), staticOptions));
  // The work report's PDF export (features/reports) launches this Chromium when it exists.
  app.set('chromiumPath', config.CHROMIUM_PATH);

  // Health check, no session: the database answers and accepts writes (a no-op update), or 503 with the
  // reason. Says which database answered (provider and database name, as PostgreSQL reports it; never
  // the URL or its credentials).
  app.get('/healthz', async (_req, res) => {
    try {
      const database = describeDatabase(config.DATABASE_URL);
      if (database.provider === 'postgresql') {
        const [row] = await services.db.$queryRaw<Array<{ name: string }>>`SELECT current_database() AS name`;
        database.name = row?.name ?? '';
      } else await services.db.$queryRaw`SELECT 1`;
      await services.db.$executeRaw`UPDATE "Township" SET "id" = "id" WHERE 1 = 0`;
      res.json({ status: 'ok', database });
    } catch (err) {
      const fault = storageFault(err);
      console.error(`Health check failed${fault ? ` (${fault.code}): ${fault.log}` : ':'}`, fault ? '' : err);
      res.status(503).json({ status: 'error', reason: fault?.message ?? '数据库无法访问。' });
    }
  });

  app.use(auditContext); // the client address of every audit row written while serving a request
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use(multipartForms()); // file uploads (roster import), before the CSRF check reads _csrf
  const session = sessionMiddleware(services.db, config);
  app.use(session);
  const passport = createPassport(services.auth);
  app.use(passport.session());
  app.use(sessionActivity({ now: clock, policies: services.policies, audit: services.audit })); // idle and absolute limits, no-store
  app.use(servedTownship(services.townshipHosts)); // the township of the host name, for the pages without a login
  app.use(flashLocals);
  app.use(locals);
  app.use(passwordGate); // a temporary or expired password is changed before anything else
  const csrf = createCsrf(config);
  app.use(csrf.protection);
  app.use(onceGuard(services.db, clock)); // one request, one record: a form submitted twice writes once

  app.use(routes(services, passport, { csrf, sealer: createSealer(config.sessionSecret), clock }));

  app.use(notFound);
  app.use(errorHandler({ isProduction: config.isProduction, log: (err) => console.error(err), audit: services.audit }));

  app.close = () => {
    session.store.shutdown();
    return Promise.resolve();
  };
  return app;
}
