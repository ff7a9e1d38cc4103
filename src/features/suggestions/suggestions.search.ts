import type { Db } from '../../db.js';

/**
 * Ids of the township's suggestions whose title or content contains `q`. Queries of three or more
 * characters use the FTS5 trigram index (migration 20261125110000_suggestion_search); shorter ones
 * (two Chinese characters such as “道路” are common) fall back to a LIKE scan.
 */
export async function searchSuggestionIds(db: Db, townshipId: number, q: string): Promise<number[]> {
  const text = q.trim();
  if (!text) return [];
  // Each whitespace-separated term must occur (AND).
  const terms = text.split(/\s+/).filter(Boolean).slice(0, 5);
  if (terms.every((t) => [...t].length >= 3)) {
    const match = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
    const rows = await db.$queryRaw<Array<{ id: number }>>`
      SELECT s."id" AS id FROM "SuggestionSearch" f JOIN "Suggestion" s ON s."id" = f.rowid
      WHERE "SuggestionSearch" MATCH ${match} AND s."townshipId" = ${townshipId}`;
    return rows.map((r) => Number(r.id));
  }
  const rows = await db.suggestion.findMany({
    where: { townshipId, AND: terms.map((t) => ({ OR: [{ title: { contains: t } }, { content: { contains: t } }] })) },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
