/**
 * Work that takes a core and much memory for seconds — a PDF, a streamed ledger — at most `size` at
 * a time: up to `queueLimit` more wait their turn, in order; beyond that `busy()` is thrown at once
 * (a Chinese 503) rather than piling up. Interactive pages stay quick while the work is done.
 */
export type Slots = {
  /**
   * Runs `work` in a slot. A `signal` aborted while the work still waits (its browser went away)
   * takes it out of the line: `work` never runs, and this rejects with the signal's reason.
   */
  run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Started and not finished / waiting for a slot (for tests). */
  readonly running: number;
  readonly waiting: number;
};

export function createSlots(size: number, queueLimit: number, busy: () => Error): Slots {
  let running = 0;
  const waiting: Array<() => void> = [];

  async function acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (running < size) {
      running++;
      return;
    }
    if (waiting.length >= queueLimit) throw busy();
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        signal?.removeEventListener('abort', leave);
        resolve();
      };
      const leave = () => {
        waiting.splice(waiting.indexOf(turn), 1);
        reject(signal!.reason as Error);
      };
      waiting.push(turn);
      signal?.addEventListener('abort', leave, { once: true });
    });
  }

  function release(): void {
    const next = waiting.shift();
    if (next)
      next(); // the slot passes straight to the next in line
    else running--;
  }

  return {
    async run(work, signal) {
      await acquire(signal);
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
