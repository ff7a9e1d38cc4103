import { describe, expect, it } from 'vitest';
import { createSlots } from '../../src/lib/slots.js';

/** A piece of work that runs until it is let go (or made to fail). */
function held(log: string[], name: string) {
  let finish!: () => void;
  let fail!: (err: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return {
    work: async () => {
      log.push(`start ${name}`);
      await done;
      return name;
    },
    finish,
    fail,
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('createSlots', () => {
  it('runs at most `size` at once, lets the rest wait in order, refuses beyond the queue, and frees a failed slot', async () => {
    const slots = createSlots(2, 2, () => new Error('busy'));
    const log: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => held(log, n));
    const runs = [a, b, c, d].map((h) => slots.run(h!.work));
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    expect([slots.running, slots.waiting]).toEqual([2, 2]);
    // A fifth is refused at once.
    await expect(slots.run(() => Promise.resolve('e'))).rejects.toThrow('busy');

    a!.fail(new Error('a failed'));
    await expect(runs[0]).rejects.toThrow('a failed');
    await tick();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    b!.finish();
    c!.finish();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'start c', 'start d']);
    d!.finish();
    expect(await Promise.all(runs.slice(1))).toEqual(['b', 'c', 'd']);
    expect([slots.running, slots.waiting]).toEqual([0, 0]);
  });

  it('takes a waiting work out of the line when its signal aborts: it never runs, and the line moves on', async () => {
    const slots = createSlots(1, 2, () => new Error('busy'));
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => held(log, n));
    const left = new AbortController();
    const first = slots.run(a!.work);
    const gone = slots.run(b!.work, left.signal);
    const third = slots.run(c!.work);
    await tick();
    expect(slots.waiting).toBe(2);
    left.abort(new Error('went away'));
    await expect(gone).rejects.toThrow('went away');
    expect(slots.waiting).toBe(1);
    a!.finish();
    await tick();
    expect(log).toEqual(['start a', 'start c']);
    c!.finish();
    expect(await Promise.all([first, third])).toEqual(['a', 'c']);
    // Already aborted: refused before it takes a slot.
    await expect(slots.run(() => Promise.resolve('x'), AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
    expect([slots.running, slots.waiting]).toEqual([0, 0]);
  });
});
