import type { Request, Response } from 'express';
import { newOnceToken } from '../middleware/once.js';
import { changeStamp, changesSeen, type Db } from '../db.js';

type Entry<T> = { stamp: string; at: number; until: number; value: Promise<T>; bytes: number; done: boolean };
type Store<T> = { entries: Map<string, Entry<T>>; bytes: number; sweptAt: number };

/** How often a store lets go of its expired entries (keys with a minute in them are never asked again). */
const SWEEP_MS = 10_000;

/** Computed values: at most this many per database client. */
const MAX_VALUES = 500;
/**
 * Rendered pages: at most this many characters per database client (two bytes each, and about
 * three more for the UTF-8 a sent page keeps: ~40 MB at most).
 */
const MAX_HTML_CHARS = 8 * 1024 * 1024;

const valueStores = new WeakMap<Db, Store<unknown>>();
const htmlStores = new WeakMap<Db, Store<RenderedPage>>();

function storeOf<T>(stores: WeakMap<Db, Store<T>>, db: Db): Store<T> {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = { entries: new Map(), bytes: 0, sweptAt: Date.now() }));
  return store;
}

function drop<T>(store: Store<T>, key: string) {
  const old = store.entries.get(key);
  if (!old) return;
  store.bytes -= old.bytes;
  store.entries.delete(key);
}

type Limit<T> = { entries: number } | { size: (value: T) => number; max: number };

/** What one lookup asks for. */
type Ask<T> = {
  key: string;
  tables: readonly string[] | 'records';
  maxAgeMs: number;
  compute: () => Promise<T>;
  limit: Limit<T>;
  /** The key of the same value one minute earlier (see `cachedPage`). */
  previousKey?: string;
};

/**
 * The one rule of both caches: an entry is served while the stamp of its tables is the one taken
 * before it was computed, and for at most `maxAgeMs`; concurrent requests share one computation; a
 * failed computation is forgotten; the least recently stored entries go first when the store is full.
 * On PostgreSQL the stamp is taken after `changesSeen`: every change committed before the call, on
 * any instance, has been counted by then.
 */
function lookup<T>(store: Store<T>, db: Db, ask: Ask<T>): Promise<T> {
  const seen = changesSeen(db);
  const look = () => lookupNow(store, db, ask);
  return seen ? seen.then(look) : look();
}

function lookupNow<T>(store: Store<T>, db: Db, { key, tables, maxAgeMs, compute, limit, previousKey }: Ask<T>): Promise<T> {
  const stamp = changeStamp(db, tables);
  const now = Date.now();
  if (now - store.sweptAt > SWEEP_MS) {
    store.sweptAt = now;
    for (const [k, e] of store.entries) if (e.until < now) drop(store, k);
  }
  // While a value of a new minute is computed, the last minute's is served if nothing has changed
  // since: what only moves with the time may be a minute late, never what the records say.
  const previous = () => {
    const p = previousKey === undefined ? undefined : store.entries.get(previousKey);
    return p?.done && p.stamp === stamp && now - p.at <= 2 * maxAgeMs ? p.value : undefined;
  };
  const hit = store.entries.get(key);
  if (hit && hit.stamp === stamp && now - hit.at <= maxAgeMs) return hit.done ? hit.value : (previous() ?? hit.value);
  const value = compute();
  drop(store, key);
  // kept a second age for the minute after (`previous`)
  const entry: Entry<T> = { stamp, at: now, until: now + 2 * maxAgeMs, value, bytes: 0, done: false };
  store.entries.set(key, entry);
  const evict = (room: () => boolean) => {
    for (const k of store.entries.keys()) {
      if (room() || k === key) break;
      drop(store, k);
    }
  };
  if ('entries' in limit) evict(() => store.entries.size <= limit.entries);
  void value.then(
    (v) => {
      entry.done = true;
      if ('entries' in limit || store.entries.get(key) !== entry) return;
      entry.bytes = limit.size(v);
      store.bytes += entry.bytes;
      if (entry.bytes > limit.max) drop(store, key);
      else evict(() => store.bytes <= limit.max);
    },
    () => {
      if (store.entries.get(key) === entry) drop(store, key);
    },
  );
  return previous() ?? value;
}

/**
 * A value computed from the database, kept until the rows it reads may have changed (see
 * `changeStamp`: any write through this client to `tables`, or a commit by another connection)
 * and at most `maxAgeMs`. Concurrent requests for the same key share one computation. Keys name
 * everything the value depends on besides those rows (township, year, user, the minute when the
 * value depends on the time). Callers must not change the value they get.
 *
 * The stamp is taken before the computation starts, so a value computed from rows that change
 * meanwhile is kept under the stamp of before the change and never matches again.
 */
export function cached<T>(
  db: Db,
  key: string,
  tables: readonly string[] | 'records',
  maxAgeMs: number,
  compute: () => Promise<T>,
): Promise<T> {
  return lookup(storeOf(valueStores, db) as Store<T>, db, { key, tables, maxAgeMs, compute, limit: { entries: MAX_VALUES } });
}

/**
 * The key of a value that moves with the time, for this minute and the one before: with the
 * previous key, `cachedPage` serves the last minute's page while this minute's is
 * rendered, if no record has changed since (at city scale the dashboard takes seconds to compute,
 * and every request of those seconds would wait for it once a minute).
 */
export function minuteKeys(now: Date, key: (minute: number) => string): { key: string; previousKey: string } {
  const minute = Math.floor(now.getTime() / 60_000);
  return { key: key(minute), previousKey: key(minute - 1) };
}

/** A page's title and its body (what views/page.ejs puts between the user's header and the footer). */
export type RenderedPage = { title: string; body: string };

/**
 * A page rendered from the database (its title and body), kept by the same rule as `cached`: for
 * the pages that are the same for everyone of one scope — statistics, dashboard, the printed
 * report — or for one reader between changes (their list, a suggestion, their home page), so that
 * a visit renders only the user's own header (`sendPage`). What the page shows must come from
 * `tables` and the key alone: render it with `renderView`, which sees no request.
 */
export function cachedPage(
  db: Db,
  key: string,
  tables: readonly string[] | 'records',
  maxAgeMs: number,
  render: () => Promise<RenderedPage>,
  previousKey?: string,
): Promise<RenderedPage> {
  const size = (page: RenderedPage) => page.title.length + page.body.length;
  return lookup(storeOf(htmlStores, db), db, { key, tables, maxAgeMs, compute: render, limit: { size, max: MAX_HTML_CHARS }, previousKey });
}

/** Where views/page.ejs puts the body: `sendPage` renders the user's header and footer around it. */
const BODY_SLOT = '__body_slot_7c1e__';

/** The header and footer of a page (views/page.ejs around BODY_SLOT), with slots for the form tokens. */
type Shell = { head: RenderedPage; foot: Buffer };
const shells = new Map<string, Shell>();
/** Shells kept: one per user and page they are on, the oldest forgotten first (a few KB each). */
const MAX_SHELLS = 500;

/**
 * Everything the header and footer show that is not the same for every page (views/partials/header.ejs,
 * footer.ejs): a shell is kept per these values, or not at all while a flash message is shown.
 */
function shellKey(res: Response, title: string): string | null {
  const l = res.locals;
  if ((l.flash as unknown[] | undefined)?.length) return null;
  const user = l.user as { id: number; role: string; displayName: string; title?: string | null } | null;
  return JSON.stringify([title, l.appName, user?.id, user?.role, user?.displayName, user?.title, l.navCurrent, l.notificationCount]);
}

/**
 * Sends a page rendered apart (`renderView`, kept or not) inside this user's own header and footer.
 * The body goes out as the UTF-8 bytes encoded once per kept page (`bodyBytes`), not re-encoded on
 * every visit: a banner's dashboard is 130 KB of mostly Chinese text. The header and footer are
 * rendered once per user, page and unread count (`shellKey`) and kept the same way, with this
 * request's form tokens in the logout form.
 */
export function sendPage(res: Response, page: RenderedPage, status = 200): void {
  const send = (shell: Shell) =>
    res
      .status(status)
      .type('html')
      .send(Buffer.concat([...bodyBytes(res, shell.head), ...bodyBytes(res, page), shell.foot]));
  const key = shellKey(res, page.title);
  const kept = key === null ? undefined : shells.get(key);
  if (kept) {
    send(kept);
    return;
  }
  const locals = { title: page.title, body: BODY_SLOT, csrfToken: CSRF_SLOT, onceToken: () => ONCE_SLOT };
  res.render('page', locals, (err: Error | null, html: string) => {
    if (err) return res.req.next!(err); // set by Express on every request
    const at = html.indexOf(BODY_SLOT);
    const shell = { head: { title: page.title, body: html.slice(0, at) }, foot: Buffer.from(html.slice(at + BODY_SLOT.length)) };
    if (key !== null) {
      if (shells.size >= MAX_SHELLS) shells.delete(shells.keys().next().value!);
      shells.set(key, shell);
    }
    send(shell);
  });
}

/** Sends a whole document kept by `cachedPage` (the printed report) as its bytes, encoded once. */
export function sendDocument(res: Response, page: RenderedPage): void {
  const bytes = bodyBytes(res, page);
  res.type('html').send(bytes.length === 1 ? bytes[0] : Buffer.concat(bytes));
}

/** What a kept body carries in place of the request's own form tokens (see `bodyBytes`). */
const CSRF_SLOT = '__csrf_slot_7c1e__';
const ONCE_SLOT = '__once_slot_7c1e__';
const SLOTS = new RegExp(`(${CSRF_SLOT}|${ONCE_SLOT})`);

/** A body's UTF-8 bytes between its form-token slots, and the slots. */
type Chunk = Buffer | typeof CSRF_SLOT | typeof ONCE_SLOT;
const chunksOf = new WeakMap<RenderedPage, Chunk[]>();

/**
 * A body rendered by `renderView(…, { forms: true })` as bytes, with this request's form tokens:
 * the CSRF token of the session, a new one-time token per form. The rest is encoded once per page
 * object (a kept page is the same object on every visit).
 */
function bodyBytes(res: Response, page: RenderedPage): Buffer[] {
  let chunks = chunksOf.get(page);
  if (!chunks) {
    chunks = page.body.split(SLOTS).map((part, i) => (i % 2 ? (part as Chunk) : Buffer.from(part)));
    chunksOf.set(page, chunks);
  }
  return chunks.map((c) =>
    c === CSRF_SLOT ? Buffer.from(String(res.locals.csrfToken)) : c === ONCE_SLOT ? Buffer.from(newOnceToken()) : c,
  );
}

/**
 * A view rendered with the app's locals and `locals` only — nothing of the request (user, CSRF
 * token, flash): a view that needs them fails here instead of caching one user's page for another.
 * With `forms`, its forms carry placeholders for their tokens, which `sendPage` replaces with the
 * request's own on every visit.
 */
export function renderView(req: Request, view: string, locals: Record<string, unknown>, opts: { forms?: boolean } = {}): Promise<string> {
  const all = opts.forms ? { ...locals, csrfToken: CSRF_SLOT, onceToken: () => ONCE_SLOT } : locals;
  return new Promise((resolve, reject) => req.app.render(view, all, (err, html) => (err ? reject(err) : resolve(html))));
}

/** How many values and pages a client keeps now (for tests and diagnostics). */
export function keptCount(db: Db): number {
  return (valueStores.get(db)?.entries.size ?? 0) + (htmlStores.get(db)?.entries.size ?? 0);
}
