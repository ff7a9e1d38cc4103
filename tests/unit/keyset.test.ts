import { describe, expect, it } from 'vitest';
import { idBatches, inBatches, rowsAfter } from '../../src/lib/keyset.js';

/** The where clause of the next batch, for each place a null can take in the order. */
describe('rowsAfter', () => {
  it('after a non-null value: later values, or the same and later in the next column', () => {
    const order = [{ year: 'desc' }, { id: 'asc' }] as const;
    expect(rowsAfter(order, { year: 2024, id: 7 })).toEqual({ OR: [{ year: { lt: 2024 } }, { year: 2024, id: { gt: 7 } }] });
  });

  it('nulls last: a non-null value is followed by the later values and by every null', () => {
    const order = [{ number: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }] as const;
    expect(rowsAfter(order, { number: 3, id: 9 })).toEqual({
      OR: [{ OR: [{ number: { gt: 3 } }, { number: null }] }, { number: 3, id: { gt: 9 } }],
    });
    // after a null, only the nulls with a later id
    expect(rowsAfter(order, { number: null, id: 9 })).toEqual({ OR: [{ number: null, id: { gt: 9 } }] });
  });

  it('nulls first: a null is followed by every non-null value', () => {
    const order = [{ number: { sort: 'desc', nulls: 'first' } }, { id: 'desc' }] as const;
    expect(rowsAfter(order, { number: null, id: 9 })).toEqual({ OR: [{ number: { not: null } }, { number: null, id: { lt: 9 } }] });
    expect(rowsAfter(order, { number: 3, id: 9 })).toEqual({ OR: [{ number: { lt: 3 } }, { number: 3, id: { lt: 9 } }] });
  });

  it('refuses a null in a column whose nulls have no place in the order', () => {
    expect(() => rowsAfter([{ deadline: 'asc' }, { id: 'asc' }], { deadline: null, id: 1 })).toThrow(/nulls/);
  });
});

describe('inBatches', () => {
  it('reads the first batch before returning, then batch after batch until a short one', async () => {
    const reads: unknown[] = [];
    const rows = Array.from({ length: 5 }, (_, i) => ({ id: i + 1 }));
    const batches = await inBatches([{ id: 'asc' }], 2, (after) => {
      reads.push(after);
      const from = after ? ((after.OR[0] as { id: { gt: number } }).id.gt ?? 0) : 0;
      return Promise.resolve(rows.filter((r) => r.id > from).slice(0, 2));
    });
    expect(reads).toEqual([undefined]);
    const seen: number[][] = [];
    for await (const batch of batches) seen.push(batch.map((r) => r.id));
    expect(seen).toEqual([[1, 2], [3, 4], [5]]);
    expect(reads).toHaveLength(3);
  });
});

describe('idBatches', () => {
  it('gives the rows in the order of the ids, a batch at a time, whatever order each read returns', async () => {
    const ids = [5, 3, 9, 1, 7, 2, 8];
    const reads: number[][] = [];
    const batches = await idBatches(ids, 3, (some) => {
      reads.push(some);
      // rows come back shuffled, and 9 was deleted meanwhile
      return Promise.resolve(
        [...some]
          .reverse()
          .filter((id) => id !== 9)
          .map((id) => ({ id })),
      );
    });
    expect(reads).toEqual([[5, 3, 9]]); // the first batch is read before the download starts
    const got: number[][] = [];
    for await (const rows of batches) got.push(rows.map((r) => r.id));
    expect(got).toEqual([[5, 3], [1, 7, 2], [8]]);
    expect(reads).toEqual([[5, 3, 9], [1, 7, 2], [8]]);
  });

  it('reads once and yields nothing for no ids', async () => {
    let reads = 0;
    const batches = await idBatches([], 3, () => (reads++, Promise.resolve([])));
    const got: unknown[] = [];
    for await (const rows of batches) got.push(rows);
    expect(got).toEqual([]);
    expect(reads).toBe(1);
  });
});
