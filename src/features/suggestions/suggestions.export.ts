import type { Writable } from 'node:stream';
import { replyCategoryLabels, satisfactionLabels, suggestionCategoryLabels, suggestionStatusLabels } from '../../lib/labels.js';
import { addStreamedSheet, excelDate, printA4Landscape, streamedWorkbook, streamTable, yesNo, type XlsxColumn } from '../../lib/xlsx.js';
import type { SuggestionsService } from './suggestions.service.js';

type Batches = Awaited<ReturnType<SuggestionsService['ledger']>>['batches'];
export type LedgerRow = Batches extends AsyncIterable<Array<infer R>> ? R : never;

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
 * A 代表建议台账 streamed to `out` as an .xlsx workbook with Chinese headers, ready for Excel / WPS:
 * the title above the header row, A4 landscape over two pages across, the first three columns
 * (编号/标题/年度, or 所属镇/编号/标题) and the header row repeated on every page.
 */
export async function writeLedger<T>(
  out: Writable,
  ledger: { creator: string; sheet: string; title: string; columns: ReadonlyArray<XlsxColumn<T>>; batches: AsyncIterable<T[]> },
): Promise<void> {
  const book = await streamedWorkbook(out, ledger.creator);
  const sheet = addStreamedSheet(
    book,
    ledger.sheet,
    printA4Landscape({ headerRow: 2, pagesWide: 2, repeatColumns: 'A:C', title: ledger.title }),
  );
  // The title stands at the left of the first page: merged and centred over all columns it would
  // fall between the two pages of the print.
  const cell = sheet.getCell(1, 1);
  cell.value = ledger.title;
  cell.font = { size: 16, bold: true };
  cell.alignment = { vertical: 'middle' };
  sheet.getRow(1).height = 28;
  await streamTable(sheet, ledger.columns, ledger.batches, out, 2);
  await book.commit();
}

/** The township's 代表建议台账 (of `year`, or of every year). */
export function townshipLedger(out: Writable, batches: AsyncIterable<LedgerRow[]>, township: string, year?: number): Promise<void> {
  return writeLedger(out, {
    creator: `${township}人大主席团工作平台`,
    sheet: '代表建议台账',
    title: `${township}${year ? `${year}年` : ''}人大代表建议办理台账`,
    columns: LEDGER_COLUMNS,
    batches,
  });
}
