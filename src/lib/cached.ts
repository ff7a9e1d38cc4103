import { changeStamp, changesSeen, type Db } from '../db.js';

type Entry = { stamp: string; at: number; value: Promise<unknown> };

const MAX_ENTRIES = 500;
const caches = new WeakMap<Db, Map<string, Entry>>();

/**
 * A value computed from the database, kept until the rows it reads may have changed (see
 * `changeStamp`: any write through this client to `tables`, or a commit by another connection)
 * and at most `maxAgeMs`. Concurrent requests for the same key share one computation. Keys name
 * everything the value depends on besides those rows (township, year, user, the minute when the
 * value depends on the time). Callers must not change the value they get.
 *
 * The stamp is taken before the computation starts, so a value computed from rows that change
 * meanwhile is kept under the stamp of before the change and never matches again. On PostgreSQL
 * the stamp is taken after `changesSeen`: every change committed before the call has been counted.
 */
export function cached<T>(
  db: Db,
  key: string,
  tables: readonly string[] | 'records',
  maxAgeMs: number,
  compute: () => Promise<T>,
): Promise<T> {
  const seen = changesSeen(db);
  if (seen) return seen.then(() => lookup(db, key, tables, maxAgeMs, compute));
  return lookup(db, key, tables, maxAgeMs, compute);
}

function lookup<T>(db: Db, key: string, tables: readonly string[] | 'records', maxAgeMs: number, compute: () => Promise<T>): Promise<T> {
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map<string, Entry>()));
  const stamp = changeStamp(db, tables);
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp && now - hit.at <= maxAgeMs) return hit.value as Promise<T>;
  const value = compute();
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  const entry: Entry = { stamp, at: now, value };
  entries.set(key, entry);
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}
