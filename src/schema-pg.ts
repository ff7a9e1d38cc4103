/**
 * The PostgreSQL schema is derived from prisma/schema.prisma (the one schema people edit): the same
 * models with the postgresql provider, its own client (src/generated/prisma-pg) and the indexes only
 * PostgreSQL has — trigram (pg_trgm) GIN indexes for the Chinese full-text search, which SQLite does
 * with FTS5 in a migration of its own. `npm run db:pg` rewrites prisma/postgresql/schema.prisma and
 * writes the PostgreSQL migration that brings its history up to the schema; `npm run db:check` fails
 * when the file is stale or either history does not match.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './paths.js';

export const SQLITE_SCHEMA_PATH = path.join(PROJECT_ROOT, 'prisma', 'schema.prisma');
export const PG_SCHEMA_PATH = path.join(PROJECT_ROOT, 'prisma', 'postgresql', 'schema.prisma');

/** Lines added to a model on PostgreSQL only. */
const PG_ONLY: Record<string, string[]> = {
  // Substring search (LIKE '%道路硬化%') on title and content through trigrams: needs pg_trgm and a
  // UTF-8 LC_CTYPE (see README, "deploying for a banner"). Terms under 3 characters scan.
  Suggestion: [
    '@@index([title(ops: raw("gin_trgm_ops"))], type: Gin, map: "Suggestion_title_trgm_idx")',
    '@@index([content(ops: raw("gin_trgm_ops"))], type: Gin, map: "Suggestion_content_trgm_idx")',
  ],
};

const HEADER =
  '// GENERATED from ../schema.prisma by `npm run db:pg` — do not edit: edit prisma/schema.prisma.\n' +
  '// The PostgreSQL copy of the schema: its own client (src/generated/prisma-pg) and migrations folder.\n\n';

/** The PostgreSQL schema text for a SQLite schema text. */
export function derivePostgresSchema(sqlite: string): string {
  let out = sqlite
    .replace(/output\s*=\s*"\.\.\/src\/generated\/prisma"/, 'output       = "../../src/generated/prisma-pg"')
    .replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  if (!out.includes('prisma-pg') || !out.includes('"postgresql"')) {
    throw new Error('prisma/schema.prisma: generator output or datasource provider not found (src/schema-pg.ts)');
  }
  for (const [model, lines] of Object.entries(PG_ONLY)) {
    const re = new RegExp(`(\\nmodel ${model} \\{[\\s\\S]*?)\\n\\}`);
    if (!re.test(out)) throw new Error(`prisma/schema.prisma has no model ${model} (src/schema-pg.ts)`);
    out = out.replace(
      re,
      (_all, body: string) => `${body}\n\n  // PostgreSQL only (src/schema-pg.ts)\n${lines.map((l) => `  ${l}`).join('\n')}\n}`,
    );
  }
  return HEADER + out;
}

/** Whether prisma/postgresql/schema.prisma is what prisma/schema.prisma gives. */
export function postgresSchemaIsCurrent(): boolean {
  const want = derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA_PATH, 'utf8'));
  return fs.existsSync(PG_SCHEMA_PATH) && fs.readFileSync(PG_SCHEMA_PATH, 'utf8') === want;
}

/** Rewrites prisma/postgresql/schema.prisma; returns whether it changed. */
export function writePostgresSchema(): boolean {
  const want = derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA_PATH, 'utf8'));
  const had = fs.existsSync(PG_SCHEMA_PATH) ? fs.readFileSync(PG_SCHEMA_PATH, 'utf8') : null;
  if (had === want) return false;
  fs.mkdirSync(path.dirname(PG_SCHEMA_PATH), { recursive: true });
  fs.writeFileSync(PG_SCHEMA_PATH, want);
  return true;
}
