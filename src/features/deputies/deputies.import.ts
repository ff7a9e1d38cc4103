/**
 * The roster as an .xlsx file in a township office's layout: one row per deputy, Chinese headers.
 * Import validates every row with the deputy form's own zod schema, reports errors per row and
 * cell, and writes nothing until staff choose to (all rows when all are valid, or only the valid
 * ones); large files are checked in the background with a progress page. Export writes the same
 * columns, so that export → import round-trips.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { CurrentUser } from '../../auth/current-user.js';
import type { DeputyLevel } from '../../generated/prisma/enums.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { toDateInput } from '../../lib/format.js';
import { deputyLevelShort, genderLabels } from '../../lib/labels.js';
import { parseForm } from '../../lib/forms.js';
import { deputyFormSchema, POLITICAL_AFFILIATIONS, type DeputyForm } from './deputies.schemas.js';
import type { DeputiesService } from './deputies.service.js';

type Field = keyof DeputyForm;

/** The columns, in order. `aliases` are other headers a township office might have typed. */
export const ROSTER_COLUMNS: ReadonlyArray<{ field: Field; header: string; width: number; aliases?: string[]; required?: boolean }> = [
  { field: 'name', header: '姓名', width: 10, required: true },
  { field: 'gender', header: '性别', width: 6, required: true },
  { field: 'ethnicity', header: '民族', width: 8 },
  { field: 'birthYear', header: '出生年份', width: 9, aliases: ['出生年'] },
  { field: 'politicalAffiliation', header: '政治面貌', width: 12 },
  { field: 'occupation', header: '职业', width: 10 },
  { field: 'workplace', header: '工作单位', width: 24 },
  { field: 'district', header: '选区', width: 10 },
  { field: 'village', header: '所在村（嘎查）', width: 14, aliases: ['所在村', '村（嘎查）', '嘎查村', '所在嘎查村'] },
  { field: 'phone', header: '联系电话', width: 14, aliases: ['电话', '手机号码', '手机'] },
  { field: 'levels', header: '代表层级（市/旗/镇，可多选，用顿号或逗号分隔）', width: 22, aliases: ['代表层级', '层级'], required: true },
  { field: 'termStart', header: '当选日期', width: 12 },
];
export const ERROR_HEADER = '错误原因';
/** Files up to this many rows are checked within the upload request; larger ones in the background. */
export const SYNC_ROWS = 200;
const CHUNK = 25;

const norm = (s: string) => s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
const base = (s: string) => norm(s).split('（')[0]!;

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
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
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

const LEVEL_BY_CHAR: Record<string, DeputyLevel> = { 市: 'CITY', 旗: 'BANNER', 县: 'BANNER', 镇: 'TOWN', 乡: 'TOWN' };

/** The form input of one sheet row: Chinese values mapped to the form's values. */
function formInput(cells: Partial<Record<Field, string>>): { input: Record<string, unknown>; levelError?: string } {
  const input: Record<string, unknown> = { ...cells };
  const gender = cells.gender ?? '';
  input.gender = gender === '男' ? 'MALE' : gender === '女' ? 'FEMALE' : gender;
  const tokens = (cells.levels ?? '').split(/[、,，;；/\s]+/).filter(Boolean);
  const levels = tokens.map((t) => LEVEL_BY_CHAR[t.slice(0, 1)]);
  input.levels = [...new Set(levels.filter(Boolean))];
  input.ethnicity = cells.ethnicity || '汉族';
  input.politicalAffiliation = cells.politicalAffiliation || '群众';
  return {
    input,
    levelError: levels.some((l) => !l) ? `代表层级只能填写“市”“旗”“镇”，多个用顿号分隔（现为“${cells.levels}”）` : undefined,
  };
}

export type CellError = { column: string; header: string; message: string };
export type RowResult = { row: number; cells: string[]; form?: DeputyForm; errors: CellError[] };

export type ParsedSheet = { headers: string[]; rows: Array<{ row: number; cells: string[] }> };

/** Reads the first worksheet; throws a ValidationError on `file` when it is not a usable roster. */
export async function readRoster(buffer: Buffer): Promise<ParsedSheet> {
  const notSpreadsheet = new ValidationError({
    file: '上传的文件不是 Excel 表格（.xlsx），请下载模板填写后再上传。如是旧版 .xls 文件，请在 Excel 中“另存为 .xlsx”。',
  });
  if (buffer.length < 4 || buffer[0] !== 0x50 || buffer[1] !== 0x4b) throw notSpreadsheet; // .xlsx is a zip: "PK"
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw notSpreadsheet;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw notSpreadsheet;
  // The header row: the first of the top rows that has a 姓名 cell (a title row may come first).
  let headerRow = 0;
  const headerMap = new Map<Field, number>();
  for (let r = 1; r <= Math.min(sheet.rowCount, 5) && !headerRow; r++) {
    const values = sheet.getRow(r);
    values.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cellText(cell.value);
      const column = ROSTER_COLUMNS.find(
        (c) => norm(c.header) === norm(text) || base(c.header) === base(text) || (c.aliases ?? []).some((a) => norm(a) === norm(text)),
      );
      if (column && !headerMap.has(column.field)) headerMap.set(column.field, col);
    });
    if (headerMap.has('name')) headerRow = r;
    else headerMap.clear();
  }
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !headerMap.has(c.field)).map((c) => base(c.header));
  if (!headerRow || missing.length) {
    throw new ValidationError({
      file: `表格缺少必需的列：${(missing.length ? missing : ['姓名']).join('、')}。请使用下载的模板，表头保持不变。`,
    });
  }
  const rows: ParsedSheet['rows'] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = ROSTER_COLUMNS.map((c) => (headerMap.has(c.field) ? cellText(row.getCell(headerMap.get(c.field)!).value) : ''));
    if (cells.every((c) => c === '')) continue;
    rows.push({ row: r, cells });
  }
  if (!rows.length) throw new ValidationError({ file: '表格中没有代表数据：请从表头下一行起，每行填写一名代表。' });
  const headers = ROSTER_COLUMNS.map((c) => c.header);
  return { headers, rows: rows.map((x) => ({ ...x, cells: x.cells })) };
}

/** Checks one row with the deputy form's schema (and the duplicate rule); errors per cell. */
export function checkRow(row: { row: number; cells: string[] }, seen: Set<string>): RowResult {
  const cells = Object.fromEntries(ROSTER_COLUMNS.map((c, i) => [c.field, row.cells[i] ?? ''])) as Record<Field, string>;
  const { input, levelError } = formInput(cells);
  const parsed = parseForm(deputyFormSchema, input);
  const errors: CellError[] = [];
  const at = (field: Field, message: string) => {
    const i = ROSTER_COLUMNS.findIndex((c) => c.field === field);
    errors.push({ column: `${columnLetter(i)}${row.row}`, header: base(ROSTER_COLUMNS[i]!.header), message });
  };
  if (!parsed.ok) {
    for (const [field, message] of Object.entries(parsed.errors)) {
      if (field === 'levels' && levelError) continue;
      const m =
        field === 'politicalAffiliation'
          ? `政治面貌应为：${POLITICAL_AFFILIATIONS.join('、')}`
          : field === 'gender'
            ? '性别应填写“男”或“女”'
            : message;
      at(field as Field, m);
    }
  }
  if (levelError) at('levels', levelError);
  if (parsed.ok) {
    const key = `${parsed.data.name}|${parsed.data.village}`;
    if (seen.has(key))
      at('name', `${parsed.data.village || '本镇'}已有在任代表“${parsed.data.name}”（名册中或本表前面的行），请勿重复登记`);
    else seen.add(key);
  }
  return { row: row.row, cells: row.cells, form: errors.length ? undefined : parsed.ok ? parsed.data : undefined, errors };
}

// ───────────────────────────── workbooks ─────────────────────────────

function headerStyle(sheet: ExcelJS.Worksheet, extra: string[] = []) {
  sheet.columns = [...ROSTER_COLUMNS.map((c) => ({ header: c.header, width: c.width })), ...extra.map((h) => ({ header: h, width: 40 }))];
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.height = 32;
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F2F5' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Phones, years and dates are text, so that Excel keeps leading zeros and never reformats them.
  for (const i of [4, 10, 12]) sheet.getColumn(i).numFmt = '@';
}

/** Formatted rows of deputies as the sheet shows them. */
export function rosterRow(d: {
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
}): string[] {
  const order: DeputyLevel[] = ['CITY', 'BANNER', 'TOWN'];
  return [
    d.name,
    genderLabels[d.gender],
    d.ethnicity,
    d.birthYear ? String(d.birthYear) : '',
    d.politicalAffiliation,
    d.occupation,
    d.workplace,
    d.district,
    d.village,
    d.phone,
    order
      .filter((l) => d.levels.some((x) => x.level === l))
      .map((l) => deputyLevelShort[l])
      .join('、'),
    toDateInput(d.termStart),
  ];
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function rosterWorkbook(rows: string[][], sheetName = '代表名册'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  headerStyle(sheet);
  for (const r of rows) sheet.addRow(r);
  return toBuffer(workbook);
}

/** The empty template, with drop-downs for 性别 and 政治面貌 and a sheet of instructions. */
export async function templateWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('代表名册');
  headerStyle(sheet);
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
    ['联系电话', '11位手机号码，或带区号的固定电话，如 0475-4231009。'],
    ['代表层级', '必填，“市”“旗”“镇”，同时是多级代表时用顿号或逗号分隔，如“旗、镇”。'],
    ['当选日期', '如 2021-01-10。'],
    ['其他', '每行一名代表，从第2行开始填写；请勿修改表头。'],
  ];
  for (const n of notes) help.addRow(n);
  return toBuffer(workbook);
}

/** The rows that could not be imported, as they were, with a 错误原因 column. */
export async function invalidRowsWorkbook(rows: RowResult[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('未导入的行');
  headerStyle(sheet, [ERROR_HEADER]);
  for (const r of rows) sheet.addRow([...r.cells, r.errors.map((e) => `${e.header}（${e.column}）：${e.message}`).join('；')]);
  return toBuffer(workbook);
}

// ───────────────────────────── import jobs ─────────────────────────────

export type ImportJob = {
  id: string;
  userId: number;
  townshipId: number;
  filename: string;
  total: number;
  processed: number;
  status: 'checking' | 'checked' | 'done';
  results: RowResult[];
  imported: number;
  createdAt: number;
  /** Settles when every row has been checked. */
  checked: Promise<void>;
};

const JOB_TTL_MS = 2 * 60 * 60 * 1000;

/** Import jobs live in this process's memory for two hours: enough to review, import and download. */
export function createRosterImports(deputies: DeputiesService) {
  const jobs = new Map<string, ImportJob>();

  function sweep() {
    const cutoff = Date.now() - JOB_TTL_MS;
    for (const [id, job] of jobs) if (job.createdAt < cutoff) jobs.delete(id);
  }

  function assertStaff(user: CurrentUser) {
    if (user.role !== 'STAFF') throw new ForbiddenError('只有工作人员可以导入代表名册。');
  }

  return {
    /** Reads the file (a clear error when it is not a roster) and starts checking its rows. */
    async start(user: CurrentUser, file: { buffer: Buffer; filename: string }): Promise<ImportJob> {
      assertStaff(user);
      sweep();
      const sheet = await readRoster(file.buffer);
      const existing = await deputies.activeKeys(user);
      const job: ImportJob = {
        id: randomUUID(),
        userId: user.id,
        townshipId: user.townshipId,
        filename: file.filename,
        total: sheet.rows.length,
        processed: 0,
        status: 'checking',
        results: [],
        imported: 0,
        createdAt: Date.now(),
        checked: Promise.resolve(),
      };
      job.checked = (async () => {
        for (let i = 0; i < sheet.rows.length; i++) {
          job.results.push(checkRow(sheet.rows[i]!, existing));
          job.processed = i + 1;
          if ((i + 1) % CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        job.status = 'checked';
      })();
      jobs.set(job.id, job);
      return job;
    },

    get(user: CurrentUser, id: string): ImportJob {
      assertStaff(user);
      const job = jobs.get(id);
      if (!job || job.userId !== user.id || job.townshipId !== user.townshipId)
        throw new NotFoundError('没有找到这次导入，可能已超过2小时，请重新上传。');
      return job;
    },

    /** Writes the rows in one transaction: all of them (only when all are valid), or only the valid ones. */
    async commit(user: CurrentUser, id: string, mode: 'all' | 'valid'): Promise<number> {
      const job = this.get(user, id);
      if (job.status !== 'checked')
        throw new ValidationError({ _form: job.status === 'done' ? '这份名册已经导入过了。' : '还在检查表格，请稍候。' });
      const valid = job.results.filter((r) => r.form);
      if (mode === 'all' && valid.length !== job.results.length)
        throw new ValidationError({ _form: '表格中还有错误，没有导入任何数据。请修改后重新上传，或选择只导入有效的行。' });
      if (!valid.length) throw new ValidationError({ _form: '没有可以导入的有效行。' });
      // Rows checked against the roster as it was at upload: check again right before writing.
      const existing = await deputies.activeKeys(user);
      const clash = valid.find((r) => existing.has(`${r.form!.name}|${r.form!.village}`));
      if (clash) throw new ValidationError({ _form: `第${clash.row}行的“${clash.form!.name}”刚刚已登记进名册，请重新上传表格。` });
      job.imported = await deputies.importMany(
        user,
        valid.map((r) => r.form!),
      );
      job.status = 'done';
      return job.imported;
    },
  };
}

export type RosterImports = ReturnType<typeof createRosterImports>;
