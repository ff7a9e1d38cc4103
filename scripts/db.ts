/**
 * The migrations command line (the runner itself is src/migrations.ts):
 *   npm run db:migrate        apply pending migrations
 *   npm run db:new -- <name>  create a migration from the changes to prisma/schema.prisma
 *                             (SQLite and PostgreSQL, one folder name)
 *   npm run db:pg             after a merge: rewrite prisma/postgresql/schema.prisma and write the
 *                             PostgreSQL migration that catches up with the SQLite ones
 *   npm run db:check          fail if either history does not produce its schema
 *   npm run db:status         migration history of the database
 * DATABASE_URL defaults to `file:./data/portal.db`, relative to the current directory.
 */
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { PROJECT_ROOT } from '../src/paths.js';
import {
  SCHEMA_PATH,
  databaseUrl,
  migrateCheck,
  migrateDeploy,
  migrateNew,
  migrateStatus,
  migrateSyncPostgres,
} from '../src/migrations.js';

/**
 * Regenerates both Prisma clients. Run from here rather than chained in package.json: npm appends a
 * script's arguments to its last command, so `npm run db:new -- <name>` would hand the name to it.
 */
function generateClients(): void {
  execFileSync('npm', ['run', 'db:generate'], { stdio: 'inherit', cwd: PROJECT_ROOT });
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'deploy': {
      const url = databaseUrl();
      const applied = await migrateDeploy(url);
      if (applied.length === 0) console.log(`Database ${redact(url)} is up to date; no migration applied.`);
      else console.log(`Applied ${applied.length} migration(s) to ${redact(url)}:\n  ${applied.join('\n  ')}`);
      return 0;
    }
    case 'new': {
      const name = rest.filter((a) => !a.startsWith('-')).join('_');
      const res = await migrateNew(name);
      if (!res.sqlite.name && !res.postgresql.name) {
        console.log('No schema changes; no migration created.');
        return 0;
      }
      for (const r of [res.sqlite, res.postgresql]) if (r.file) console.log(`Created ${path.relative(PROJECT_ROOT, r.file)}`);
      generateClients();
      console.log('Review them (hand-written SQL such as triggers needs its PostgreSQL twin), then `npm run db:migrate`.');
      return 0;
    }
    case 'pg': {
      const res = await migrateSyncPostgres(rest.filter((a) => !a.startsWith('-')).join('_') || 'sync');
      if (res.schemaChanged) console.log('Rewrote prisma/postgresql/schema.prisma.');
      generateClients();
      if (res.migration.file) console.log(`Created ${path.relative(PROJECT_ROOT, res.migration.file)}`);
      else console.log('The PostgreSQL migrations already match the schema.');
      return 0;
    }
    case 'check': {
      const results = await migrateCheck(rest[0] ? path.resolve(rest[0]) : SCHEMA_PATH);
      let ok = true;
      for (const res of results) {
        const dir = res.provider === 'postgresql' ? 'prisma/postgresql/migrations' : 'prisma/migrations';
        if (res.ok) {
          console.log(`${dir} matches ${path.relative(process.cwd(), res.schemaPath) || res.schemaPath}.`);
          continue;
        }
        ok = false;
        console.error(
          `${dir} does not match ${path.relative(process.cwd(), res.schemaPath) || res.schemaPath}.\n` +
            (res.provider === 'postgresql'
              ? 'After a merge of SQLite migrations: `npm run db:pg`. After a schema edit: `npm run db:new -- <name>`.'
              : 'Create a migration with `npm run db:new -- <name>`.') +
            ' It would contain:\n\n' +
            res.script,
        );
      }
      return ok ? 0 : 1;
    }
    case 'status': {
      const url = databaseUrl();
      const s = await migrateStatus(url);
      console.log(`${s.migrations.length} migration(s) in prisma/migrations; database ${redact(url)}.`);
      if (!s.hasMigrationsTable) console.log('The database has no _prisma_migrations table yet.');
      if (s.unapplied.length) console.log(`Not yet applied:\n  ${s.unapplied.join('\n  ')}`);
      if (s.unpersisted.length) console.log(`Applied to the database but missing from prisma/migrations:\n  ${s.unpersisted.join('\n  ')}`);
      if (s.failed.length) console.log(`Failed:\n  ${s.failed.join('\n  ')}`);
      if (s.edited.length) console.log(`Edited after being applied:\n  ${s.edited.join('\n  ')}`);
      if (s.upToDate) console.log('Database schema is up to date.');
      return s.upToDate ? 0 : 1;
    }
    default:
      console.error('Usage: npm run db:migrate | db:new -- <name> | db:pg | db:check [schema] | db:status');
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
