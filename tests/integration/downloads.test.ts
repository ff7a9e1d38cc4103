/**
 * Streamed downloads (lib/download.ts) take a slot each, at most STREAMS_AT_ONCE at once: a download
 * whose browser goes away gives its slot back even when its writer never finishes (a zip that waits
 * for a response nobody reads), and one whose browser left while it waited for a slot is not made.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import { STREAMS_AT_ONCE, streamFile } from '../../src/lib/download.js';

let server: http.Server;
let base: string;
let started = 0;
let recorded = 0;

beforeAll(async () => {
  const app = express();
  app.locals.recordDownload = () => {
    recorded++;
    return Promise.resolve();
  };
  const file = { filename: '台账.xlsx', type: 'xlsx' as const, audit: { action: 'suggestion.export' as const } };
  // A writer that sends a first part and then never finishes.
  app.get('/stuck', (_req, res) =>
    streamFile(res, {
      ...file,
      write: (out) => {
        started++;
        out.write('partial');
        return new Promise<void>(() => undefined);
      },
    }),
  );
  // The same, ended when its browser reads nothing for 200 ms.
  app.get('/stalled', (_req, res) =>
    streamFile(
      res,
      {
        ...file,
        write: (out) => {
          out.write('partial');
          return new Promise<void>(() => undefined);
        },
      },
      { stallMs: 200 },
    ),
  );
  app.get('/whole', (_req, res) => streamFile(res, { ...file, write: (out) => void out.end('whole') }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Starts a download, waits for its first bytes, and goes away. */
function startAndLeave(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get(base + path, (res) => {
      res.once('data', () => {
        req.destroy();
        resolve();
      });
    });
    req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
  });
}

describe('streamed downloads and browsers that go away', () => {
  it('a download left half-way gives its slot back, even if its writer never finishes', async () => {
    for (let i = 0; i < STREAMS_AT_ONCE; i++) await startAndLeave('/stuck');
    expect(started).toBe(STREAMS_AT_ONCE);
    const res = await fetch(base + '/whole', { signal: AbortSignal.timeout(5000) });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('whole');
  });

  it('a download whose browser left while it waited for a slot is not made', async () => {
    // Fill the slots with downloads that are kept (their browsers stay), then ask for one more and leave.
    const kept = Array.from({ length: STREAMS_AT_ONCE }, () => new AbortController());
    const keptRes = kept.map((c) => fetch(base + '/stuck', { signal: c.signal }));
    await Promise.all(keptRes);
    const before = { recorded };
    const waiting = new AbortController();
    const asked = fetch(base + '/whole', { signal: waiting.signal }).catch(() => null);
    await new Promise((r) => setTimeout(r, 100));
    waiting.abort();
    await asked;
    await new Promise((r) => setTimeout(r, 100));
    for (const c of kept) c.abort(); // their slots come back; the one that left is skipped
    const res = await fetch(base + '/whole', { signal: AbortSignal.timeout(5000) });
    expect(await res.text()).toBe('whole');
    // Only the last download was recorded: the one that left while it waited was not made.
    expect(recorded - before.recorded).toBe(1);
  });

  it('a download whose browser stays but reads nothing is ended after the stall time, and its slot comes back', async () => {
    const stalled = Array.from({ length: STREAMS_AT_ONCE }, () => fetch(base + '/stalled'));
    const responses = await Promise.all(stalled);
    const res = await fetch(base + '/whole', { signal: AbortSignal.timeout(5000) });
    expect(await res.text()).toBe('whole');
    // The stalled ones were cut short: their bodies end in an error, not as complete files.
    for (const r of responses) await expect(r.text()).rejects.toThrow();
  });
});
