/**
 * The roster's workbooks: the export (real dates and numbers, A4 landscape, header repeated),
 * the empty template with drop-downs and instructions, and the file of rows that could not be
 * imported, whose cell references point at its own rows. Export → import round-trips.
 */
import type ExcelJS from 'exceljs';
import type { DeputyLevel } from '../../generated/prisma/enums.js';
import { toDateInput } from '../../lib/format.js';
import { deputyLevelShort, genderLabels } from '../../lib/labels.js';
import { excelDate, printA4Landscape, writeTable, type XlsxColumn, newWorkbook } from '../../lib/xlsx.js';
import { POLITICAL_AFFILIATIONS } from './deputies.schemas.js';
import { base, columnLetter, ERROR_HEADER, ROSTER_COLUMNS, SOURCE_ROW_HEADER, type RowResult } from './deputies.import.js';

export type RosterDeputy = {
  name: string;
  gender: 'MALE' | 'FEMALE';
  ethnicity: string;
  birthYear: number | null;
  politicalAffiliation: string;
  occupation: string;
  workplace: string;
  district: string;
  village: string;
  phone: string;
  levels: Array<{ level: DeputyLevel }>;
  termStart: Date | null;
};

const LEVEL_ORDER: DeputyLevel[] = ['CITY', 'BANNER', 'TOWN'];

/** The value of each roster column for one deputy, as the sheet stores it. */
function values(d: RosterDeputy): Array<string | number | Date | null> {
  return [
    d.name,
    genderLabels[d.gender],
    d.ethnicity,
    d.birthYear,
    d.politicalAffiliation,
    d.occupation,
    d.workplace,
    d.district,
    d.village,
    d.phone,
    LEVEL_ORDER.filter((l) => d.levels.some((x) => x.level === l))
      .map((l) => deputyLevelShort[l])
      .join('、'),
    excelDate(d.termStart),
  ];
}

/** A deputy's row as text (what a person reads in the sheet); dates as 2021-01-10. */
export function rosterRow(d: RosterDeputy): string[] {
  return values(d).map((v) => (v === null ? '' : v instanceof Date ? toDateInput(d.termStart) : String(v)));
}

const columns: Array<XlsxColumn<RosterDeputy>> = ROSTER_COLUMNS.map((c, i) => ({
  header: c.header,
  width: c.width,
  kind: c.kind,
  value: (d) => values(d)[i] ?? null,
}));

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function rosterWorkbook(deputies: RosterDeputy[], title = '代表名册'): Promise<Buffer> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('代表名册', printA4Landscape({ headerRow: 1, title }));
  writeTable(sheet, columns, deputies);
  return toBuffer(workbook);
}

/** Header and text columns for sheets that people fill in: typed values stay as typed. */
function inputSheet(workbook: ExcelJS.Workbook, name: string, extra: Array<{ header: string; width: number }> = []) {
  const sheet = workbook.addWorksheet(name, printA4Landscape({ headerRow: 1, title: name }));
  writeTable(
    sheet,
    [
      ...ROSTER_COLUMNS.map((c) => ({ header: c.header, width: c.width, value: () => null })),
      ...extra.map((e) => ({ ...e, value: () => null })),
    ],
    [],
  );
  return sheet;
}

/** The empty template, with drop-downs for 性别 and 政治面貌 and a sheet of instructions. */
export async function templateWorkbook(): Promise<Buffer> {
  const workbook = await newWorkbook();
  const sheet = inputSheet(workbook, '代表名册');
  for (let r = 2; r <= 500; r++) {
    sheet.getCell(`B${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"男,女"'] };
    sheet.getCell(`E${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${POLITICAL_AFFILIATIONS.join(',')}"`] };
  }
  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列', width: 16 },
    { header: '填写要求', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  const notes: Array<[string, string]> = [
    ['姓名', '必填，不超过20个字。同一村（嘎查）不能重复登记同名的在任代表。'],
    ['性别', '必填，填写“男”或“女”。'],
    ['民族', '如“汉族”“蒙古族”；不填按汉族登记。'],
    ['出生年份', '四位数字，如 1975。'],
    ['政治面貌', `${POLITICAL_AFFILIATIONS.join('、')}之一；不填按群众登记。`],
    ['联系电话', '11位手机号码，或带区号的固定电话，如 0475-4231009（按填写的样子保存）。'],
    ['代表层级', '必填，“市”“旗”“镇”，同时是多级代表时用顿号或逗号分隔，如“旗、镇”。'],
    ['当选日期', '如 2021-01-10。'],
    ['文件', '每行一名代表，从第2行开始填写，请勿修改表头；一次最多5000行。也可另存为 CSV（UTF-8 或 GBK 编码均可）上传。'],
  ];
  for (const n of notes) help.addRow(n);
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return toBuffer(workbook);
}

/**
 * The rows that could not be imported, as they were typed, with the row they had in the
 * uploaded file and the errors, whose cell references (A2, K3 …) point at this file's own cells.
 */
export async function invalidRowsWorkbook(rows: RowResult[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  const sheet = inputSheet(workbook, '未导入的行', [
    { header: SOURCE_ROW_HEADER, width: 9 },
    { header: ERROR_HEADER, width: 48 },
  ]);
  rows.forEach((r, i) => {
    const own = i + 2;
    const errors = r.errors.map((e) => {
      const col = ROSTER_COLUMNS.findIndex((c) => base(c.header) === e.header);
      return `${e.header}（${columnLetter(col)}${own}）：${e.message}`;
    });
    const row = sheet.getRow(own);
    [...r.cells, String(r.row), errors.join('；')].forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v === '' ? null : v;
      cell.numFmt = '@';
      cell.alignment = { vertical: 'top', wrapText: c === r.cells.length + 1 };
    });
  });
  return toBuffer(workbook);
}
