/**
 * Query counts and plans of the bench's pages (`npm run bench:queries`): the app in-process on a
 * copy of a scale's database, one request per page as the bench's users, every SQL statement
 * counted; with --explain, the query plan of each distinct statement that scans a table without
 * an index (SQLite's `EXPLAIN QUERY PLAN`, parameters left unbound) or builds a temporary B-tree.
 * On PostgreSQL (--pg=URL, the scale's data copied as `npm run bench` does: postgres.ts) the
 * statements are timed at the driver, and --explain runs `EXPLAIN ANALYZE` with each statement's
 * own parameters, printing the plans that scan a table sequentially or take over 20 ms.
 *
 *   npm run bench:queries -- --scale=city --page=list,detail --explain
 *   npm run bench:queries -- --scale=banner --pg=postgresql://user:pw@localhost:5432/db --explain
 *   options: --scale=township|banner|city  --page=a,b  --explain  --sql (print every statement)
 *            --pg=URL (or BENCH_DATABASE_URL)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/app.js';
import { createDb } from '../../src/db.js';
import { createServices } from '../../src/services.js';
import { pgPoolConfig } from '../../src/db-url.js';
import { BENCH_DATA_KEY, BENCH_KEYS, BENCH_PASSWORD, benchDatabase, workingCopy, type Scale } from './databases.js';
import { PAGES, contextOf } from './pages.js';
import { csrfFrom } from '../helpers/test-app.js';
import { benchPostgres } from './postgres.js';

const args = new Map(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const [k, v = 'true'] = a.slice(2).split('=');
      return [k!, v] as const;
    }),
);
const scale = (args.get('scale') ?? 'township') as Scale;
const only = args.get('page')?.split(',');
const explain = args.has('explain');
const printSql = args.has('sql');
const pgUrl = args.get('pg') ?? process.env.BENCH_DATABASE_URL;
const engine = pgUrl ? 'PostgreSQL' : 'SQLite';

type Logged = { sql: string; ms: number; params?: unknown[] };
let log: Logged[] | null = null;

/** On PostgreSQL: every statement of adapter-pg's connections timed at the driver (pg.Client#query). */
function logPgQueries() {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const query = proto.query;
  proto.query = function (this: unknown, ...a: unknown[]) {
    const config = a[0] as { text?: string; values?: unknown[] } | string;
    const sql = typeof config === 'string' ? config : config?.text;
    if (!log || !sql) return query.apply(this, a);
    const values = typeof config === 'string' ? a[1] : (config.values ?? a[1]);
    const entry: Logged = { sql, ms: 0, params: Array.isArray(values) ? values : undefined };
    const target = log;
    const t0 = performance.now();
    const done = () => {
      entry.ms = performance.now() - t0;
      target.push(entry);
    };
    // pg.Pool#query calls its client with a callback; adapter-pg's transactions await a promise.
    const callback = a.at(-1);
    if (typeof callback === 'function') {
      a[a.length - 1] = (...r: unknown[]) => {
        done();
        return (callback as (...r: unknown[]) => unknown)(...r);
      };
      return query.apply(this, a);
    }
    const result = query.apply(this, a);
    return result instanceof Promise ? result.then((r: unknown) => (done(), r)) : result;
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renda-queries-'));
try {
  const pristine = await benchDatabase(scale);
  const file = workingCopy(pristine, dir);
  const ctx = contextOf(file);
  const pgDb = pgUrl ? await benchPostgres(scale, pristine, pgUrl) : null;
  if (pgDb) logPgQueries();
  const url = pgDb?.url ?? `file:${file}`;
  const db = createDb(url, { keys: BENCH_KEYS, onQuery: (sql, ms) => log?.push({ sql, ms }) });
  const services = createServices(db);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    SESSION_SECRET: 'bench-session-secret-0123456789',
    DATA_KEY: BENCH_DATA_KEY,
  });
  const app = createApp(services, config);
  // The print page needs the year's work report: draft it when missing, as the bench does.
  const staffId = (await db.user.findUniqueOrThrow({ where: { username: 'staff' } })).id;
  const staff = (await services.auth.findSessionUser(staffId))!;
  if (!(await services.reports.find(staff, ctx.reportYear))) await services.reports.generate(staff, ctx.reportYear, null);
  const agents = {
    staff: await login('staff'),
    deputy: await login('deputy'),
  };
  const plans = new Database(file, { readonly: true });
  const pgPlans = pgDb ? new pg.Client(pgPoolConfig(pgDb.url)) : null;
  await pgPlans?.connect();
  const seen = new Set<string>();
  console.log(`${scale} on ${engine}: queries per page (one request each, after one warm-up request)`);
  for (const page of PAGES.filter((p) => p.kind !== 'pdf' && (!only || only.includes(p.name)))) {
    const url = page.path(ctx);
    await agents[page.user].get(url);
    log = [];
    const t0 = performance.now();
    const res = await agents[page.user].get(url);
    const ms = performance.now() - t0;
    const sqls = log.map((q) => q.sql);
    const all = log;
    const sqlMs = log.reduce((t, q) => t + q.ms, 0);
    const slowest = [...log].sort((a, b) => b.ms - a.ms).slice(0, 3);
    log = null;
    console.log(
      `  ${page.name.padEnd(13)} ${String(res.status).padEnd(4)} ${String(sqls.length).padStart(3)} queries  ${ms.toFixed(0).padStart(6)} ms (${engine} ${sqlMs.toFixed(0)} ms)  ${url}`,
    );
    if (printSql) for (const q of all) console.log(`      ${q.ms.toFixed(1).padStart(7)} ms  ${q.sql.slice(0, 400)}`);
    else for (const q of slowest) if (q.ms > 5) console.log(`      slowest: ${q.ms.toFixed(1)} ms  ${q.sql.slice(0, 200)}`);
    if (!explain) continue;
    if (pgPlans) {
      for (const q of all) {
        if (seen.has(q.sql) || !/^\s*SELECT/i.test(q.sql)) continue;
        seen.add(q.sql);
        const { rows } = await pgPlans.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS OFF) ${q.sql}`, q.params);
        const plan = rows.map((r) => r['QUERY PLAN']);
        const total = Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? '')?.[1] ?? 0);
        if (
          total < 20 &&
          !plan.some((l) =>
            /Seq Scan on "?(Suggestion|SuggestionEvent|SuggestionAssignment|Notification|Reply|Satisfaction|AuditLog|Session)"? /.test(l),
          )
        )
          continue;
        console.log(`      ${total.toFixed(1)} ms  ${q.sql.slice(0, 300)}${q.sql.length > 300 ? ' …' : ''}`);
        for (const l of plan) console.log(`        ${l}`);
      }
      continue;
    }
    for (const sql of sqls) {
      if (seen.has(sql) || !/^\s*SELECT/i.test(sql)) continue;
      seen.add(sql);
      let rows: Array<{ detail: string }>;
      try {
        const stmt = plans.prepare(`EXPLAIN QUERY PLAN ${sql}`);
        rows = stmt.all(...new Array<null>(stmt.source.split('?').length - 1).fill(null)) as Array<{ detail: string }>;
      } catch (e) {
        console.log(`      (no plan: ${(e as Error).message})`);
        continue;
      }
      const bad = rows.filter((r) => /^SCAN (?!CONSTANT)/.test(r.detail) || /TEMP B-TREE/.test(r.detail));
      if (!bad.length) continue;
      console.log(`      ${sql.slice(0, 300)}${sql.length > 300 ? ' …' : ''}`);
      for (const r of bad) console.log(`        → ${r.detail}`);
    }
  }
  plans.close();
  await pgPlans?.end();
  await app.close();
  await db.$disconnect();
  await pgDb?.drop();

  async function login(username: string) {
    const agent = request.agent(app);
    const page = await agent.get('/login');
    const res = await agent
      .post('/login')
      .type('form')
      .send({ username, password: BENCH_PASSWORD, _csrf: csrfFrom(page.text) });
    if (res.status !== 303) throw new Error(`login as ${username}: ${res.status}`);
    return agent;
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
