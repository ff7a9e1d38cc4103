/**
 * Query plans and connection settings that keep the aggregate pages fast on PostgreSQL (found by
 * `npm run bench:queries -- --pg=… --explain` at banner scale). Plans, never timings, decide here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.js';
import { yearGroupsSql } from '../../src/features/suggestions/suggestions.stats.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { ON_POSTGRES } from '../helpers/test-db.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the statistics query', () => {
  it('computes its per-suggestion subqueries once: the base set is materialized, not inlined into every use', async () => {
    const db = t.services.db;
    const sql = yearGroupsSql(db, 1, 2025, new Date('2025-06-01T00:00:00Z'));
    if (ON_POSTGRES) {
      const plan = (await db.$queryRaw<Array<{ 'QUERY PLAN': string }>>(Prisma.sql`EXPLAIN ${sql}`)).map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/CTE Scan on base/);
    } else {
      const plan = (await db.$queryRaw<Array<{ detail: string }>>(Prisma.sql`EXPLAIN QUERY PLAN ${sql}`)).map((r) => r.detail).join('\n');
      expect(plan).toMatch(/MATERIALIZE base/);
    }
  });
});

describe.skipIf(!ON_POSTGRES)('the portal’s PostgreSQL connections', () => {
  it('run without JIT compilation (it cost seconds on the statistics query and gains nothing on short ones)', async () => {
    const [row] = await t.services.db.$queryRaw<Array<{ jit: string }>>`SELECT current_setting('jit') AS jit`;
    expect(row?.jit).toBe('off');
  });
});
