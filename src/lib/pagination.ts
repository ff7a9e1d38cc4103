/** Page numbers for list pages. */
export const PAGE_SIZE = 20;

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number; pageCount: number };

export function pageArgs(page: number, pageSize = PAGE_SIZE): { skip: number; take: number } {
  // A page number from a URL can be anything: keep the offset within what a database can bind.
  const p = Math.min(Math.max(1, Math.floor(page) || 1), 1_000_000);
  return { skip: (p - 1) * pageSize, take: pageSize };
}

/** The page that exists: at least 1, at most the last page (page 999 of 2 is page 2). */
export function clampPage(page: number, total: number, pageSize = PAGE_SIZE): number {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
}

export function toPage<T>(items: T[], total: number, page: number, pageSize = PAGE_SIZE): Page<T> {
  return { items, total, page: clampPage(page, total, pageSize), pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/**
 * One page of a list: counts first, so that a page number past the end (a stale link, a typed URL)
 * shows the last page instead of an empty "第 999/2 页".
 */
export async function paginate<T>(
  requested: number,
  count: () => Promise<number>,
  fetch: (args: { skip: number; take: number }) => Promise<T[]>,
  pageSize = PAGE_SIZE,
): Promise<Page<T>> {
  const total = await count();
  const page = clampPage(requested, total, pageSize);
  const items = total ? await fetch(pageArgs(page, pageSize)) : [];
  return toPage(items, total, page, pageSize);
}
