/**
 * Puts a backup in place at DATABASE_URL:
 *
 *   (stop the portal first)  npm run restore -- /mnt/usb/portal-2026-12-05.db
 *
 * Refuses a corrupt file, a file that is not a portal database, a backup whose personal data is
 * under a key the portal does not have, and a running portal. The current database is kept aside,
 * renamed with the time (portal.db.before-restore-YYYYMMDD-HHMMSS). Start the portal afterwards: it
 * applies any newer migrations to the restored database.
 */
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { sqliteFilePath } from '../src/db.js';
import { keyringOf } from '../src/lib/personal-data.js';
import { BackupError, describeSummary, restoreDatabase } from '../src/backup/backup.js';

function main(): number {
  const from = process.argv[2];
  if (!from) {
    console.error('用法 / usage: (先停止门户网站 / stop the portal first) npm run restore -- FILE');
    return 2;
  }
  const config = loadConfig();
  const keys = keyringOf(config);
  const target = sqliteFilePath(config.DATABASE_URL);
  const result = restoreDatabase(path.resolve(from), target, {
    keyIds: [keys.current.id, ...(keys.previous ? [keys.previous.id] : [])],
  });
  console.log(`已恢复 / restored to ${target}`);
  for (const line of describeSummary(result.restored)) console.log(line);
  if (result.keptAside) console.log(`原数据库已保留为 / the previous database is kept as ${result.keptAside}`);
  console.log('现在可以启动门户网站 / now start the portal (npm start)');
  return 0;
}

try {
  process.exit(main());
} catch (e) {
  console.error(e instanceof BackupError ? `恢复失败 / restore refused: ${e.message}` : e);
  process.exit(1);
}
