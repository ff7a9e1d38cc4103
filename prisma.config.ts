import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma's CLI downloads a native schema engine before generate/validate/format unless this
// points at an existing file. The project migrates through the wasm engine (src/migrations.ts),
// so a stub that explains this is enough. A user who has the native engine may override it.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve('scripts/schema-engine-stub.cjs');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/portal.db' },
});
