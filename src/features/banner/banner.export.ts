import type ExcelJS from 'exceljs';
import { printA4Landscape, writeTable, type XlsxColumn, newWorkbook } from '../../lib/xlsx.js';
import { LEDGER_COLUMNS, type LedgerRow } from '../suggestions/suggestions.export.js';

type BannerLedgerRow = LedgerRow & { township: { name: string } };

/** The township ledger's columns, after the township's name. */
const COLUMNS: ReadonlyArray<XlsxColumn<BannerLedgerRow>> = [
  { header: '所属镇', width: 10, value: (r) => r.township.name },
  ...(LEDGER_COLUMNS as ReadonlyArray<XlsxColumn<BannerLedgerRow>>),
];

/** 全旗代表建议台账: A4 landscape, 所属镇/编号/标题 and the header repeated on every page. */
export async function bannerLedgerWorkbook(rows: BannerLedgerRow[], banner: string, year?: number): Promise<ExcelJS.Workbook> {
  const book = await newWorkbook();
  book.creator = `${banner}人大代表建议台账`;
  const sheet = book.addWorksheet('全旗代表建议台账');
  const title = `${banner}${year ? `${year}年` : ''}各镇人大代表建议办理台账`;
  const cell = sheet.getCell(1, 1);
  cell.value = title;
  cell.font = { size: 16, bold: true };
  cell.alignment = { vertical: 'middle' };
  sheet.getRow(1).height = 28;
  writeTable(sheet, COLUMNS, rows, 2);
  printA4Landscape(sheet, { headerRow: 2, pagesWide: 2, repeatColumns: 'A:C', title });
  return book;
}
