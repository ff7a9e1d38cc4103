import path from 'node:path';
import { loadConfig } from './config.js';
import { createDb, sqliteFilePath, watchChanges } from './db.js';
import { providerOf } from './db-url.js';
import { createServices } from './services.js';
import { createApp } from './app.js';
import { prepareDatabase } from './setup.js';
import { createDeadlineReminders } from './features/notifications/deadline-reminders.js';
import { closePdfBrowser } from './features/reports/reports.pdf.js';
import { createDailyBackup, scheduleDailyBackup, writePidFile } from './backup/backup.js';

const config = loadConfig();
// The pid file and the daily backup are the SQLite file's (on PostgreSQL: pg_dump, see README).
const dbFile = providerOf(config.DATABASE_URL) === 'sqlite' ? sqliteFilePath(config.DATABASE_URL) : null;
const db = createDb(config.DATABASE_URL);
if (dbFile) writePidFile(dbFile); // `npm run restore` refuses to run under a live portal
await prepareDatabase(db, config);
// On PostgreSQL: the LISTEN connection that lets values be cached across instances (src/lib/pg-changes.ts),
// opened after the migrations so that its triggers cover every table.
await watchChanges(db);
const services = createServices(db, { dataKey: config.dataKey });
const app = createApp(services, config);

// Deadline reminders (7 days before, and overdue), in batches: a minute after start (never before
// the first request), then every hour; with several instances on PostgreSQL, one at a time.
const reminders = createDeadlineReminders(db, services.now);
const remind = () => reminders.runOnce().catch((err: unknown) => console.error('Deadline reminders failed:', err));
setTimeout(() => void remind(), 60 * 1000).unref();
setInterval(() => void remind(), 60 * 60 * 1000).unref();
// The daily backup into data/backups/ (SQLite's online backup: the portal keeps serving).
if (dbFile)
  scheduleDailyBackup(createDailyBackup({ source: dbFile, dir: path.join(path.dirname(dbFile), 'backups'), keep: config.BACKUP_KEEP }));
// Express 5 calls back with the error when listening fails (a port already taken, or not allowed):
// say so and stop, instead of serving nothing.
app.listen(config.PORT, config.HOST, (err?: NodeJS.ErrnoException) => {
  if (!err) {
    console.log(`人大代表工作平台 (the portal) is listening on http://localhost:${config.PORT}`);
    return;
  }
  const why =
    err.code === 'EADDRINUSE'
      ? `port ${config.PORT} is already in use (is the portal already running?). Stop the other program or set PORT.`
      : err.code === 'EACCES'
        ? `port ${config.PORT} needs privileges this user does not have: use a port above 1024 behind a reverse proxy.`
        : err.message;
  console.error(`Cannot start the portal on ${config.HOST}:${config.PORT}: ${why}`);
  void closePdfBrowser().finally(() => process.exit(1));
});

// The shared Chromium of the PDF export and the database connections end with the server.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void Promise.allSettled([closePdfBrowser(), db.$disconnect()]).finally(() => process.exit(0));
  });
}
