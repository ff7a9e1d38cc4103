// Fills an empty database with the 东明镇 demo data: `npm run db:seed` (after `npm run db:migrate`).
// Refuses to run in production and refuses to touch a database that already holds a township.
import { createDb } from '../src/db.js';
import { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/index.js';

async function main(): Promise<number> {
  if (process.env.NODE_ENV === 'production') {
    console.error('拒绝执行：NODE_ENV=production 时不能写入演示数据。');
    return 1;
  }
  const url = process.env.DATABASE_URL ?? 'file:./data/portal.db';
  const db = createDb(url);
  try {
    const townships = await db.township.count();
    if (townships > 0) {
      console.error(`拒绝执行：数据库 ${url} 已有数据（Township 表不为空），演示数据只能写入空数据库。`);
      return 1;
    }
    const started = Date.now();
    await seedDemo(db);
    console.log(`已写入东明镇演示数据（${url}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）。`);
    console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(10)} ${a.displayName}  ${a.description}`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
