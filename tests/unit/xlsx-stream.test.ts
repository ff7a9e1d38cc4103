/**
 * The streamed workbook holds about one batch, not the whole table, while the download is slow:
 * streamTable reads the next batch only when the zip has taken the last one in.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addStreamedSheet, printA4Landscape, streamedWorkbook, streamTable, type XlsxColumn } from '../../src/lib/xlsx.js';

const BATCHES = 20;
const SIZE = 500;
/** Text that does not compress (hashes), so that the zip's buffers hold a few batches at most. */
const noise = (n: number) => [1, 2, 3].map((k) => createHash('sha256').update(`${n}:${k}`).digest('base64')).join('');
const columns: ReadonlyArray<XlsxColumn<number>> = [
  { header: '序号', width: 9, kind: 'int', value: (n) => n },
  { header: '内容', width: 40, value: noise },
];

describe('streamTable and a slow download', () => {
  it('reads no further while the download takes nothing, then writes every row once', async () => {
    let pulled = 0;
    async function* batches() {
      for (let b = 0; b < BATCHES; b++) {
        pulled++;
        // as a database read would give it
        yield await Promise.resolve(Array.from({ length: SIZE }, (_, i) => b * SIZE + i));
      }
    }
    // A download that takes nothing until it is let go.
    const chunks: Buffer[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        void held.then(() => done());
      },
    });
    const book = await streamedWorkbook(out, 'test');
    const sheet = addStreamedSheet(book, '表', printA4Landscape({ headerRow: 1 }));
    const writing = streamTable(sheet, columns, batches(), out, 1).then(() => book.commit());

    await sleep(300);
    // Without back-pressure all 20 batches would be read (and held) by now; the zip's stages hold a few.
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThanOrEqual(6);

    release();
    await writing;
    await new Promise<void>((resolve) => out.end(resolve));
    expect(pulled).toBe(BATCHES);
    const bytes = Buffer.concat(chunks);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const ids = read.worksheets[0]!.getColumn(1).values.slice(2);
    expect(ids).toEqual(Array.from({ length: BATCHES * SIZE }, (_, n) => n));
  });
});
