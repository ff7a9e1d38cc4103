/**
 * `npm run bench`: the portal's hot pages under concurrent load, side by side with a bare
 * Express 5 + EJS + better-sqlite3 page in the same run, at three scales of data:
 *
 *   township  the 东明镇 demo data
 *   banner    20 townships' worth: 800 deputies, 20,000 suggestions a year over 5 years
 *   city      12,000 deputies, 60,000 suggestions a year over 5 years (~2.4 million events)
 *
 * For each scale it builds (or reuses, tmp/bench/) the database, starts the app with `npm start`
 * in production mode on a copy of it, logs in as staff and as a deputy, and loads each page with
 * autocannon (32 connections; 16 at city scale), alternating with the bare page, 3 rounds. It
 * prints req/s, p50 and p95 latency, the ratio to the bare page (median of the rounds' ratios),
 * the app's peak RSS during the page's load, the target and whether it is met, and the start-up
 * time. Speed targets live here, never in tests.
 *
 *   npm run bench                                   every scale, every page
 *   npm run bench -- --scale=township --page=list   one scale, one page
 *   npm run bench -- --duration=3 --rounds=1        quicker, rougher
 *   npm run bench -- --scale=banner --pg=postgresql://user:pw@localhost:5432/db
 *                                                   a PostgreSQL column beside SQLite's (postgres.ts)
 *   options: --scale=a,b --page=a,b --duration=s --rounds=n --connections=n --city-connections=n
 *            --db=sqlite,postgresql --pg=URL (or BENCH_DATABASE_URL: a role with CREATEDB)
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../../src/paths.js';
import { BENCH_DATA_KEY, BENCH_DIR, BENCH_PASSWORD, SCALE_NAMES, benchDatabase, workingCopy, type Scale } from './databases.js';
import { PAGES, contextOf, type Kind, type PageSpec } from './pages.js';
import { benchPostgres } from './postgres.js';

// ───────────────────────────── options ─────────────────────────────

const args = new Map(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const [k, v = 'true'] = a.slice(2).split('=');
      return [k!, v] as const;
    }),
);
const list = (k: string) => args.get(k)?.split(',').filter(Boolean);
const num = (k: string, d: number) => (args.has(k) ? Number(args.get(k)) : d);
const SCALES = (list('scale') ?? SCALE_NAMES) as Scale[];
const ONLY_PAGES = list('page');
const DURATION = num('duration', 5);
const ROUNDS = num('rounds', 3);
const CONNECTIONS = num('connections', 32);
const CITY_CONNECTIONS = num('city-connections', 16);
const APP_PORT = num('port', 3190);
const BARE_PORT = APP_PORT + 1;
for (const s of SCALES) if (!SCALE_NAMES.includes(s)) throw new Error(`unknown scale ${s} (${SCALE_NAMES.join(', ')})`);
type DbKind = 'sqlite' | 'postgresql';
const PG_URL = args.get('pg') ?? process.env.BENCH_DATABASE_URL;
const DBS = (list('db') ?? (PG_URL ? ['sqlite', 'postgresql'] : ['sqlite'])) as DbKind[];
for (const d of DBS as string[]) if (d !== 'sqlite' && d !== 'postgresql') throw new Error(`unknown database ${d} (sqlite, postgresql)`);
if (DBS.includes('postgresql') && !PG_URL)
  throw new Error('--db=postgresql needs --pg=postgresql://user:password@host:5432/db (or BENCH_DATABASE_URL)');

// ───────────────────────────── pages and targets ─────────────────────────────

for (const p of ONLY_PAGES ?? []) if (!PAGES.some((x) => x.name === p)) throw new Error(`unknown page ${p}`);

const RSS_LIMIT_MB = 400;
const STARTUP_LIMIT_S = 10;
const PDF_WARM_LIMIT_MS = 3000;
const DOWNLOAD_CONNECTIONS = 4;

/** The target of a page at a scale, as text, and whether a measurement meets it. */
function target(kind: Kind, scale: Scale): { text: string; met: (m: Measured) => boolean } {
  const rss = (m: Measured) => m.rssMb <= RSS_LIMIT_MB;
  const answers = (m: Measured) => m.fiveXx === 0 && m.errors === 0;
  if (kind === 'pdf')
    return { text: `warm ≤ ${PDF_WARM_LIMIT_MS / 1000} s`, met: (m) => answers(m) && m.p50 <= PDF_WARM_LIMIT_MS && rss(m) };
  if (kind === 'download') return { text: 'answers', met: (m) => answers(m) && rss(m) };
  if (scale === 'city') {
    const limit = kind === 'aggregate' ? 1000 : 300;
    return { text: `p95 ≤ ${limit} ms`, met: (m) => answers(m) && m.p95 <= limit && rss(m) };
  }
  const ratio = kind === 'aggregate' ? 0.15 : 0.3;
  return { text: `≥ ${ratio}×`, met: (m) => answers(m) && (m.ratio ?? 0) >= ratio && rss(m) };
}

// ───────────────────────────── processes ─────────────────────────────

type Server = { child: ChildProcess; log: string };

const live = new Set<Server>();

function start(command: string, argv: string[], env: NodeJS.ProcessEnv, log: string): Server {
  const out = fs.openSync(log, 'w');
  const child = spawn(command, argv, { cwd: PROJECT_ROOT, env, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  const server = { child, log };
  live.add(server);
  child.once('exit', () => live.delete(server));
  return server;
}

// Interrupted: end the servers this bench started (each in its own process group) before leaving.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const s of live) {
      try {
        process.kill(-s.child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }
    process.exit(130);
  });
}

/**
 * Waits until the app answers /healthz quickly again: requests still queued from a page's load
 * (autocannon stops sending, the server goes on working) must not weigh on the next page.
 */
async function drain(base: string, limitMs = 180_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const t = performance.now();
    try {
      await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(limitMs) });
    } catch {
      // still busy
    }
    if (performance.now() - t < 100 || performance.now() - t0 > limitMs) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stop(server: Server): Promise<void> {
  const pid = server.child.pid;
  if (!pid || server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  try {
    process.kill(-pid, 'SIGTERM'); // the group this bench started: npm, the app, Chromium
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}

/** Processes of the group the bench started, with their command line and RSS. */
function groupProcesses(pgid: number): Array<{ pid: number; cmd: string; rssMb: number }> {
  const out: Array<{ pid: number; cmd: string; rssMb: number }> = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${d}/status`, 'utf8'));
      out.push({ pid: Number(d), cmd, rssMb: rss ? Number(rss[1]) / 1024 : 0 });
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/** The app's own RSS (the Node process running the server), and Chromium's, in MB. */
function appMemory(server: Server): { app: number; chromium: number } {
  const procs = groupProcesses(server.child.pid!);
  const chromium = procs.filter((p) => /chrom/i.test(p.cmd)).reduce((s, p) => s + p.rssMb, 0);
  const nodes = procs.filter((p) => /node/.test(p.cmd) && !/chrom/i.test(p.cmd) && !/npm/.test(p.cmd));
  return { app: Math.max(0, ...nodes.map((p) => p.rssMb)), chromium };
}

function sampleMemory(server: Server) {
  let peak = { app: 0, chromium: 0 };
  const take = () => {
    const m = appMemory(server);
    peak = { app: Math.max(peak.app, m.app), chromium: Math.max(peak.chromium, m.chromium) };
  };
  take();
  const timer = setInterval(take, 250);
  return () => {
    clearInterval(timer);
    take();
    return peak;
  };
}

async function waitFor(url: string, server: Server, limitMs: number): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`the server exited (${server.child.exitCode}); see ${server.log}`);
    try {
      const res = await fetch(url);
      if (res.ok) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > limitMs) throw new Error(`no answer from ${url} after ${limitMs / 1000} s; see ${server.log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// ───────────────────────────── HTTP with a session ─────────────────────────────

const PROXY_HEADERS = { 'x-forwarded-proto': 'https' }; // the app runs behind a TLS proxy: Secure cookies

async function login(base: string, username: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const page = await fetch(`${base}/login`, { headers: PROXY_HEADERS, redirect: 'manual' });
  keep(page);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { ...PROXY_HEADERS, 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ username, password: BENCH_PASSWORD, _csrf: csrf }).toString(),
    redirect: 'manual',
  });
  keep(res);
  if (res.status !== 303 && res.status !== 302) throw new Error(`login as ${username} failed: ${res.status}`);
  return cookie();
}

/** Drafts the work report of `year` through the app (生成初稿) when it has none: the print page and the PDF need it. */
async function ensureReport(base: string, cookie: string, year: number): Promise<void> {
  const headers = { ...PROXY_HEADERS, cookie };
  const page = await fetch(`${base}/reports/${year}`, { headers, redirect: 'manual' });
  if (page.status === 200) return;
  const index = await fetch(`${base}/reports`, { headers });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await index.text())?.[1] ?? '';
  const t0 = performance.now();
  const res = await fetch(`${base}/reports/${year}/generate`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf }).toString(),
    redirect: 'manual',
  });
  console.log(`  drafted the ${year} work report (生成初稿): ${res.status} in ${(performance.now() - t0).toFixed(0)} ms`);
}

// ───────────────────────────── load ─────────────────────────────

type Run = { rps: number; p50: number; p95: number; fiveXx: number; errors: number; statuses: string };

async function load(url: string, connections: number, duration: number, headers: Record<string, string>): Promise<Run> {
  const times: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration, headers, timeout: 30 }, (err, result) =>
      err ? reject(err as Error) : resolve(result),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const q = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.floor(p * times.length))]! : NaN);
  const statuses = Object.entries(r.statusCodeStats ?? {})
    .map(([code, s]) => `${code}×${s.count ?? 0}`)
    .join(' ');
  return { rps: r.requests.total / (r.duration || duration), p50: q(0.5), p95: q(0.95), fiveXx: r['5xx'], errors: r.errors, statuses };
}

/** "200×12 500×1" of several runs added up. */
function sumStatuses(list: string[]): string {
  const total = new Map<string, number>();
  for (const s of list) {
    for (const part of s.split(' ').filter(Boolean)) {
      const [code, n = '0'] = part.split('×');
      total.set(code!, (total.get(code!) ?? 0) + Number(n));
    }
  }
  return [...total].map(([code, n]) => `${code}×${n}`).join(' ');
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};

type Measured = Run & { ratio: number | null; bareRps: number; rssMb: number; chromiumMb: number; connections: number; note: string };

async function measurePage(
  page: PageSpec,
  url: string,
  headers: Record<string, string>,
  bareUrl: string,
  connections: number,
  app: Server,
  settle: () => Promise<number>,
): Promise<Measured> {
  // One request first: a page that does not answer 200 is reported, not loaded.
  const t0 = performance.now();
  const first = await fetch(url, { headers, redirect: 'manual' });
  const body = Buffer.from(await first.arrayBuffer());
  const firstMs = performance.now() - t0;
  const firstNote = `${first.status}, ${(body.length / 1024).toFixed(0)} KB, first ${firstMs.toFixed(0)} ms`;
  const base = { bareRps: NaN, ratio: null, rssMb: appMemory(app).app, chromiumMb: 0, connections, statuses: String(first.status) };
  if (first.status !== 200) {
    return { ...base, rps: 0, p50: firstMs, p95: firstMs, fiveXx: first.status >= 500 ? 1 : 0, errors: 0, note: firstNote };
  }
  if (page.kind === 'pdf') {
    // Sequential: the cold one above, then warm ones; then 4 at once.
    const stopSampling = sampleMemory(app);
    const warm: number[] = [];
    let fiveXx = 0;
    for (let i = 0; i < 4; i++) {
      const t = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (res.status >= 500) fiveXx++;
      warm.push(performance.now() - t);
    }
    const t = performance.now();
    const together = await Promise.all(
      Array.from({ length: 4 }, () => fetch(url, { headers }).then(async (r) => (await r.arrayBuffer(), r.status))),
    );
    const fourMs = performance.now() - t;
    fiveXx += together.filter((s) => s >= 500).length;
    const peak = stopSampling();
    return {
      ...base,
      rps: 1000 / median(warm),
      p50: median(warm),
      p95: Math.max(...warm),
      fiveXx,
      errors: 0,
      rssMb: peak.app,
      chromiumMb: peak.chromium,
      connections: 1,
      note: `${firstNote} (cold); 4 at once ${fourMs.toFixed(0)} ms`,
    };
  }
  const conns = page.kind === 'download' ? DOWNLOAD_CONNECTIONS : connections;
  await load(url, conns, 1, headers); // warm-up
  await settle();
  const pageRuns: Run[] = [];
  const ratios: number[] = [];
  const bares: number[] = [];
  const stopSampling = sampleMemory(app);
  for (let r = 0; r < ROUNDS; r++) {
    const bare = await load(bareUrl, connections, DURATION, {});
    const run = await load(url, conns, DURATION, headers);
    await settle(); // the next bare run must not share the CPU with this page's queued requests
    pageRuns.push(run);
    bares.push(bare.rps);
    ratios.push(run.rps / bare.rps);
  }
  const peak = stopSampling();
  return {
    rps: median(pageRuns.map((x) => x.rps)),
    p50: median(pageRuns.map((x) => x.p50)),
    p95: median(pageRuns.map((x) => x.p95)),
    fiveXx: pageRuns.reduce((s, x) => s + x.fiveXx, 0),
    errors: pageRuns.reduce((s, x) => s + x.errors, 0),
    statuses: sumStatuses(pageRuns.map((x) => x.statuses)),
    ratio: median(ratios),
    bareRps: median(bares),
    rssMb: peak.app,
    chromiumMb: peak.chromium,
    connections: conns,
    note: firstNote,
  };
}

// ───────────────────────────── one scale ─────────────────────────────

type Row = { scale: Scale; db: DbKind; page: string; m: Measured; target: string; met: boolean };
type ScaleResult = { scale: Scale; db: DbKind; startupMs: number; bareRps: number; rows: Row[] };

/** The label of a scale on a database: `banner`, `banner (PostgreSQL)`. */
const labelOf = (r: { scale: Scale; db: DbKind }) => (r.db === 'postgresql' ? `${r.scale} (PostgreSQL)` : r.scale);

async function benchScale(scale: Scale, runDir: string, db: DbKind): Promise<ScaleResult> {
  const pristine = await benchDatabase(scale);
  const file = workingCopy(pristine, runDir); // also the bare page's, on PostgreSQL too
  const ctx = contextOf(file);
  const pgDb = db === 'postgresql' ? await benchPostgres(scale, pristine, PG_URL!) : null;
  const connections = scale === 'city' ? CITY_CONNECTIONS : CONNECTIONS;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    SESSION_SECRET: 'bench-session-secret-0123456789',
    DATA_KEY: BENCH_DATA_KEY,
    DATABASE_URL: pgDb?.url ?? `file:${file}`,
    PORT: String(APP_PORT),
    HOST: '127.0.0.1',
    TRUST_PROXY: 'true',
  };
  const app = start('npm', ['start'], env, path.join(runDir, `app-${scale}-${db}.log`));
  let bare: Server | null = null;
  const rows: Row[] = [];
  try {
    const startupMs = await waitFor(`http://127.0.0.1:${APP_PORT}/healthz`, app, 600_000);
    bare = start(
      process.execPath,
      [path.join(import.meta.dirname, 'bare', 'server.mjs'), file, String(BARE_PORT)],
      env,
      path.join(runDir, `bare-${scale}-${db}.log`),
    );
    await waitFor(`http://127.0.0.1:${BARE_PORT}/`, bare, 30_000);
    console.log(
      `\n${labelOf({ scale, db })}: app answered ${(startupMs / 1000).toFixed(1)} s after \`npm start\` (${connections} connections, ${ROUNDS} × ${DURATION} s)`,
    );
    const base = `http://127.0.0.1:${APP_PORT}`;
    const cookies = { staff: await login(base, 'staff'), deputy: await login(base, 'deputy') };
    const bareUrl = `http://127.0.0.1:${BARE_PORT}/`;
    await ensureReport(base, cookies.staff, ctx.reportYear);
    for (const page of PAGES.filter((p) => !ONLY_PAGES || ONLY_PAGES.includes(p.name))) {
      // The PDF route sends Chromium to the request's own origin for the CSS and fonts: a request
      // marked https by a proxy would send it to https://127.0.0.1, where nothing listens.
      const headers = page.kind === 'pdf' ? { cookie: cookies[page.user] } : { ...PROXY_HEADERS, cookie: cookies[page.user] };
      const m = await measurePage(page, base + page.path(ctx), headers, bareUrl, connections, app, () => drain(base));
      const drained = await drain(base);
      if (drained > 2000) m.note += `; busy ${(drained / 1000).toFixed(0)} s after the load`;
      const t = target(page.kind, scale);
      const row = { scale, db, page: page.name, m, target: t.text, met: t.met(m) };
      rows.push(row);
      console.log(formatRow(row));
    }
    const bareRps = median(rows.map((r) => r.m.bareRps).filter((x) => !Number.isNaN(x)));
    return { scale, db, startupMs, bareRps, rows };
  } finally {
    await stop(app);
    if (bare) await stop(bare);
    await pgDb?.drop();
  }
}

// ───────────────────────────── output ─────────────────────────────

const HEADER = ['scale', 'page', 'req/s', 'p50 ms', 'p95 ms', '× bare', 'RSS MB', 'target', 'met?', 'notes'];
function cells(r: Row): string[] {
  const m = r.m;
  const chromium = m.chromiumMb ? ` (+ Chromium ${m.chromiumMb.toFixed(0)})` : '';
  const notes = [
    m.note,
    m.fiveXx ? `${m.fiveXx} × 5xx` : '',
    m.errors ? `${m.errors} errors` : '',
    m.statuses && m.statuses !== '200' && !/^200×\d+$/.test(m.statuses) ? m.statuses : '',
  ]
    .filter(Boolean)
    .join('; ');
  return [
    labelOf(r),
    r.page,
    m.rps.toFixed(m.rps < 10 ? 1 : 0),
    m.p50.toFixed(0),
    m.p95.toFixed(0),
    m.ratio === null ? '—' : m.ratio.toFixed(3),
    m.rssMb.toFixed(0) + chromium,
    r.target,
    r.met ? 'yes' : 'NO',
    notes,
  ];
}
const formatRow = (r: Row) => {
  const c = cells(r);
  return `  ${c[1]!.padEnd(13)} ${c[2]!.padStart(7)} req/s  p50 ${c[3]!.padStart(6)} ms  p95 ${c[4]!.padStart(6)} ms  ${c[5]!.padStart(6)}×  RSS ${c[6]!.padEnd(8)}  ${c[7]!.padEnd(13)} ${c[8]!.padEnd(4)} ${c[9]}`;
};

function markdown(results: ScaleResult[]): string {
  const cpu = os.cpus()[0]?.model ?? '?';
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load average before the run ${os.loadavg()[0]!.toFixed(2)}; \`npm start\` = \`${startCommand()}\`; ${ROUNDS} rounds × ${DURATION} s, ${CONNECTIONS} connections (${CITY_CONNECTIONS} at city scale, ${DOWNLOAD_CONNECTIONS} for the .xlsx).`,
    '',
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map(() => '---').join('|')}|`,
  ];
  for (const s of results) {
    lines.push(`| ${labelOf(s)} | **bare page** | ${s.bareRps.toFixed(0)} | | | 1 | | | | |`);
    for (const r of s.rows) lines.push(`| ${cells(r).join(' | ')} |`);
  }
  lines.push('', `| scale | start-up (until /healthz answers) | target | met? |`, `|---|---|---|---|`);
  for (const s of results) {
    lines.push(
      `| ${labelOf(s)} | ${(s.startupMs / 1000).toFixed(1)} s | ≤ ${STARTUP_LIMIT_S} s | ${s.startupMs <= STARTUP_LIMIT_S * 1000 ? 'yes' : 'NO'} |`,
    );
  }
  lines.push(...sideBySide(results));
  return lines.join('\n');
}

/** SQLite and PostgreSQL side by side, for each scale measured on both. */
function sideBySide(results: ScaleResult[]): string[] {
  const lines: string[] = [];
  for (const pgResult of results.filter((s) => s.db === 'postgresql')) {
    const lite = results.find((s) => s.db === 'sqlite' && s.scale === pgResult.scale);
    if (!lite) continue;
    const col = (r: Row | undefined) =>
      r
        ? [r.m.ratio === null ? '—' : r.m.ratio.toFixed(3), r.m.p95.toFixed(0), r.m.rssMb.toFixed(0), r.met ? 'yes' : 'NO']
        : ['', '', '', ''];
    lines.push(
      '',
      `| ${pgResult.scale} | SQLite × bare | p95 ms | RSS MB | met? | PostgreSQL × bare | p95 ms | RSS MB | met? | target |`,
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const r of pgResult.rows) {
      const l = lite.rows.find((x) => x.page === r.page);
      lines.push(`| ${r.page} | ${[...col(l), ...col(r), r.target].join(' | ')} |`);
    }
    const up = (s: ScaleResult) => `${(s.startupMs / 1000).toFixed(1)} s`;
    lines.push(`| start-up | ${up(lite)} | | | | ${up(pgResult)} | | | | ≤ ${STARTUP_LIMIT_S} s |`);
  }
  return lines;
}

function startCommand(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return pkg.scripts.start ?? '?';
}

// ───────────────────────────── main ─────────────────────────────

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renda-bench-'));
const results: ScaleResult[] = [];
let failed = false;
try {
  console.log(
    `Bench: ${SCALES.join(', ')} on ${DBS.join(' and ')}; load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${os.cpus().length} cores`,
  );
  // Compiled first (what `npm start`'s prestart would do after a change): start-up times the server's
  // own start — migrations, seeding, the first answer — not the TypeScript compiler.
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  for (const scale of SCALES) for (const db of DBS) results.push(await benchScale(scale, runDir, db));
} catch (e) {
  failed = true;
  console.error(e);
  console.error(`Logs kept in ${runDir}`);
} finally {
  if (results.length) {
    const md = markdown(results);
    fs.mkdirSync(BENCH_DIR, { recursive: true });
    fs.writeFileSync(path.join(BENCH_DIR, 'last-run.md'), md + '\n');
    console.log(`\n${md}\n\n(also in ${path.relative(PROJECT_ROOT, path.join(BENCH_DIR, 'last-run.md'))})`);
  }
  // Retried: a stopped server may still be closing its database (a city-size WAL) and its Chromium
  // writing its profile there for a few seconds. The figures are printed either way.
  if (!failed) {
    try {
      fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 50, retryDelay: 200 });
    } catch (e) {
      console.warn(`Could not remove ${runDir} (${(e as Error).message}): remove it by hand.`);
    }
  }
}
process.exit(failed ? 1 : 0);
