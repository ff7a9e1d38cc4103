/**
 * Audit coverage, checked on every request of every integration test: a POST that commits a change
 * to the records (any table but sessions, notifications, login counters, one-time form tokens and the log itself) must
 * also commit at least one audit row. The test app (test-app.ts) watches every SQL statement of its
 * database and fails the test file at its end, naming each request that changed records silently.
 */
import type { App } from '../../src/app.js';

/** Tables whose writes need no audit row of their own. */
const UNAUDITED = new Set([
  'Session',
  'Notification',
  'AuditLog',
  'LoginLock',
  'LoginThrottle',
  'FormSubmission',
  'ImportJob',
  '_prisma_migrations',
]);
const WRITE =
  /^\s*(INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+(?:[`"[]?main[`"\]]?\.)?[`"[]?(\w+)/i;

export type AuditCoverage = {
  onQuery: (sql: string) => void;
  watch: (app: App) => void;
  /** Requests that changed records without an audit row ("POST /path → tables"). */
  violations: string[];
};

export function createAuditCoverage(): AuditCoverage {
  let committed = { records: new Set<string>(), audits: 0 };
  let open: { records: Set<string>; audits: number } | null = null;
  const violations: string[] = [];

  const note = (into: { records: Set<string>; audits: number }, table: string, insert: boolean) => {
    if (table === 'AuditLog' && insert) into.audits++;
    else if (!UNAUDITED.has(table)) into.records.add(table);
  };

  return {
    violations,
    onQuery(sql) {
      const write = WRITE.exec(sql);
      if (write) {
        note(open ?? committed, write[2]!, /^INSERT/i.test(write[1]!));
      } else if (/^\s*BEGIN\b/i.test(sql)) {
        open = { records: new Set(), audits: 0 };
      } else if (/^\s*(?:COMMIT|END)\b/i.test(sql)) {
        if (open) {
          for (const t of open.records) committed.records.add(t);
          committed.audits += open.audits;
        }
        open = null;
      } else if (/^\s*ROLLBACK\b/i.test(sql) && !/^\s*ROLLBACK\s+TO\b/i.test(sql)) {
        open = null;
      }
    },
    watch(app) {
      const handle = (app as unknown as { handle: (req: unknown, res: unknown, next: unknown) => void }).handle.bind(app);
      (app as unknown as { handle: typeof handle }).handle = (req, res, next) => {
        const r = req as { method: string; originalUrl?: string; url: string };
        const s = res as { on: (e: string, f: () => void) => void; statusCode: number };
        if (r.method === 'POST') {
          committed = { records: new Set(), audits: 0 };
          s.on('finish', () => {
            if (committed.records.size && committed.audits === 0) {
              violations.push(`POST ${r.originalUrl ?? r.url} → ${s.statusCode}, changed ${[...committed.records].join(', ')}`);
            }
          });
        }
        handle(req, res, next);
      };
    },
  };
}
