/**
 * Rotates the key of personal data at rest (README: 密钥轮换):
 *
 *   1. stop the portal and make a backup (npm run backup -- FILE);
 *   2. DATA_KEY=<new key> DATA_KEY_PREVIOUS=<old key> npm run keys:rotate
 *   3. start the portal with the new DATA_KEY only.
 *
 * Every encrypted value is decrypted (with either key) and encrypted again under the new one, and
 * its search hash recomputed; the file is then vacuumed so that no old ciphertext stays in free pages.
 * Running it twice does nothing the second time.
 */
import { loadConfig } from '../src/config.js';
import { createDb, sqliteFilePath } from '../src/db.js';
import { keyringOf, reencryptPersonalData } from '../src/lib/personal-data.js';
import { migrateDeploy } from '../src/migrations.js';
import { runningPortal } from '../src/backup/backup.js';

async function main(): Promise<number> {
  const config = loadConfig();
  if (!config.dataKeyPrevious) {
    console.error('请同时设置新的 DATA_KEY 和旧的 DATA_KEY_PREVIOUS / set the new DATA_KEY and the old one as DATA_KEY_PREVIOUS');
    return 2;
  }
  const file = sqliteFilePath(config.DATABASE_URL);
  const pid = runningPortal(file);
  if (pid !== null) {
    console.error(`门户网站正在运行（进程 ${pid}），请先停止它 / the portal is running (pid ${pid}): stop it first`);
    return 1;
  }
  await migrateDeploy(config.DATABASE_URL);
  const keys = keyringOf(config);
  const db = createDb(config.DATABASE_URL, { keys });
  try {
    const changed = await reencryptPersonalData(db, keys);
    console.log(
      `已用新密钥 ${keys.current.id} 重新加密 ${changed} 项个人信息 / ${changed} values re-encrypted under key ${keys.current.id}`,
    );
    console.log('现在可去掉 DATA_KEY_PREVIOUS，只用新的 DATA_KEY 启动门户网站 / now start the portal with the new DATA_KEY only');
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
