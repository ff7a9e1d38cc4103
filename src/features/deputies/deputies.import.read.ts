/**
 * Reading an uploaded roster file into a grid of cell texts, within bounds. Runs inside a worker
 * thread (deputies.import.worker.ts), so that a large or hostile file never blocks other users.
 *
 * - .xlsx: the zip's central directory is inspected before anything is inflated (entry count,
 *   declared sizes); entries are inflated into buffers of their declared size only, so an entry
 *   that lies about its size cannot grow; the rows of every sheet are counted in the XML before
 *   the workbook is parsed; exceljs then reads an archive rebuilt from the checked entries.
 * - .csv: UTF-8 (with or without BOM) or GBK / GB18030 as Excel saves it in Chinese Windows,
 *   detected from the bytes.
 * - .xls (the old binary format) and anything else: a clear message what to do instead.
 */
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../lib/xlsx.js';
import { unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { parse as parseCsv } from 'csv-parse/sync';

/** At most this many data rows in one import. */
export const MAX_ROWS = 5000;
/** Rows above the data that a sheet may have (title, header). */
const HEADER_ALLOWANCE = 5;
/** At most this many bytes once inflated, over all entries of the .xlsx. */
export const MAX_INFLATED_BYTES = 40 * 1024 * 1024;
const MAX_ENTRIES = 500;

/** A refusal with a message for the user (shown beside the file field). */
export class ImportFileError extends Error {}

const tooManyRows = (n: number) =>
  new ImportFileError(`表格共有约${n}行，超过了一次最多导入${MAX_ROWS}行的上限。请拆分成几个文件分批上传（空白行请删除）。`);

export type FileKind = 'xlsx' | 'csv' | 'xls' | 'unknown';

/** What the bytes are, whatever the file is called. */
export function sniff(buffer: Uint8Array, filename = ''): FileKind {
  if (buffer[0] === 0x50 && buffer[1] === 0x4b) return 'xlsx';
  if (buffer[0] === 0xd0 && buffer[1] === 0xcf && buffer[2] === 0x11 && buffer[3] === 0xe0) return 'xls';
  if (/\.xls$/i.test(filename)) return 'xls';
  if (/\.(csv|txt)$/i.test(filename) || !buffer.subarray(0, 4096).includes(0)) return 'csv';
  return 'unknown';
}

export const XLS_MESSAGE =
  '这是旧版 Excel 文件（.xls），平台无法直接读取。请在 Excel 或 WPS 中打开它，选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”或“CSV UTF-8（逗号分隔）（*.csv）”，再上传另存的文件。';
const UNKNOWN_MESSAGE = '上传的文件不是 Excel 表格（.xlsx）或 CSV 文件，请下载模板填写后再上传。';

/** The inflated entries of an .xlsx, checked against the bounds before inflating. */
function inflateBounded(buffer: Uint8Array): Record<string, Uint8Array> {
  let declared = 0;
  let entries = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(buffer, {
      filter: (file) => {
        entries += 1;
        declared += file.originalSize;
        if (entries > MAX_ENTRIES || declared > MAX_INFLATED_BYTES) {
          throw new ImportFileError(
            `文件解压后超过${MAX_INFLATED_BYTES / 1024 / 1024}MB（声明${Math.round(declared / 1024 / 1024)}MB以上），不像一份代表名册。请只保留名册工作表，删去图片和多余内容后再上传。`,
          );
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError('文件已损坏，无法打开。请在 Excel 中重新保存为 .xlsx 后再上传。');
  }
  return files;
}

/** `<row …>` elements of every worksheet: counted in the XML, before anything is parsed. */
function countSheetRows(files: Record<string, Uint8Array>): number {
  const decoder = new TextDecoder();
  let rows = 0;
  for (const [name, data] of Object.entries(files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    rows += decoder.decode(data).match(/<row[\s>]/g)?.length ?? 0;
  }
  return rows;
}

/** A cell as the text a person sees: dates as 2021-01-10, numbers without exponent, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const y = value.getUTCFullYear();
    return `${y}-${String(value.getUTCMonth() + 1).padStart(2, '0')}-${String(value.getUTCDate()).padStart(2, '0')}`;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result);
    return '';
  }
  return String(value).trim();
}

/** Grid of the first worksheet: one array of cell texts per row (1-based row numbers kept). */
export type Grid = Array<{ row: number; cells: string[] }>;

async function readXlsx(buffer: Uint8Array): Promise<Grid> {
  const files = inflateBounded(buffer);
  const rows = countSheetRows(files);
  if (rows > MAX_ROWS + HEADER_ALLOWANCE) throw tooManyRows(rows);
  const workbook = await newWorkbook();
  try {
    const clean = zipSync(files, { level: 0 });
    await workbook.xlsx.load(clean.buffer.slice(clean.byteOffset, clean.byteOffset + clean.byteLength));
  } catch {
    throw new ImportFileError('文件无法按 Excel 表格读取。请在 Excel 中重新保存为 .xlsx 后再上传。');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError(UNKNOWN_MESSAGE);
  const grid: Grid = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    grid.push({ row: number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return grid;
}

/** UTF-8 when the bytes are valid UTF-8 (or carry its BOM), otherwise GB18030 (a superset of GBK). */
export function decodeText(buffer: Uint8Array): { text: string; encoding: 'UTF-8' | 'GBK' } {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return { text: new TextDecoder().decode(buffer.subarray(3)), encoding: 'UTF-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(buffer), 'gb18030'), encoding: 'GBK' };
  }
}

function readCsv(buffer: Uint8Array): Grid {
  const { text } = decodeText(buffer);
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim()).length;
  if (lines > MAX_ROWS + HEADER_ALLOWANCE) throw tooManyRows(lines);
  try {
    const records = parseCsv(text, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
    return records.map((r) => ({ row: r.info.lines, cells: r.record }));
  } catch {
    throw new ImportFileError('CSV 文件格式有误，无法读取。请在 Excel 中打开后另存为 .xlsx 再上传。');
  }
}

/** The grid of a roster file, or an ImportFileError that says what to do. */
export async function readGrid(buffer: Uint8Array, filename = ''): Promise<Grid> {
  const kind = sniff(buffer, filename);
  if (kind === 'xls') throw new ImportFileError(XLS_MESSAGE);
  if (kind === 'xlsx') return readXlsx(buffer);
  if (kind === 'csv') return readCsv(buffer);
  throw new ImportFileError(UNKNOWN_MESSAGE);
}
