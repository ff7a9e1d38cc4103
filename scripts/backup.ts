/**
 * A consistent copy of the portal's database, made while the portal serves:
 *
 *   npm run backup -- /mnt/usb/portal-2026-12-05.db
 *
 * Uses SQLite's online backup, checks the copy with `PRAGMA integrity_check` and prints what it
 * holds. Refuses to overwrite an existing file. DATABASE_URL names the database (as for the portal).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { sqliteFilePath } from '../src/db.js';
import { BackupError, backupDatabase, describeSummary } from '../src/backup/backup.js';

async function main(): Promise<number> {
  const target = process.argv[2];
  if (!target) {
    console.error('用法 / usage: npm run backup -- FILE');
    return 2;
  }
  const file = path.resolve(target);
  if (fs.existsSync(file)) {
    console.error(`拒绝覆盖已有文件 / refusing to overwrite ${file}: 请换一个文件名 / choose another name`);
    return 1;
  }
  const source = sqliteFilePath(loadConfig().DATABASE_URL);
  const summary = await backupDatabase(source, file);
  console.log(`备份完成 / backup written (${source} →)`);
  for (const line of describeSummary(summary)) console.log(line);
  console.log('个人信息仍为密文：恢复时需要同一个 DATA_KEY / phone numbers stay encrypted: restoring needs the same DATA_KEY');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof BackupError ? `备份失败 / backup failed: ${e.message}` : e);
    process.exit(1);
  },
);
