import ExcelJS from 'exceljs';
import { formatDate } from '../../lib/format.js';
import { replyCategoryLabels, satisfactionLabels, suggestionCategoryLabels, suggestionStatusLabels } from '../../lib/labels.js';
import type { SuggestionsService } from './suggestions.service.js';

type LedgerRow = Awaited<ReturnType<SuggestionsService['listAll']>>[number];

/** The 代表建议台账 as an .xlsx workbook with Chinese headers, ready for Excel / WPS. */
export function ledgerWorkbook(rows: LedgerRow[], year?: number): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = '东明镇人大主席团工作平台';
  const sheet = book.addWorksheet('代表建议台账', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  const columns: Array<{ header: string; width: number; value: (r: LedgerRow) => string }> = [
    { header: '编号', width: 11, value: (r) => r.code },
    { header: '标题', width: 40, value: (r) => r.title },
    { header: '类别', width: 11, value: (r) => suggestionCategoryLabels[r.category] },
    { header: '重点建议', width: 9, value: (r) => (r.isKey ? '是' : '') },
    { header: '领衔代表', width: 10, value: (r) => r.leadDeputy.name },
    { header: '附议代表', width: 20, value: (r) => r.coSigners.map((c) => c.deputy.name).join('、') },
    {
      header: '主办单位',
      width: 16,
      value: (r) =>
        r.assignments
          .filter((a) => a.role === 'LEAD')
          .map((a) => a.unit.name)
          .join('、'),
    },
    {
      header: '协办单位',
      width: 16,
      value: (r) =>
        r.assignments
          .filter((a) => a.role === 'ASSIST')
          .map((a) => a.unit.name)
          .join('、'),
    },
    { header: '督办人', width: 10, value: (r) => r.supervisor?.displayName ?? '' },
    { header: '办理状态', width: 10, value: (r) => suggestionStatusLabels[r.status] },
    { header: '交办日期', width: 15, value: (r) => formatDate(r.assignedAt) },
    { header: '答复期限', width: 15, value: (r) => formatDate(r.deadline) },
    { header: '是否逾期', width: 9, value: (r) => (r.flag === 'overdue' ? '逾期' : '') },
    { header: '答复类别', width: 24, value: (r) => (r.replies[0]?.category ? replyCategoryLabels[r.replies[0].category] : '') },
    { header: '答复日期', width: 15, value: (r) => formatDate(r.replies[0]?.createdAt) },
    { header: '满意度（办理结果）', width: 14, value: (r) => (r.satisfactions[0] ? satisfactionLabels[r.satisfactions[0].result] : '') },
    { header: '结转', width: 7, value: (r) => (r.carriedOver ? '是' : '') },
  ];
  sheet.mergeCells(1, 1, 1, columns.length);
  const title = sheet.getCell(1, 1);
  title.value = `东明镇${year ? `${year}年` : ''}人大代表建议办理台账`;
  title.font = { size: 16, bold: true };
  title.alignment = { horizontal: 'center' };
  sheet.getRow(1).height = 28;
  const header = sheet.getRow(2);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    sheet.getColumn(i + 1).width = c.width;
  });
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (const r of rows) {
    const row = sheet.addRow(columns.map((c) => c.value(r)));
    row.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
  });
  return book;
}
