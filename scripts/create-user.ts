/**
 * Creates an account — in production the first one, since the portal never seeds accounts there.
 *
 *   npm run user:create -- --username wangxy --role STAFF --name 王晓燕 [--title 人大专干] [--township 东明镇]
 *
 * The password is read from the terminal (or from standard input when piped:
 * `echo 'S3cure-Passw0rd' | npm run user:create -- …`). A township of that name is created
 * when the database has none yet. Roles: STAFF PRESIDIUM DEPUTY UNIT, and the administrators
 * SYSADMIN (系统管理员) SECADMIN (安全管理员) AUDITOR (审计管理员), which only this command creates.
 */
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/db.js';
import { createServices } from '../src/services.js';
import { migrateDeploy } from '../src/migrations.js';
import { Role } from '../src/generated/prisma/enums.js';
import { ValidationError } from '../src/errors.js';

async function readPassword(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    // Do not echo the password.
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    process.stdout.write('密码 (password): ');
    out._writeToOutput = () => {};
  }
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  if (process.stdin.isTTY) process.stdout.write('\n');
  return answer.trim();
}

async function main() {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      title: { type: 'string', default: '' },
      township: { type: 'string', default: '东明镇' },
    },
  });
  const role = values.role?.toUpperCase();
  if (!values.username || !values.name || !role || !(role in Role)) {
    console.error(
      'Usage: npm run user:create -- --username NAME --role STAFF|PRESIDIUM|DEPUTY|UNIT|SYSADMIN|SECADMIN|AUDITOR --name 显示名 [--title 职务] [--township 东明镇]',
    );
    process.exit(2);
  }
  const config = loadConfig();
  await migrateDeploy(config.DATABASE_URL);
  const db = createDb(config.DATABASE_URL);
  try {
    const township =
      (await db.township.findUnique({ where: { name: values.township } })) ??
      (await db.township.create({ data: { name: values.township } }));
    const password = await readPassword();
    const services = createServices(db, { dataKey: config.dataKey });
    const user = await services.auth.createUser({
      townshipId: township.id,
      username: values.username,
      password,
      role: role as Role,
      displayName: values.name,
      title: values.title,
    });
    console.log(`Created ${user.role} account "${user.username}" (${user.displayName}) in ${township.name}.`);
  } catch (e) {
    if (e instanceof ValidationError) {
      console.error(Object.values(e.fieldErrors).join('; '));
      process.exitCode = 1;
    } else throw e;
  } finally {
    await db.$disconnect();
  }
}

await main();
