import { providerOfDb, type Db } from '../../db.js';
import { containsText } from '../../lib/sql.js';
import { cached } from '../../lib/cached.js';
import type { Prisma } from '../../generated/prisma/client.js';

/** Above this many hits an `id IN (…)` list would pass SQLite's bound-parameter limit. */
const MAX_ID_LIST = 900;

const likeWhere = (db: Db, terms: string[]): Prisma.SuggestionWhereInput => ({
  AND: terms.map((t) => ({ OR: [{ title: containsText(db, t) }, { content: containsText(db, t) }] })),
});

/**
 * The condition "title or content contains every word of `q`". Words of three or more characters
 * are looked up in the FTS5 trigram index (migration 20261125110000_suggestion_search); shorter
 * words (two Chinese characters such as “道路” are common) use LIKE. When the index finds more rows
 * than an id list can carry, the equivalent LIKE condition is used instead: a trigram phrase match
 * is a substring match, so the result is the same. On PostgreSQL, LIKE itself is served by the
 * trigram GIN indexes on title and content (pg_trgm, src/schema-pg.ts).
 */
export async function searchWhere(db: Db, townshipId: number, q: string): Promise<Prisma.SuggestionWhereInput> {
  const terms = q.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  if (!terms.length) return {};
  if (providerOfDb(db) === 'postgresql' || !terms.every((t) => [...t].length >= 3)) return likeWhere(db, terms);
  const match = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
  // The hits are kept until a suggestion changes (the index follows the table through triggers): the
  // list, its tabs and its next pages ask again, and the index is shared by every township.
  const ids = await cached(db, `suggestion-search:${townshipId}:${match}`, ['Suggestion'], 10 * 60_000, async () => {
    const rows = await db.$queryRaw<Array<{ id: number }>>`
      SELECT s."id" AS id FROM "SuggestionSearch" f JOIN "Suggestion" s ON s."id" = f.rowid
      WHERE "SuggestionSearch" MATCH ${match} AND s."townshipId" = ${townshipId}
      LIMIT ${MAX_ID_LIST + 1}`;
    return rows.map((r) => Number(r.id));
  });
  if (ids.length > MAX_ID_LIST) return likeWhere(db, terms);
  return { id: { in: ids } };
}
