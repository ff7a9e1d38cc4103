/**
 * Names shown beside ids: a handling unit's, a deputy's, a station's, a project's, an account's. Pages list rows with the
 * names of what they point to; an `include` per relation costs Prisma a query and a join in
 * JavaScript each time (most of a list page's time), while the names change seldom. Where the client
 * sees every change — SQLite, and PostgreSQL while its LISTEN connection is up (lib/pg-changes.ts,
 * several instances included) — each table's names are kept whole until that table is written to;
 * otherwise the ids asked for are read in one query.
 */
import { tracksChanges, type Db } from '../db.js';
import { cached } from './cached.js';

const KINDS = {
  unit: {
    table: 'HandlingUnit',
    load: (db: Db, ids?: number[]) => db.handlingUnit.findMany({ where: ids ? { id: { in: ids } } : {}, select: { id: true, name: true } }),
  },
  deputy: {
    table: 'Deputy',
    load: (db: Db, ids?: number[]) => db.deputy.findMany({ where: ids ? { id: { in: ids } } : {}, select: { id: true, name: true } }),
  },
  station: {
    table: 'LiaisonStation',
    load: (db: Db, ids?: number[]) =>
      db.liaisonStation.findMany({ where: ids ? { id: { in: ids } } : {}, select: { id: true, name: true } }),
  },
  project: {
    table: 'LivelihoodProject',
    load: (db: Db, ids?: number[]) =>
      db.livelihoodProject.findMany({ where: ids ? { id: { in: ids } } : {}, select: { id: true, name: true } }),
  },
  user: {
    table: 'User',
    load: (db: Db, ids?: number[]) =>
      db.user.findMany({ where: ids ? { id: { in: ids } } : {}, select: { id: true, displayName: true, title: true } }),
  },
} as const;

type Kind = keyof typeof KINDS;
type Row<K extends Kind> = Awaited<ReturnType<(typeof KINDS)[K]['load']>>[number];

/** The names of `ids` (nulls skipped) by id. */
export async function namesOf<K extends Kind>(db: Db, kind: K, ids: Iterable<number | null | undefined>): Promise<Map<number, Row<K>>> {
  const wanted = [...new Set([...ids].filter((id): id is number => typeof id === 'number'))];
  if (!wanted.length) return new Map();
  const { table, load } = KINDS[kind];
  if (tracksChanges(db)) {
    // A day at most: the stamp already changes with every write to the table.
    const all = await cached(db, `names:${kind}`, [table], 24 * 3600_000, async () => {
      const rows = (await load(db)) as Array<Row<K>>;
      return new Map(rows.map((r) => [r.id, r]));
    });
    return all;
  }
  const rows = (await load(db, wanted)) as Array<Row<K>>;
  return new Map(rows.map((r) => [r.id, r]));
}
