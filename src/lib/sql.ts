/**
 * The few pieces of raw SQL that differ between SQLite and PostgreSQL. Everything else in the
 * portal's raw queries is written once, in SQL both accept (TRUE/FALSE, CASE WHEN, ON CONFLICT DO
 * NOTHING). SQLite keeps Prisma's DateTime as ISO 8601 text, compared through julianday();
 * PostgreSQL has timestamp(3) columns (UTC).
 */
import { Prisma } from '../generated/prisma/client.js';
import { providerOfDb } from '../db.js';

type Sql = Prisma.Sql;

/** A DateTime column (or expression) as a value that compares in time order. */
export function sqlTime(db: object, expr: Sql): Sql {
  return providerOfDb(db) === 'postgresql' ? expr : Prisma.sql`julianday(${expr})`;
}

/** A point in time as a bound parameter, comparable with sqlTime(). */
export function sqlTimeParam(db: object, at: Date): Sql {
  return providerOfDb(db) === 'postgresql'
    ? Prisma.sql`CAST(${at.toISOString()} AS timestamp(3))`
    : Prisma.sql`julianday(${at.toISOString()})`;
}

/** sqlTime(expr) moved on by whole days. */
export function sqlTimePlusDays(db: object, expr: Sql, days: number): Sql {
  return providerOfDb(db) === 'postgresql'
    ? Prisma.sql`(${expr} + ${Prisma.raw(`INTERVAL '${Math.trunc(days)} days'`)})`
    : Prisma.sql`(julianday(${expr}) + ${Prisma.raw(String(Math.trunc(days)))})`;
}

/**
 * A case-insensitive "contains" filter: SQLite's LIKE already ignores the case of ASCII letters;
 * PostgreSQL's does not, so there it is ILIKE (`mode: 'insensitive'`, which the SQLite client's
 * types do not know). Chinese has no case: the same either way.
 */
export function containsText(db: object, q: string): { contains: string } {
  return providerOfDb(db) === 'postgresql' ? ({ contains: q, mode: 'insensitive' } as { contains: string }) : { contains: q };
}
