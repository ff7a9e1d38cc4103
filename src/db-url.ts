import type { PoolConfig } from 'pg';

export type Provider = 'sqlite' | 'postgresql';

/** The database behind a URL: PostgreSQL for postgres:// and postgresql://, SQLite otherwise (file:). */
export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgresql' : 'sqlite';
}

/**
 * A PostgreSQL URL as separate connection settings for `pg` (adapter-pg 7.10's shadow database
 * connects to a connectionString's own database: POSTGRES.md, problem 2). `?connection_limit=N`
 * sets the pool size of this instance (default 10; see README, "deploying for a banner"),
 * `?sslmode=require|no-verify` TLS, `?schema=` the search path. JIT compilation is off for the
 * portal's connections: its short queries never gain from it, and PostgreSQL's cost estimate of the
 * statistics query (correlated subqueries over a banner's year) set it compiling for 2.6 s of a
 * 3.9 s query (npm run bench:queries -- --pg=… --explain).
 */
export function pgPoolConfig(url: string): PoolConfig {
  const u = new URL(url);
  const ssl = u.searchParams.get('sslmode');
  const limit = Number(u.searchParams.get('connection_limit'));
  const schema = u.searchParams.get('schema');
  return {
    host: decodeURIComponent(u.hostname) || u.searchParams.get('host') || 'localhost',
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || undefined,
    max: Number.isInteger(limit) && limit > 0 ? limit : 10,
    options: `-c jit=off${schema ? ` -c search_path=${schema}` : ''}`,
    ...(ssl && ssl !== 'disable' ? { ssl: ssl === 'no-verify' ? { rejectUnauthorized: false } : true } : {}),
  };
}

/** Which database a URL names, without credentials or host: the provider and the database (file) name. */
export function describeDatabase(url: string): { provider: Provider; name: string } {
  if (providerOf(url) === 'sqlite')
    return {
      provider: 'sqlite',
      name:
        url
          .replace(/^file:/, '')
          .replace(/\?.*$/, '')
          .split(/[\\/]/)
          .pop() ?? '',
    };
  return { provider: 'postgresql', name: decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) };
}
