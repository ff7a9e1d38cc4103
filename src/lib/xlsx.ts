/**
 * Spreadsheets as a township office uses them in Excel or WPS: real dates shown the Chinese way,
 * numbers as numbers, 是/否 for flags, column widths, and a print setup for A4 landscape with the
 * header rows repeated on every page and page numbers in the footer.
 */
import type ExcelJS from 'exceljs';

/** A new workbook. ExcelJS (some 20 MB in memory) is loaded with the first download, not at start. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}

/** 2023年12月7日 as an Excel number format. */
export const CN_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

const dayParts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The China calendar day of an instant as an Excel date. Excel dates have no time zone: exceljs
 * writes a Date's UTC day, so the day is moved to UTC midnight (2023-12-07 00:00 China time is
 * 2023-12-06 16:00 UTC and would otherwise show as 12月6日).
 */
export function excelDate(d: Date | null | undefined): Date | null {
  if (!d) return null;
  const [y, m, day] = dayParts.format(d).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, day));
}

export const yesNo = (flag: boolean): string => (flag ? '是' : '否');

export type CellKind = 'text' | 'wrap' | 'date' | 'int' | 'flag';

export type XlsxColumn<T> = {
  header: string;
  /** In Excel's character units; a Chinese character is about two. */
  width: number;
  kind?: CellKind;
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

/**
 * Writes a header row at `headerRow` and one row per record below it, typed by column kind:
 * dates with the Chinese date format, integers as numbers, text kept as text (numFmt '@', so that
 * Excel never turns a phone number or a code into a number).
 */
export function writeTable<T>(sheet: ExcelJS.Worksheet, columns: ReadonlyArray<XlsxColumn<T>>, rows: readonly T[], headerRow = 1): void {
  const head = sheet.getRow(headerRow);
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = c.width;
    const kind = c.kind ?? 'text';
    if (kind === 'date') col.numFmt = CN_DATE_FORMAT;
    else if (kind === 'int') col.numFmt = '0';
    else col.numFmt = '@';
    head.getCell(i + 1).value = c.header;
  });
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.height = 30;
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F2F5' } };
    cell.border = BORDER;
  });
  rows.forEach((r, n) => {
    const row = sheet.getRow(headerRow + 1 + n);
    const wrapped: Array<{ text: string; width: number }> = [];
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = c.value(r);
      cell.value = v === '' ? null : v;
      const kind = c.kind ?? 'text';
      cell.numFmt = kind === 'date' ? CN_DATE_FORMAT : kind === 'int' ? '0' : '@';
      cell.alignment = {
        vertical: 'top',
        wrapText: kind === 'wrap',
        horizontal: kind === 'int' ? 'right' : kind === 'flag' || kind === 'date' ? 'center' : undefined,
      };
      cell.border = BORDER;
      if (kind === 'wrap' && typeof v === 'string') wrapped.push({ text: v, width: c.width });
    });
    const height = wrappedHeight(wrapped);
    if (height) row.height = height;
  });
}

/**
 * A4 landscape, the rows up to `headerRow` repeated on every page, page numbers in the footer.
 * `pagesWide` fits the columns to that many pages across (wide ledgers print over two pages with
 * `repeatColumns` — e.g. 'A:C' — on each, rather than shrinking every column to unreadable).
 */
export function printA4Landscape(
  sheet: ExcelJS.Worksheet,
  options: { headerRow: number; pagesWide?: number; repeatColumns?: string; title?: string },
): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
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
  };
  sheet.headerFooter = {
    ...sheet.headerFooter,
    oddFooter: `&C第 &P 页，共 &N 页${options.title ? `&R${options.title.replace(/&/g, '&&')}` : ''}`,
  };
  sheet.views = [{ state: 'frozen', ySplit: options.headerRow }];
}
