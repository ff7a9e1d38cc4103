#!/usr/bin/env node
// Stand-in for Prisma's native schema engine, which cannot be downloaded here.
// `prisma generate`, `validate` and `format` only need this path to exist.
// Migrations are applied by scripts/db.ts through @prisma/schema-engine-wasm.
console.error(
  'The native Prisma schema engine is not installed in this project.\n' +
    'Use `npm run db:migrate` (apply), `npm run db:new -- <name>` (create) and `npm run db:check`.',
);
process.exit(1);
