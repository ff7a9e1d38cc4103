/**
 * Work that takes a core and much memory for seconds — a PDF, a streamed ledger — at most `size` at
 * a time: up to `queueLimit` more wait their turn, in order; beyond that `busy()` is thrown at once
 * (a Chinese 503) rather than piling up. Interactive pages stay quick while the work is done.
 */
export type Slots = {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Started and not finished / waiting for a slot (for tests). */
  readonly running: number;
  readonly waiting: number;
};

export function createSlots(size: number, queueLimit: number, busy: () => Error): Slots {
  let running = 0;
  const waiting: Array<() => void> = [];

  async function acquire(): Promise<void> {
    if (running < size) {
      running++;
      return;
    }
    if (waiting.length >= queueLimit) throw busy();
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release(): void {
    const next = waiting.shift();
    if (next)
      next(); // the slot passes straight to the next in line
    else running--;
  }

  return {
    async run(work) {
      await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
