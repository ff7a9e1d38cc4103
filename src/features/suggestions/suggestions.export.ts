import type ExcelJS from 'exceljs';
import { replyCategoryLabels, satisfactionLabels, suggestionCategoryLabels, suggestionStatusLabels } from '../../lib/labels.js';
import { excelDate, printA4Landscape, writeTable, yesNo, type XlsxColumn, newWorkbook } from '../../lib/xlsx.js';
import type { SuggestionsService } from './suggestions.service.js';

export type LedgerRow = Awaited<ReturnType<SuggestionsService['listAll']>>[number];

const units = (r: LedgerRow, role: 'LEAD' | 'ASSIST') =>
  r.assignments
    .filter((a) => a.role === role)
    .map((a) => a.unit.name)
    .join('、');

/** The ledger's columns: dates are dates, the year a number, flags 是/否. */
export const LEDGER_COLUMNS: ReadonlyArray<XlsxColumn<LedgerRow>> = [
  { header: '编号', width: 10, value: (r) => r.code },
  { header: '标题', width: 34, kind: 'wrap', value: (r) => r.title },
  { header: '年度', width: 6, kind: 'int', value: (r) => r.year },
  { header: '类别', width: 10, value: (r) => suggestionCategoryLabels[r.category] },
  { header: '重点建议', width: 6, kind: 'flag', value: (r) => yesNo(r.isKey) },
  { header: '领衔代表', width: 9, value: (r) => r.leadDeputy.name },
  { header: '附议代表', width: 16, kind: 'wrap', value: (r) => r.coSigners.map((c) => c.deputy.name).join('、') },
  { header: '主办单位', width: 14, kind: 'wrap', value: (r) => units(r, 'LEAD') },
  { header: '协办单位', width: 14, kind: 'wrap', value: (r) => units(r, 'ASSIST') },
  { header: '督办人', width: 8, value: (r) => r.supervisor?.displayName ?? '' },
  { header: '办理状态', width: 9, value: (r) => suggestionStatusLabels[r.status] },
  { header: '交办日期', width: 15, kind: 'date', value: (r) => excelDate(r.assignedAt) },
  { header: '答复期限', width: 15, kind: 'date', value: (r) => excelDate(r.deadline) },
  { header: '是否逾期', width: 6, kind: 'flag', value: (r) => yesNo(r.flag === 'overdue') },
  { header: '答复类别', width: 18, kind: 'wrap', value: (r) => (r.replies[0]?.category ? replyCategoryLabels[r.replies[0].category] : '') },
  { header: '答复日期', width: 15, kind: 'date', value: (r) => excelDate(r.replies[0]?.createdAt) },
  {
    header: '满意度（办理结果）',
    width: 10,
    kind: 'wrap',
    value: (r) => (r.satisfactions[0] ? satisfactionLabels[r.satisfactions[0].result] : ''),
  },
  { header: '结转', width: 6, kind: 'flag', value: (r) => yesNo(r.carriedOver) },
];

/**
 * The 代表建议台账 as an .xlsx workbook with Chinese headers, ready for Excel / WPS: A4 landscape
 * over two pages across, 编号/标题/年度 and the header row repeated on every page.
 */
export async function ledgerWorkbook(rows: LedgerRow[], township: string, year?: number): Promise<ExcelJS.Workbook> {
  const book = await newWorkbook();
  book.creator = `${township}人大主席团工作平台`;
  const sheet = book.addWorksheet('代表建议台账');
  const title = `${township}${year ? `${year}年` : ''}人大代表建议办理台账`;
  // The title stands at the left of the first page: merged and centred over all columns it would
  // fall between the two pages of the print.
  const cell = sheet.getCell(1, 1);
  cell.value = title;
  cell.font = { size: 16, bold: true };
  cell.alignment = { vertical: 'middle' };
  sheet.getRow(1).height = 28;
  writeTable(sheet, LEDGER_COLUMNS, rows, 2);
  printA4Landscape(sheet, { headerRow: 2, pagesWide: 2, repeatColumns: 'A:C', title });
  return book;
}
