import type { Writable } from 'node:stream';
import { formatDateTime } from '../../lib/format.js';
import { addStreamedSheet, printA4Landscape, streamedWorkbook, streamTable, type XlsxColumn } from '../../lib/xlsx.js';
import type { AuditView } from './audit.service.js';

const COLUMNS: ReadonlyArray<XlsxColumn<AuditView>> = [
  { header: '序号', width: 9, kind: 'int', value: (r) => r.id },
  { header: '时间', width: 20, value: (r) => formatDateTime(r.createdAt) },
  { header: '用户', width: 22, kind: 'wrap', value: (r) => r.actorName },
  { header: '操作', width: 28, kind: 'wrap', value: (r) => r.label },
  { header: '结果', width: 8, value: (r) => r.resultLabel },
  { header: '对象', width: 34, kind: 'wrap', value: (r) => r.record },
  { header: '详情', width: 34, kind: 'wrap', value: (r) => r.detail },
  { header: '来源地址', width: 18, value: (r) => r.ip },
];

/**
 * The title above the header: how many rows the file holds, and, when the filter selects more than
 * the export's limit, that these are the newest of how many.
 */
export function auditExportTitle(day: string, count: { matched: number; rows: number }): string {
  const rows = count.rows < count.matched ? `符合条件的共 ${count.matched} 条，本表为最新的 ${count.rows} 条` : `共 ${count.rows} 条`;
  return `审计日志（导出于${day}，${rows}）`;
}

/**
 * The audit log streamed to `out` as an .xlsx workbook, a batch of rows at a time: the title merged
 * over the columns, the header row repeated on every page of an A4 landscape print.
 */
export async function writeAuditLog(out: Writable, log: { creator: string; title: string; batches: AsyncIterable<AuditView[]> }) {
  const book = await streamedWorkbook(out, log.creator);
  const sheet = addStreamedSheet(book, '审计日志', printA4Landscape({ headerRow: 2, title: '审计日志' }));
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getCell(1, 1).value = log.title;
  sheet.getCell(1, 1).font = { size: 14, bold: true };
  await streamTable(sheet, COLUMNS, log.batches, out, 2);
  await book.commit();
}
