/**
 * Spreadsheets as a township office uses them in Excel or WPS: real dates shown the Chinese way,
 * numbers as numbers, 是/否 for flags, column widths, and a print setup for A4 landscape with the
 * header rows repeated on every page and page numbers in the footer. Small files are built in memory
 * (`newWorkbook`, `writeTable`); the ledgers, which grow with the year, are streamed
 * (`streamedWorkbook`, `streamTable`); both write their rows with the same `writeHeader`/`writeRow`.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';

/** A new workbook. ExcelJS (some 20 MB in memory) is loaded with the first download, not at start. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}

/** 2023年12月7日 as an Excel number format. */
export const CN_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

const DAY_MS = 86_400_000;
/** China time is UTC+8 all year (no daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The China calendar day of an instant as an Excel date. Excel dates have no time zone: exceljs
 * writes a Date's UTC day, so the day is moved to UTC midnight (2023-12-07 00:00 China time is
 * 2023-12-06 16:00 UTC and would otherwise show as 12月6日).
 */
export function excelDate(d: Date | null | undefined): Date | null {
  if (!d) return null;
  return new Date(Math.floor((d.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS);
}

export const yesNo = (flag: boolean): string => (flag ? '是' : '否');

export type CellKind = 'text' | 'wrap' | 'date' | 'int' | 'flag';

export type XlsxColumn<T> = {
  header: string;
  /** In Excel's character units; a Chinese character is about two. */
  width: number;
  kind?: CellKind;
  /** A font of the column's own (e.g. a typewriter face for passwords). */
  font?: Partial<ExcelJS.Font>;
  value: (row: T) => string | number | Date | null;
};

/** The width of a text in Excel's character units: a Chinese character counts two. */
const textUnits = (text: string) => [...text].reduce((n, c) => n + (c.charCodeAt(0) > 0xff ? 2 : 1), 0);

/**
 * The height a row needs for its wrapped cells (points, 11 pt text at 15 pt a line): stored with
 * the row, since neither Excel nor LibreOffice re-measures rows that a program wrote.
 */
function wrappedHeight(texts: Array<{ text: string; width: number }>): number | undefined {
  const lines = Math.max(1, ...texts.map(({ text, width }) => Math.ceil(textUnits(text) / Math.max(1, width - 1))));
  return lines > 1 ? lines * 15 + 2 : undefined;
}

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

type Sheet = Pick<ExcelJS.Worksheet, 'getRow' | 'getColumn'>;

const numFmtOf = (kind: CellKind) => (kind === 'date' ? CN_DATE_FORMAT : kind === 'int' ? '0' : '@');

/**
 * The header row at `headerRow` and the columns' widths and formats: dates with the Chinese date
 * format, integers as numbers, text kept as text (numFmt '@', so that Excel never turns a phone
 * number or a code into a number). On a streamed sheet, before any row is committed.
 */
export function writeHeader<T>(sheet: Sheet, columns: ReadonlyArray<XlsxColumn<T>>, headerRow = 1): void {
  const head = sheet.getRow(headerRow);
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = c.width;
    col.numFmt = numFmtOf(c.kind ?? 'text');
    head.getCell(i + 1).value = c.header;
  });
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.height = 30;
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F2F5' } };
    cell.border = BORDER;
  });
}

const alignmentOf = (kind: CellKind): Partial<ExcelJS.Alignment> => ({
  vertical: 'top',
  wrapText: kind === 'wrap',
  horizontal: kind === 'int' ? 'right' : kind === 'flag' || kind === 'date' ? 'center' : undefined,
});

const cellStyles = new WeakMap<ReadonlyArray<XlsxColumn<never>>, Array<Partial<ExcelJS.Style>>>();

/**
 * The style of each column's cells, made once per list of columns and shared by every row's cells:
 * ExcelJS looks a style object it has seen up by identity, and works out the XML of every other one
 * again (a style per cell was a quarter of a 20,000-row ledger's time). So a cell's look is set
 * through its column, never on the cell after `writeRow`: that would change the whole column.
 */
function stylesOf<T>(columns: ReadonlyArray<XlsxColumn<T>>): Array<Partial<ExcelJS.Style>> {
  let styles = cellStyles.get(columns);
  if (!styles) {
    styles = columns.map((c) => {
      const kind = c.kind ?? 'text';
      return { numFmt: numFmtOf(kind), alignment: alignmentOf(kind), border: BORDER, ...(c.font ? { font: c.font } : {}) };
    });
    cellStyles.set(columns, styles);
  }
  return styles;
}

/** One record's row at `rowNumber`, typed and styled by column (see `writeHeader`, `stylesOf`). */
export function writeRow<T>(sheet: Sheet, columns: ReadonlyArray<XlsxColumn<T>>, record: T, rowNumber: number): ExcelJS.Row {
  const row = sheet.getRow(rowNumber);
  const styles = stylesOf(columns);
  const wrapped: Array<{ text: string; width: number }> = [];
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    const v = c.value(record);
    cell.value = v === '' ? null : v;
    cell.style = styles[i]!;
    if (c.kind === 'wrap' && typeof v === 'string') wrapped.push({ text: v, width: c.width });
  });
  const height = wrappedHeight(wrapped);
  if (height) row.height = height;
  return row;
}

/** A header row at `headerRow` and one row per record below it (a workbook held in memory). */
export function writeTable<T>(sheet: Sheet, columns: ReadonlyArray<XlsxColumn<T>>, rows: readonly T[], headerRow = 1): void {
  writeHeader(sheet, columns, headerRow);
  rows.forEach((r, n) => writeRow(sheet, columns, r, headerRow + 1 + n));
}

/**
 * A workbook written to `out` as it is built (ExcelJS's streaming writer): each committed row is
 * zipped and sent, so that a ledger of any length takes the memory of about one batch of rows. Views and
 * print setup are given to `addWorksheet` (a streamed sheet writes them as it opens), the columns
 * before the first row is committed.
 */
export async function streamedWorkbook(out: Writable, creator: string): Promise<ExcelJS.stream.xlsx.WorkbookWriter> {
  const { default: excel } = await import('exceljs');
  // archiver buffers up to 1 MB of zipped output by default before the sheet has to wait: 16 kB, as a Node stream
  const zip = { highWaterMark: 16 * 1024 } as ExcelJS.stream.xlsx.WorkbookStreamWriterOptions['zip'];
  const book = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip });
  book.creator = creator;
  return book;
}

/**
 * A sheet of a streamed workbook with `options` (e.g. `printA4Landscape`'s). ExcelJS's streaming
 * writer (4.4) leaves out the print options that the in-memory writer keeps: a sheet centred on
 * the page (horizontalCentered) gets its <printOptions> written where the worksheet's XML has it,
 * just before the page margins.
 */
export function addStreamedSheet(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  options: Partial<ExcelJS.AddWorksheetOptions>,
): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, options);
  if (options.pageSetup?.horizontalCentered) {
    const writer = sheet as unknown as { _writePageMargins: () => void; stream: Writable };
    if (typeof writer._writePageMargins !== 'function') throw new Error('exceljs: the streaming sheet writer has changed');
    const writeMargins = writer._writePageMargins.bind(writer);
    writer._writePageMargins = () => {
      writer.stream.write('<printOptions horizontalCentered="1"/>');
      writeMargins();
    };
  }
  return sheet;
}

/**
 * Writes and commits the header and then each batch of records from `firstRow` on, and commits the
 * sheet. After each batch it waits until the zip has taken the rows in: ExcelJS writes a sheet into
 * the zip's input (a PassThrough) without heeding its back-pressure, and the zip reads it only as
 * fast as `out` takes the compressed bytes — so a slow download holds about one batch in memory.
 * (For the workbook's only sheet: the zip reads its entries one after another.)
 */
export async function streamTable<T>(
  sheet: ExcelJS.Worksheet,
  columns: ReadonlyArray<XlsxColumn<T>>,
  batches: AsyncIterable<T[]>,
  out: Writable,
  headerRow = 1,
): Promise<void> {
  writeHeader(sheet, columns, headerRow);
  sheet.getRow(headerRow).commit();
  // The zip pipes the sheet into its input when it starts the entry, a tick or more after the sheet opened.
  const zipInput = () => (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
  let n = headerRow + 1;
  for await (const batch of batches) {
    for (const record of batch) writeRow(sheet, columns, record, n++).commit();
    await drained(zipInput() ?? out, out);
  }
  sheet.commit();
}

/**
 * Whether `stream` has more than it wants and will say 'drain'. The zip's input is a PassThrough of
 * readable-stream 2 (archiver-utils), which has no `writableNeedDrain`: its state says it.
 */
function needsDrain(stream: Writable): boolean {
  const state = (stream as { _writableState?: { needDrain?: boolean } })._writableState;
  return stream.writableNeedDrain ?? state?.needDrain ?? false;
}

/** Resolves when `stream` takes more data; fails if `out` was closed (the browser went away). */
function drained(stream: Writable, out: Writable): Promise<void> {
  const closed = () => new Error('The download was closed before its end');
  if (out.destroyed) return Promise.reject(closed());
  if (!needsDrain(stream)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      stream.off('drain', onDrain);
      out.off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(closed());
    stream.on('drain', onDrain);
    out.on('close', onClose);
  });
}

/**
 * The sheet options (for `addWorksheet`) of A4 landscape, the rows up to `headerRow` repeated on
 * every page, page numbers in the footer, the header frozen. `pagesWide` fits the columns to that
 * many pages across (wide ledgers print over two pages with `repeatColumns` — e.g. 'A:C' — on each,
 * rather than shrinking every column to unreadable).
 */
export function printA4Landscape(options: {
  headerRow: number;
  pagesWide?: number;
  repeatColumns?: string;
  title?: string;
}): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: options.pagesWide ?? 1,
      fitToHeight: 0,
      pageOrder: 'overThenDown',
      horizontalCentered: true,
      printTitlesRow: `${options.headerRow}:${options.headerRow}`,
      ...(options.repeatColumns ? { printTitlesColumn: options.repeatColumns } : {}),
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddFooter: `&C第 &P 页，共 &N 页${options.title ? `&R${options.title.replace(/&/g, '&&')}` : ''}`,
    },
    views: [{ state: 'frozen', ySplit: options.headerRow }],
  };
}
