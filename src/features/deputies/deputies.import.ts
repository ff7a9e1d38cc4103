/**
 * The roster as a township office keeps it in Excel: one row per deputy, Chinese headers. This
 * file holds the columns and the check of one row; reading files is deputies.import.read.ts (in a
 * worker thread), the workbooks deputies.import.workbooks.ts, the import jobs
 * deputies.import.jobs.ts. Each row is checked with the deputy form's own zod schema; nothing is
 * converted silently: a value is kept as typed, or refused with a message, and staff see how each
 * row was read before anything is written.
 */
import type { DeputyLevel } from '../../generated/prisma/enums.js';
import { ValidationError } from '../../errors.js';
import { formatDate } from '../../lib/format.js';
import { deputyLevelShort, genderLabels } from '../../lib/labels.js';
import { parseForm } from '../../lib/forms.js';
import { deputyFormSchema, POLITICAL_AFFILIATIONS, type DeputyForm } from './deputies.schemas.js';
import type { Grid } from './deputies.import.read.js';

type Field = keyof DeputyForm;

/** The columns, in order. `aliases` are other headers a township office might have typed. */
export const ROSTER_COLUMNS: ReadonlyArray<{
  field: Field;
  header: string;
  width: number;
  aliases?: string[];
  required?: boolean;
  kind?: 'int' | 'date' | 'wrap';
}> = [
  { field: 'name', header: '姓名', width: 10, required: true },
  { field: 'gender', header: '性别', width: 6, required: true },
  { field: 'ethnicity', header: '民族', width: 8 },
  { field: 'birthYear', header: '出生年份', width: 9, aliases: ['出生年'], kind: 'int' },
  { field: 'politicalAffiliation', header: '政治面貌', width: 12 },
  { field: 'occupation', header: '职业', width: 10, kind: 'wrap' },
  { field: 'workplace', header: '工作单位', width: 24, kind: 'wrap' },
  { field: 'district', header: '选区', width: 10 },
  { field: 'village', header: '所在村（嘎查）', width: 14, aliases: ['所在村', '村（嘎查）', '嘎查村', '所在嘎查村'] },
  { field: 'phone', header: '联系电话', width: 14, aliases: ['电话', '手机号码', '手机'] },
  { field: 'levels', header: '代表层级（市/旗/镇，可多选，用顿号或逗号分隔）', width: 22, aliases: ['代表层级', '层级'], required: true },
  { field: 'termStart', header: '当选日期', width: 15, kind: 'date' },
];
export const ERROR_HEADER = '错误原因';
export const SOURCE_ROW_HEADER = '原表行号';

export const norm = (s: string) => s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
export const base = (s: string) => norm(s).split('（')[0]!;

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The words a level may be written as; anything else (县, 乡 …) is refused, never mapped. */
const LEVEL_WORDS: Record<string, DeputyLevel> = {
  市: 'CITY',
  市级: 'CITY',
  旗: 'BANNER',
  旗级: 'BANNER',
  镇: 'TOWN',
  镇级: 'TOWN',
};

/** The form input of one sheet row: Chinese values mapped to the form's values. */
function formInput(cells: Partial<Record<Field, string>>): { input: Record<string, unknown>; levelError?: string } {
  const input: Record<string, unknown> = { ...cells };
  const gender = cells.gender ?? '';
  input.gender = gender === '男' ? 'MALE' : gender === '女' ? 'FEMALE' : gender;
  const tokens = (cells.levels ?? '').split(/[、,，;；/\s]+/).filter(Boolean);
  const levels = tokens.map((t) => LEVEL_WORDS[t]);
  input.levels = [...new Set(levels.filter(Boolean))];
  input.ethnicity = cells.ethnicity || '汉族';
  input.politicalAffiliation = cells.politicalAffiliation || '群众';
  return {
    input,
    levelError: levels.some((l) => !l)
      ? `代表层级只能填写“市”“旗”“镇”，多个用顿号分隔（现为“${cells.levels}”）；县级、乡级代表请按本地称谓改为“旗”“镇”后再导入`
      : undefined,
  };
}

export type CellError = { column: string; header: string; message: string };
/**
 * One checked row: the cells as typed, the form it gives (when valid), how each column was read
 * (`read`, what will be stored, with a note where a default applies), and the errors per cell.
 */
export type RowResult = { row: number; cells: string[]; form?: DeputyForm; read?: string[]; errors: CellError[] };

export type ParsedSheet = { headers: string[]; rows: Array<{ row: number; cells: string[] }> };

/** Finds the header row (a title row may come first) and the columns; a ValidationError on `file` otherwise. */
export function rosterFromGrid(grid: Grid): ParsedSheet {
  let headerAt = -1;
  const headerMap = new Map<Field, number>();
  for (let i = 0; i < Math.min(grid.length, 5) && headerAt < 0; i++) {
    grid[i]!.cells.forEach((text, col) => {
      const column = ROSTER_COLUMNS.find(
        (c) => norm(c.header) === norm(text) || base(c.header) === base(text) || (c.aliases ?? []).some((a) => norm(a) === norm(text)),
      );
      if (column && !headerMap.has(column.field)) headerMap.set(column.field, col);
    });
    if (headerMap.has('name')) headerAt = i;
    else headerMap.clear();
  }
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !headerMap.has(c.field)).map((c) => base(c.header));
  if (headerAt < 0 || missing.length) {
    throw new ValidationError({
      file: `表格缺少必需的列：${(missing.length ? missing : ['姓名']).join('、')}。请使用下载的模板，表头保持不变。`,
    });
  }
  const rows = grid
    .slice(headerAt + 1)
    .map((r) => ({
      row: r.row,
      cells: ROSTER_COLUMNS.map((c) => (headerMap.has(c.field) ? (r.cells[headerMap.get(c.field)!] ?? '').trim() : '')),
    }))
    .filter((r) => r.cells.some((c) => c !== ''));
  if (!rows.length) throw new ValidationError({ file: '表格中没有代表数据：请从表头下一行起，每行填写一名代表。' });
  return { headers: ROSTER_COLUMNS.map((c) => c.header), rows };
}

/** How a valid row will be stored, column by column, with a note where a default applies. */
function readBack(cells: Record<Field, string>, form: DeputyForm): string[] {
  const order: DeputyLevel[] = ['CITY', 'BANNER', 'TOWN'];
  const shown: Record<Field, string> = {
    name: form.name,
    gender: genderLabels[form.gender],
    ethnicity: cells.ethnicity ? form.ethnicity : `${form.ethnicity}（未填，按默认）`,
    birthYear: form.birthYear ? String(form.birthYear) : '',
    politicalAffiliation: cells.politicalAffiliation ? form.politicalAffiliation : `${form.politicalAffiliation}（未填，按默认）`,
    occupation: form.occupation,
    workplace: form.workplace,
    district: form.district,
    village: form.village,
    phone: form.phone,
    levels: order
      .filter((l) => form.levels.includes(l))
      .map((l) => deputyLevelShort[l])
      .join('、'),
    termStart: formatDate(form.termStart),
  };
  return ROSTER_COLUMNS.map((c) => shown[c.field]);
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
  if (errors.length || !parsed.ok) return { row: row.row, cells: row.cells, errors };
  // The phone as typed ("0475-4231009"), once the schema has found it valid: never a reformatted number.
  const form: DeputyForm = { ...parsed.data, phone: cells.phone.trim() };
  return { row: row.row, cells: row.cells, form, read: readBack(cells, form), errors };
}
