import ExcelJS from 'exceljs';
import request from 'supertest';
import type { Response as SuperagentResponse } from 'superagent';
import { loadConfig } from '../../src/config.js';
import { createApp, type App } from '../../src/app.js';
import { createServices, type Services } from '../../src/services.js';
import { createTestDb, type TestDb } from './test-db.js';
import { createAuditCoverage } from './audit-coverage.js';

export type TestApp = { app: App; services: Services; testDb: TestDb; close: () => Promise<void> };

/**
 * The real app with real services on a fresh temporary database (a SQLite file, or PostgreSQL with TEST_DATABASE_URL). `now` is the business date,
 * `sessionClock` the sessions' wall clock; `env` adds settings (e.g. TRUST_PROXY=true, so that a
 * test can come from several addresses with X-Forwarded-For).
 */
export async function createTestApp(
  options: { now?: () => Date; sessionClock?: () => Date; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const coverage = createAuditCoverage();
  const testDb = await createTestDb({ onQuery: coverage.onQuery });
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: testDb.url, SESSION_SECRET: 'test-secret-test-secret', ...options.env });
  const services = createServices(testDb.db, { now: options.now });
  const app = createApp(services, config, { clock: options.sessionClock });
  coverage.watch(app);
  return {
    app,
    services,
    testDb,
    close: async () => {
      await app.close();
      await testDb.cleanup();
      // Every request that changed records wrote an audit row (tests/helpers/audit-coverage.ts).
      if (coverage.violations.length) throw new Error(`Changes without an audit row:\n  ${coverage.violations.join('\n  ')}`);
    },
  };
}

/** Reads the CSRF token out of a page's forms. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token on the page');
  return m[1]!;
}

/** A supertest agent (cookie jar) logged in through the real login form. */
export async function loginAs(app: App, username: string, password: string) {
  const agent = request.agent(app);
  const page = await agent.get('/login');
  const res = await agent
    .post('/login')
    .type('form')
    .send({ username, password, _csrf: csrfFrom(page.text) });
  if (res.status !== 303) throw new Error(`login as ${username} failed: ${res.status}`);
  return agent;
}

/** The CSRF token of a logged-in agent, read from a page every role may open. */
export async function csrfOf(agent: ReturnType<typeof request.agent>, path = '/account/password'): Promise<string> {
  const res = await agent.get(path);
  return csrfFrom(res.text);
}

/** The workbook of an .xlsx download read with `.buffer(true).parse(binary)`. */
export async function workbookOf(res: { body: unknown }): Promise<ExcelJS.Workbook> {
  const bytes = res.body as Buffer;
  const book = new ExcelJS.Workbook();
  // exceljs declares its own Buffer (an ArrayBuffer); give it the bytes as one.
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

/** A supertest parser that keeps a download's bytes (.xlsx, .docx, .pdf): `.buffer(true).parse(binary)`. */
export function binary(res: SuperagentResponse, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
