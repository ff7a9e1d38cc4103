import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';
import type request from 'supertest';
import { csrfOf, type TestApp } from '../helpers/test-app.js';
import { worldApp } from '../helpers/world-app.js';
import { ROSTER_COLUMNS } from '../../src/features/deputies/deputies.import.js';
import { MAX_INFLATED_BYTES, MAX_ROWS, readGrid, sniff } from '../../src/features/deputies/deputies.import.read.js';
import { parseInWorker, WORKER_LIMITS } from '../../src/features/deputies/deputies.import.parse.js';

/** Files of every kind a township office may upload, and files built to hurt: bounds and formats. */
const HEADERS = ROSTER_COLUMNS.map((c) => c.header);

let t: TestApp;
let staff: request.Agent;
beforeAll(async () => {
  ({ t, staff } = await worldApp());
});
afterAll(() => t.close());

const upload = async (buffer: Buffer | Uint8Array, filename: string, contentType = 'application/octet-stream') =>
  staff
    .post('/deputies/import')
    .field('_csrf', await csrfOf(staff))
    .attach('file', Buffer.from(buffer), { filename, contentType });

const csvLine = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
const CSV_ROWS = [
  HEADERS,
  ['张淑华', '女', '汉族', '1976', '中共党员', '教师', '东明镇中心小学', '第一选区', '东明村', '0475-4231009', '镇', '2021-01-10'],
  ['额尔德木图', '男', '', '1969', '', '牧民', '', '第三选区', '哈日干图嘎查', '13904751234', '旗、镇', '2021/1/10'],
];

describe('CSV and the old .xls', () => {
  it('reads a UTF-8 CSV as Excel saves it (with BOM) and shows how each row was read', async () => {
    const csv = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV_ROWS.map(csvLine).join('\r\n'), 'utf8')]);
    const res = await upload(csv, '名册.csv', 'text/csv');
    expect(res.status).toBe(303);
    const page = await staff.get(res.headers.location!);
    expect(page.text).toContain('检查通过');
    expect(page.text).toContain('导入预览：每行将如何登记');
    expect(page.text).toContain('0475-4231009'); // kept as typed
    expect(page.text).toContain('汉族（未填，按默认）');
    expect(page.text).toContain('群众（未填，按默认）');
    expect(page.text).toContain('2021年1月10日');
    await staff
      .post(`${res.headers.location}/commit`)
      .type('form')
      .send({ mode: 'all', _csrf: await csrfOf(staff) });
    const zhang = await t.services.db.deputy.findFirstOrThrow({ where: { name: '张淑华' } });
    expect(zhang.phone).toBe('0475-4231009');
  });

  it('reads a GBK CSV (Excel on Chinese Windows) the same way', async () => {
    const rows = CSV_ROWS.map((r, i) => (i === 0 ? r : [`${r[0]}乙`, ...r.slice(1)]));
    const gbk = iconv.encode(rows.map(csvLine).join('\r\n'), 'gbk');
    expect(gbk.includes(Buffer.from('张', 'utf8'))).toBe(false); // really GBK bytes
    const res = await upload(gbk, '名册.csv', 'text/csv');
    expect(res.status).toBe(303);
    const page = await staff.get(res.headers.location!);
    expect(page.text).toContain('张淑华乙');
    expect(page.text).toContain('额尔德木图乙');
    expect(page.text).toContain('检查通过');
  });

  it('says what to do with an .xls file', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const res = await upload(ole, '名册.xls', 'application/vnd.ms-excel');
    expect(res.status).toBe(422);
    expect(res.text).toContain('这是旧版 Excel 文件（.xls）');
    expect(res.text).toContain('另存为');
    expect(sniff(ole, 'x.xlsx')).toBe('xls');
  });

  it('never converts silently: 县 is refused, not read as 旗', async () => {
    const csv = [HEADERS, ['王县代', '男', '汉族', '1970', '群众', '', '', '', '东明村', '', '县', '']].map(csvLine).join('\n');
    const res = await upload(Buffer.from(csv, 'utf8'), 'x.csv', 'text/csv');
    const page = await staff.get(res.headers.location!);
    expect(page.text).toContain('代表层级只能填写“市”“旗”“镇”');
    expect(page.text).toContain('现为“县”');
  });
});

/** A zip of a minimal workbook whose sheet is `sheetXml`. */
function workbookZip(sheetXml: Uint8Array): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    'xl/worksheets/sheet1.xml': sheetXml,
  });
}

describe('bounds (issue 10): zip bombs, huge sheets, the event loop', () => {
  it('refuses a zip bomb from its central directory, before inflating it', async () => {
    // 100 MB of zeros deflate to about 100 KB: a sheet that would inflate far beyond the bound.
    const parts: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      parts.push(chunk);
    });
    const entry = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
    zip.add(entry);
    const mb = new Uint8Array(1024 * 1024);
    for (let i = 0; i < 100; i++) entry.push(mb);
    entry.push(new Uint8Array(0), true);
    zip.end();
    const bomb = Buffer.concat(parts);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const heapBefore = process.memoryUsage().rss;
    const res = await upload(bomb, 'bomb.xlsx');
    expect(res.status).toBe(422);
    expect(res.text).toContain(`文件解压后超过${MAX_INFLATED_BYTES / 1024 / 1024}MB`);
    // the refusal came from the directory: nothing near 100 MB was allocated in this process
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(60 * 1024 * 1024);
  });

  it('cannot be fooled by an entry that declares a small size and inflates to much more', async () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x20);
    const zip = workbookZip(big);
    // Rewrite the uncompressed size of the sheet in the central directory to 1 KB.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let patched = 0;
    for (let i = 0; i < zip.length - 4; i++) {
      if (
        view.getUint32(i, true) === 0x02014b50 &&
        new TextDecoder().decode(zip.subarray(i + 46, i + 46 + 24)) === 'xl/worksheets/sheet1.xml'
      ) {
        view.setUint32(i + 24, 1024, true);
        patched++;
      }
    }
    expect(patched).toBe(1);
    await expect(readGrid(zip, 'liar.xlsx')).rejects.toThrow();
  });

  it(`refuses a sheet of more than ${MAX_ROWS} rows with a message, before parsing it`, async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('代表名册');
    sheet.addRow(HEADERS);
    for (let i = 0; i < MAX_ROWS + 10; i++) sheet.addRow([`代表${i}`, '男', '', '', '', '', '', '', `村${i}`, '', '镇', '']);
    const res = await upload(Buffer.from(await book.xlsx.writeBuffer()), 'huge.xlsx');
    expect(res.status).toBe(422);
    expect(res.text).toContain(`超过了一次最多导入${MAX_ROWS}行的上限`);
    const csv = [HEADERS, ...Array.from({ length: MAX_ROWS + 10 }, (_, i) => [`代表${i}`, '男'])].map(csvLine).join('\n');
    const csvRes = await upload(Buffer.from(csv, 'utf8'), 'huge.csv', 'text/csv');
    expect(csvRes.status).toBe(422);
    expect(csvRes.text).toContain('上限');
  });

  it('reads files in a worker thread: the event loop keeps serving, and a file that exhausts memory ends only its worker', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('代表名册');
    sheet.addRow(HEADERS);
    for (let i = 0; i < MAX_ROWS; i++)
      sheet.addRow([
        `代表${i}`,
        '男',
        '汉族',
        1970,
        '群众',
        '牧民',
        '某单位',
        '第一选区',
        `村${i}`,
        '13904751234',
        '镇',
        new Date(Date.UTC(2021, 0, 10)),
      ]);
    const file = Buffer.from(await book.xlsx.writeBuffer());

    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const grid = await parseInWorker(file, 'full.xlsx');
    clearInterval(timer);
    expect(grid).toHaveLength(MAX_ROWS + 1);
    expect(grid[1]!.cells[11]).toBe('2021-01-10');
    expect(ticks).toBeGreaterThan(3); // the main thread ran timers while the file was read

    const saved = WORKER_LIMITS.heapMb;
    WORKER_LIMITS.heapMb = 4;
    try {
      await expect(parseInWorker(file, 'full.xlsx')).rejects.toThrow('文件无法读取');
    } finally {
      WORKER_LIMITS.heapMb = saved;
    }
    expect((await staff.get('/deputies')).status).toBe(200); // this process is fine
  });
});
