/**
 * A large result read a batch at a time (keyset pagination): each batch is the rows that come after
 * the last row of the batch before in the query's own order, so that no row is skipped or repeated at
 * a batch's edge, the database never counts past an OFFSET, and only one batch is in memory at once.
 */

type Direction = 'asc' | 'desc';

/**
 * One term of a Prisma `orderBy` list: `{ id: 'desc' }` or `{ number: { sort: 'asc', nulls: 'last' } }`
 * (the query's own orderBy is given as it is; a relation's column cannot be a key here). A column that
 * may be null must say where its nulls go (SQLite and PostgreSQL disagree by default).
 */
type OrderTerm = Record<string, Direction | { sort: Direction; nulls?: 'first' | 'last' }>;

/**
 * The where clause of the rows after `last` in `orderBy`, whose last term must be a unique column
 * (the id): for the terms k1…kn, k1 after, or k1 equal and k2 after, … (null equals null here).
 */
export function rowsAfter(orderBy: readonly object[], last: object): { OR: object[] } {
  const values = last as Record<string, unknown>;
  const terms = (orderBy as readonly OrderTerm[]).map((term) => {
    const [field, spec] = Object.entries(term)[0]!;
    if (typeof spec === 'string') return { field, sort: spec, nulls: undefined };
    if (spec.sort !== 'asc' && spec.sort !== 'desc') throw new Error(`rowsAfter: ${field} is not ordered by a column of its own`);
    return { field, sort: spec.sort, nulls: spec.nulls };
  });
  const or: object[] = [];
  terms.forEach(({ field, sort, nulls }, i) => {
    const same = Object.fromEntries(terms.slice(0, i).map((t) => [t.field, values[t.field] ?? null]));
    const value = values[field];
    if (value === null || value === undefined) {
      if (!nulls) throw new Error(`rowsAfter: ${field} is null, but the order does not say where its nulls go`);
      // After a null: the non-null values if the nulls come first, nothing if they come last.
      if (nulls === 'first') or.push({ ...same, [field]: { not: null } });
      return;
    }
    const later = { [field]: sort === 'asc' ? { gt: value } : { lt: value } };
    or.push(nulls === 'last' ? { ...same, OR: [later, { [field]: null }] } : { ...same, ...later });
  });
  return { OR: or };
}

/**
 * The rows `read` returns, `size` at a time in `orderBy`'s order: `read(after)` reads the next batch
 * (`after` — from `rowsAfter` — is undefined for the first). The first batch is read before this
 * returns, so that a query that fails does so before anything has been sent.
 */
export async function inBatches<T extends object>(
  orderBy: readonly object[],
  size: number,
  read: (after: { OR: object[] } | undefined, take: number) => Promise<T[]>,
): Promise<AsyncIterable<T[]>> {
  const first = await read(undefined, size);
  return (async function* () {
    let rows = first;
    while (rows.length) {
      yield rows;
      if (rows.length < size) return;
      rows = await read(rowsAfter(orderBy, rows.at(-1)!), size);
    }
  })();
}

/**
 * The rows of `ids` (a result's ids in its order, read at once: a few bytes a row), `size` at a time
 * in that order: `read(some)` reads the rows of some ids, in any order. For a filter and order the
 * database cannot seek in (alternatives joined by OR, an order across several columns), where each
 * keyset batch sorted every remaining row again (a 60,000-row ledger: 60 sorts, a second each, each
 * blocking the server's event loop on SQLite); here the order is sorted once and each batch is read
 * by primary key. Rows deleted meanwhile are left out. The first batch is read before this returns.
 */
export async function idBatches<T extends { id: number }>(
  ids: readonly number[],
  size: number,
  read: (some: number[]) => Promise<T[]>,
): Promise<AsyncIterable<T[]>> {
  const batch = async (from: number) => {
    const some = ids.slice(from, from + size);
    const byId = new Map((await read(some)).map((row) => [row.id, row]));
    return some.flatMap((id) => byId.get(id) ?? []);
  };
  const first = await batch(0);
  return (async function* () {
    for (let from = 0; from < ids.length; from += size) yield from === 0 ? first : await batch(from);
  })();
}
