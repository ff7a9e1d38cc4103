import { loadConfig } from './config.js';
import { createDb } from './db.js';
import { createServices } from './services.js';
import { createApp } from './app.js';
import { prepareDatabase } from './setup.js';

const config = loadConfig();
const db = createDb(config.DATABASE_URL);
await prepareDatabase(db, config);
const services = createServices(db);
const app = createApp(services, config);

// Deadline reminders (7 days before, and overdue): once at start, then every hour.
const remind = () => services.suggestions.remindDeadlines().catch((err: unknown) => console.error('Deadline reminders failed:', err));
void remind();
setInterval(() => void remind(), 60 * 60 * 1000).unref();
app.listen(config.PORT, config.HOST, () => {
  console.log(`东明镇人大主席团工作平台 is listening on http://localhost:${config.PORT}`);
});
