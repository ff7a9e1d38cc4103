/**
 * npm run audit:verify — checks the audit log's hash chain (src/features/audit/audit.chain.ts).
 * Seals the rows not yet chained, then recomputes every hash from the first row under the key
 * derived from DATA_KEY. Exits 0 when the chain is whole, 1 naming the first broken row, 2 when
 * the check could not run. DATABASE_URL defaults to `file:./data/portal.db`.
 */
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/db.js';
import { createServices } from '../src/services.js';

async function main(): Promise<number> {
  const config = loadConfig();
  const db = createDb(config.DATABASE_URL);
  try {
    const services = createServices(db, { dataKey: config.dataKey });
    const report = await services.audit.verify();
    if (report.ok) {
      console.log(`Audit log intact: ${report.checked} row(s) checked, the chain is whole.`);
      return 0;
    }
    console.error(`Audit log BROKEN at row ${report.brokenAt}: ${report.reason} (${report.checked} row(s) before it are intact).`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('audit:verify could not run:', err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
