import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { createTestApp, loginAs, type TestApp } from '../helpers/test-app.js';
import { seedDemo, DEMO_PASSWORD } from '../../src/demo/index.js';
import { CN_DATE_FORMAT } from '../../src/lib/xlsx.js';
import { toDateInput } from '../../src/lib/format.js';

/** The 台账 and roster exports read back with exceljs: cell types, number formats, page setup. */
let t: TestApp;
let staff: request.Agent;

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function download(path: string): Promise<ExcelJS.Worksheet> {
  const res = await staff.get(path).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as ArrayBuffer);
  return book.worksheets[0]!;
}

/** The values of a header row, by header text → column number. */
function headerIndex(sheet: ExcelJS.Worksheet, row: number): Map<string, number> {
  const map = new Map<string, number>();
  sheet.getRow(row).eachCell((cell, col) => map.set(cell.text, col));
  return map;
}

/** A UTC-midnight Excel date as 2023-12-07. */
const excelDay = (d: Date) => d.toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services.db);
  staff = await loginAs(t.app, 'staff', DEMO_PASSWORD);
});
afterAll(() => t.close());

describe('代表建议台账 (.xlsx)', () => {
  it('writes real dates in a Chinese format, the year as a number, 是/否 for flags', async () => {
    const sheet = await download('/suggestions/export.xlsx?year=2023');
    expect(sheet.name).toBe('代表建议台账');
    const cols = headerIndex(sheet, 2);
    for (const h of ['编号', '年度', '标题', '重点建议', '交办日期', '答复期限', '是否逾期', '答复日期', '结转'])
      expect(cols.has(h), h).toBe(true);
    const dataRows = sheet.getRows(3, sheet.rowCount - 2)!.filter((r) => r.getCell(1).value);
    expect(dataRows.length).toBeGreaterThan(5);
    const db = await t.services.db.suggestion.findMany();
    for (const row of dataRows) {
      const code = row.getCell(cols.get('编号')!).value;
      expect(code).toMatch(/^\d{4}-\d{3}$/);
      const year = row.getCell(cols.get('年度')!);
      expect(typeof year.value).toBe('number');
      for (const h of ['重点建议', '是否逾期', '结转']) expect(['是', '否'], h).toContain(row.getCell(cols.get(h)!).value);
      const s = db.find((x) => x.title === row.getCell(cols.get('标题')!).value)!;
      expect(year.value).toBe(s.year);
      const assigned = row.getCell(cols.get('交办日期')!);
      if (s.assignedAt) {
        expect(assigned.value).toBeInstanceOf(Date);
        expect(assigned.numFmt).toBe(CN_DATE_FORMAT);
        // the China calendar day, not the UTC day before it
        expect(excelDay(assigned.value as Date)).toBe(toDateInput(s.assignedAt));
      } else expect(assigned.value).toBeNull();
      expect(row.getCell(cols.get('重点建议')!).value).toBe(s.isKey ? '是' : '否');
      // Each column's look: long texts wrap, flags centred, the year right-aligned, every cell framed.
      expect(row.getCell(cols.get('标题')!).alignment?.wrapText).toBe(true);
      expect(row.getCell(cols.get('编号')!).alignment?.wrapText).toBeFalsy();
      expect(row.getCell(cols.get('重点建议')!).alignment?.horizontal).toBe('center');
      expect(year.alignment?.horizontal).toBe('right');
      expect(row.getCell(cols.get('编号')!).border?.bottom?.style).toBe('thin');
    }
  });

  it('prints on A4 landscape, two pages across, the header row and 编号/标题/年度 repeated, page numbers', async () => {
    const sheet = await download('/suggestions/export.xlsx?year=2023');
    const p = sheet.pageSetup;
    expect(p.paperSize).toBe(9);
    expect(p.orientation).toBe('landscape');
    expect(p.fitToPage).toBe(true);
    expect(p.fitToWidth).toBe(2);
    expect(p.fitToHeight).toBe(0);
    expect(p.printTitlesRow).toBe('2:2');
    expect(p.printTitlesColumn).toBe('A:C');
    expect(p.horizontalCentered).toBe(true);
    expect(p.margins).toMatchObject({ left: 0.4, right: 0.4, top: 0.6, bottom: 0.6 });
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页，共 &N 页');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getCell('A1').value).toBe('东明镇2023年人大代表建议办理台账');
    expect(sheet.getCell('A1').font).toMatchObject({ size: 16, bold: true });
    expect(sheet.getRow(2).getCell(1).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFF0F2F5' } });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(30); // 标题 wraps in a wide column
    expect(sheet.getColumn(12).width).toBeGreaterThanOrEqual(14); // a date fits on one line
  });
});

describe('代表名册 (.xlsx)', () => {
  it('writes 出生年份 as a number, 当选日期 as a date, the phone as text', async () => {
    const sheet = await download('/deputies/export.xlsx');
    const cols = headerIndex(sheet, 1);
    const deputies = await t.services.db.deputy.findMany({ where: { status: 'ACTIVE' } });
    let dated = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const d = deputies.find((x) => x.name === row.getCell(1).value)!;
      expect(d).toBeDefined();
      const birth = row.getCell(cols.get('出生年份')!).value;
      expect(birth).toBe(d.birthYear ?? null);
      const term = row.getCell(cols.get('当选日期')!);
      if (d.termStart) {
        dated++;
        expect(term.value).toBeInstanceOf(Date);
        expect(term.numFmt).toBe(CN_DATE_FORMAT);
        expect(excelDay(term.value as Date)).toBe(toDateInput(d.termStart));
      }
      const phone = row.getCell(cols.get('联系电话')!);
      if (d.phone) {
        expect(typeof phone.value).toBe('string');
        expect(phone.numFmt).toBe('@');
      }
    });
    expect(dated).toBeGreaterThan(0);
  });

  it('prints on A4 landscape (not US Letter), one page across, the header repeated', async () => {
    const sheet = await download('/deputies/export.xlsx');
    const p = sheet.pageSetup;
    expect(p.paperSize).toBe(9);
    expect(p.orientation).toBe('landscape');
    expect(p.fitToWidth).toBe(1);
    expect(p.printTitlesRow).toBe('1:1');
    const width = sheet.columns.reduce((s, c) => s + (c.width ?? 0), 0);
    expect(width).toBeGreaterThan(120);
  });
});
