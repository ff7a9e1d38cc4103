import { loadConfig } from './config.js';
import { createDb } from './db.js';
import { createServices } from './services.js';
import { createApp } from './app.js';
import { prepareDatabase } from './setup.js';

const config = loadConfig();
const db = createDb(config.DATABASE_URL);
await prepareDatabase(db, config);
const app = createApp(createServices(db), config);
app.listen(config.PORT, config.HOST, () => {
  console.log(`东明镇人大主席团工作平台 is listening on http://localhost:${config.PORT}`);
});
