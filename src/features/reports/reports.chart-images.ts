/**
 * The dashboard's server-side ECharts SVG as PNG for the .docx (Word shows an SVG only beside a
 * PNG, and older Word not at all). Rasterized with resvg; the machine has no Chinese fonts, so the
 * bundled Noto Sans SC is loaded explicitly: its web-font slices that cover the characters of
 * the chart are unpacked from WOFF to TrueType once, into a cache folder of the system's temporary
 * directory (resvg reads font files), and reused. (WOFF 1.0 is the TrueType tables, each
 * zlib-compressed: unpacking is a few lines with node:zlib. The woff2 slices decompressed with
 * wawoff2 were refused as malformed by resvg's font parser.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
const FONT_DIR = path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));

type Slice = { file: string; ranges: Array<[number, number]> };

let slices: Slice[] | null = null;
/** WOFF 1.0 → TrueType: the table directory rewritten, each table inflated (W3C WOFF File Format 1.0). */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 font');
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const o = 44 + i * 20;
    const [offset, compressed, original] = [woff.readUInt32BE(o + 4), woff.readUInt32BE(o + 8), woff.readUInt32BE(o + 12)];
    const raw = woff.subarray(offset, offset + compressed);
    return { tag: woff.readUInt32BE(o), checksum: woff.readUInt32BE(o + 16), data: compressed < original ? zlib.inflateSync(raw) : raw };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(12 + numTables * 16 + tables.reduce((sum, t) => sum + padded(t.data.length), 0));
  out.writeUInt32BE(woff.readUInt32BE(4), 0); // flavor: the sfnt version
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let at = 12 + numTables * 16;
  tables.forEach((t, i) => {
    out.writeUInt32BE(t.tag, 12 + i * 16);
    out.writeUInt32BE(t.checksum, 16 + i * 16);
    out.writeUInt32BE(at, 20 + i * 16);
    out.writeUInt32BE(t.data.length, 24 + i * 16);
    t.data.copy(out, at);
    at += padded(t.data.length);
  });
  return out;
}

/** The slices of Noto Sans SC 400 and the code points each covers (from fontsource's CSS). */
function fontSlices(): Slice[] {
  if (slices) return slices;
  const css = fs.readFileSync(path.join(FONT_DIR, '400.css'), 'utf8');
  slices = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap((m) => {
    const body = m[1]!;
    const file = /url\(\.\/files\/([^)]+)\.woff2\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+)/.exec(body)?.[1];
    if (!file || !range) return [];
    const ranges = range.split(',').map((r): [number, number] => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
    });
    return [{ file, ranges }];
  });
  return slices;
}

const version = (JSON.parse(fs.readFileSync(path.join(FONT_DIR, 'package.json'), 'utf8')) as { version: string }).version;
const CACHE = path.join(os.tmpdir(), `renda-chart-fonts-${version}`);
const decompressed = new Map<string, Promise<string>>();
/** The TrueType file of one slice, decompressed on first use. */
function ttf(file: string): Promise<string> {
  let p = decompressed.get(file);
  if (!p) {
    const out = path.join(CACHE, `${file}.ttf`);
    p = Promise.resolve().then(() => {
      if (!fs.existsSync(out)) {
        fs.mkdirSync(CACHE, { recursive: true, mode: 0o700 });
        const tmp = `${out}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, woffToSfnt(fs.readFileSync(path.join(FONT_DIR, 'files', `${file}.woff`))));
        fs.renameSync(tmp, out);
      }
      return out;
    });
    decompressed.set(file, p);
  }
  return p;
}

/** TrueType files of the slices that hold the characters of `text`. */
export async function fontsFor(text: string): Promise<string[]> {
  const codes = new Set([...text].map((c) => c.codePointAt(0)!));
  const needed = fontSlices().filter((s) => [...codes].some((cp) => s.ranges.some(([a, b]) => cp >= a && cp <= b)));
  return Promise.all(needed.map((s) => ttf(s.file)));
}

/** A chart's SVG as a PNG `width` pixels wide, with its height. */
export async function chartPng(svg: string, width: number): Promise<{ png: Buffer; width: number; height: number }> {
  const text = svg.replace(/<[^>]+>/g, '');
  const fontFiles = await fontsFor(`${text}0123456789%`);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC', sansSerifFamily: 'Noto Sans SC' },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
