/** The hot pages the bench loads, and the records they open at each scale. */
import Database from 'better-sqlite3';

export type Kind = 'page' | 'aggregate' | 'download' | 'pdf';
export type Context = { detailId: number; year: number; reportYear: number };
export type PageSpec = { name: string; user: 'staff' | 'deputy'; kind: Kind; path: (c: Context) => string };

export const PAGES: PageSpec[] = [
  { name: 'list', user: 'staff', kind: 'page', path: () => '/suggestions' },
  { name: 'search', user: 'staff', kind: 'page', path: () => `/suggestions?q=${encodeURIComponent('道路硬化')}` },
  { name: 'detail', user: 'staff', kind: 'page', path: (c) => `/suggestions/${c.detailId}` },
  { name: 'stats', user: 'staff', kind: 'aggregate', path: (c) => `/suggestions/stats?year=${c.year}` },
  { name: 'dashboard', user: 'staff', kind: 'aggregate', path: (c) => `/dashboard?year=${c.year}` },
  { name: 'report-print', user: 'staff', kind: 'aggregate', path: (c) => `/reports/${c.reportYear}/print` },
  { name: 'deputy-home', user: 'deputy', kind: 'page', path: () => '/' },
  { name: 'me-tasks', user: 'deputy', kind: 'page', path: () => '/me/tasks' },
  { name: 'xlsx', user: 'staff', kind: 'download', path: (c) => `/suggestions/export.xlsx?year=${c.year}` },
  { name: 'pdf', user: 'staff', kind: 'pdf', path: (c) => `/reports/${c.reportYear}.pdf` },
];

export function contextOf(file: string): Context {
  const db = new Database(file, { readonly: true });
  try {
    const township = (db.prepare(`SELECT id FROM "Township" WHERE name = '东明镇'`).get() as { id: number }).id;
    const year = (db.prepare(`SELECT MAX(year) AS y FROM "Suggestion" WHERE "townshipId" = ?`).get(township) as { y: number }).y;
    // The work report of the last full year with data (the bench drafts it when missing).
    const thisYear = new Date().getFullYear();
    const reportYear = (
      db.prepare(`SELECT MAX(year) AS y FROM "Suggestion" WHERE "townshipId" = ? AND year < ?`).get(township, thisYear) as { y: number }
    ).y;
    // A suggestion of the latest year with a long history: the detail page at its fullest.
    const detail = db
      .prepare(
        `SELECT s.id FROM "Suggestion" s WHERE s."townshipId" = ? AND s.year = ? AND s.status = 'CLOSED'
         ORDER BY (SELECT COUNT(*) FROM "SuggestionEvent" e WHERE e."suggestionId" = s.id) DESC, s.id LIMIT 1`,
      )
      .get(township, year) as { id: number };
    return { detailId: detail.id, year, reportYear };
  } finally {
    db.close();
  }
}
