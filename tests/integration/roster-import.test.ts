import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { createTestApp, csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { worldApp } from '../helpers/world-app.js';
import { createTownship, createUser, TEST_PASSWORD, townshipUser, type World } from '../helpers/factories.js';
import { ROSTER_COLUMNS } from '../../src/features/deputies/deputies.import.js';
import { rosterRow } from '../../src/features/deputies/deputies.import.workbooks.js';

const HEADERS = ROSTER_COLUMNS.map((c) => c.header);

async function xlsx(rows: unknown[][], headers: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表名册');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v as string | number)))),
  );
  return rows;
}

/** supertest: collect a binary response body as a Buffer. */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const upload = async (agent: request.Agent, buffer: Buffer, filename = '名册.xlsx') =>
  agent
    .post('/deputies/import')
    .field('_csrf', await csrfOf(agent))
    .attach('file', buffer, { filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

const row = (name: string, overrides: Partial<Record<string, unknown>> = {}) => {
  const base: Record<string, unknown> = {
    name,
    gender: '女',
    ethnicity: '蒙古族',
    birthYear: 1978,
    politicalAffiliation: '中共党员',
    occupation: '牧民',
    workplace: '',
    district: '第二选区',
    village: '哈日干图嘎查',
    phone: 13847512345,
    levels: '旗、镇',
    termStart: new Date(Date.UTC(2021, 0, 10)),
  };
  const v = { ...base, ...overrides };
  return ROSTER_COLUMNS.map((c) => v[c.field]);
};

let t: TestApp;
let w: World;
let staff: request.Agent;
beforeAll(async () => {
  ({ t, w, staff } = await worldApp());
});
afterAll(() => t.close());

describe('roster import', () => {
  it('offers a template with the township office’s Chinese headers', async () => {
    const res = await staff.get('/deputies/import/template.xlsx').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsx(res.body as Buffer);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows[0]).toContain('所在村（嘎查）');
  });

  it('imports a valid file after the staff member confirms', async () => {
    const file = await xlsx([
      row('乌云其木格'),
      row('巴特尔', { gender: '男', levels: '镇', phone: '0475-4236021', termStart: '2021-01-10' }),
      row('其其格', { levels: '市,旗,镇', village: '东明村' }),
    ]);
    const res = await upload(staff, file);
    expect(res.status).toBe(303);
    const page = await staff.get(res.headers.location!);
    expect(page.text).toContain('检查通过');
    expect(await t.services.db.deputy.count({ where: { name: { in: ['乌云其木格', '巴特尔', '其其格'] } } })).toBe(0);
    const commit = await staff
      .post(`${res.headers.location}/commit`)
      .type('form')
      .send({ mode: 'all', _csrf: await csrfOf(staff) });
    expect(commit.status).toBe(303);
    expect((await staff.get(commit.headers.location!)).text).toContain('已导入 <strong>3</strong> 名代表');
    const imported = await t.services.db.deputy.findMany({
      where: { name: { in: ['乌云其木格', '巴特尔', '其其格'] } },
      include: { levels: true },
      orderBy: { name: 'asc' },
    });
    expect(imported).toHaveLength(3);
    const wy = imported.find((d) => d.name === '乌云其木格')!;
    expect(wy.phone).toBe('13847512345');
    expect(wy.birthYear).toBe(1978);
    expect(wy.gender).toBe('FEMALE');
    expect(wy.termStart?.toISOString()).toBe(new Date('2021-01-10T00:00:00+08:00').toISOString());
    expect(wy.levels.map((l) => l.level).sort()).toEqual(['BANNER', 'TOWN']);
    expect(imported.find((d) => d.name === '其其格')!.levels).toHaveLength(3);
    // kept as typed, never reformatted
    expect(imported.find((d) => d.name === '巴特尔')!.phone).toBe('0475-4236021');
    // a second commit of the same file does nothing
    const again = await staff
      .post(`${res.headers.location}/commit`)
      .type('form')
      .send({ mode: 'all', _csrf: await csrfOf(staff) });
    expect(again.status).toBe(422);
    expect(await t.services.db.deputy.count({ where: { name: '乌云其木格' } })).toBe(1);
  });

  it('shows errors per row and cell and imports nothing; then only the valid rows, with the invalid ones downloadable', async () => {
    const before = await t.services.db.deputy.count();
    const file = await xlsx([
      row('图雅', { village: '嘎查甸子村' }),
      row('', { gender: '未知' }),
      row('哈斯', { phone: '12345', levels: '省', birthYear: 1890, village: '上奈林村' }),
      row('图雅', { village: '嘎查甸子村' }),
      row('乌云其木格'),
      row('斯琴', { politicalAffiliation: '党员', village: '上奈林村' }),
    ]);
    const res = await upload(staff, file);
    const page = await staff.get(res.headers.location!);
    expect(page.text).toContain('有 5 行需要修改，尚未导入任何数据');
    expect(page.text).toContain('第3行');
    expect(page.text).toContain('A3');
    expect(page.text).toContain('请填写姓名');
    expect(page.text).toContain('B3');
    expect(page.text).toContain('性别应填写“男”或“女”');
    expect(page.text).toContain('J4');
    expect(page.text).toContain('请填写11位手机号码');
    expect(page.text).toContain('K4');
    expect(page.text).toContain('代表层级只能填写“市”“旗”“镇”');
    expect(page.text).toContain('出生年份应在1920到');
    expect(page.text).toContain('请勿重复登记'); // 图雅 twice in the file, 乌云其木格 already on the roster
    expect(page.text).toContain('政治面貌应为');
    expect(await t.services.db.deputy.count()).toBe(before);

    const all = await staff
      .post(`${res.headers.location}/commit`)
      .type('form')
      .send({ mode: 'all', _csrf: await csrfOf(staff) });
    expect(all.status).toBe(422);
    expect(all.text).toContain('没有导入任何数据');
    expect(await t.services.db.deputy.count()).toBe(before);

    const download = await staff.get(`${res.headers.location}/invalid.xlsx`).buffer(true).parse(binary);
    const rows = await readXlsx(download.body as Buffer);
    expect(rows[0]).toEqual([...HEADERS, '原表行号', '错误原因']);
    expect(rows).toHaveLength(6);
    // 哈斯 was row 4 of the upload and is row 3 of this file: the references point at this file's cells
    expect(rows[2]![0]).toBe('哈斯');
    expect(rows[2]![12]).toBe('4');
    expect(rows[2]![13]).toContain('联系电话（J3）');
    expect(rows[2]![13]).toContain('代表层级（K3）');
    expect(rows[1]![13]).toContain('姓名（A2）');

    const valid = await staff
      .post(`${res.headers.location}/commit`)
      .type('form')
      .send({ mode: 'valid', _csrf: await csrfOf(staff) });
    expect(valid.status).toBe(303);
    expect(await t.services.db.deputy.count()).toBe(before + 1);
    expect(await t.services.db.deputy.count({ where: { name: '图雅' } })).toBe(1);
  });

  it('says clearly when the file is not a spreadsheet, or lacks the headers', async () => {
    const binaryFile = await upload(staff, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), '照片.png');
    expect(binaryFile.status).toBe(422);
    expect(binaryFile.text).toContain('上传的文件不是 Excel 表格（.xlsx）或 CSV 文件');
    const zip = await upload(staff, Buffer.from('PK\u0003\u0004 not really a zip'), 'broken.xlsx');
    expect(zip.status).toBe(422);
    expect(zip.text).toContain('文件已损坏，无法打开');
    const headers = await upload(staff, await xlsx([['张三', '男']], ['名字', '性别']));
    expect(headers.status).toBe(422);
    expect(headers.text).toContain('表格缺少必需的列');
    const none = await staff.post('/deputies/import').field('_csrf', await csrfOf(staff));
    expect(none.status).toBe(422);
    expect(none.text).toContain('请选择要上传的名册文件（.xlsx 或 .csv）');
  });

  it('refuses a file over the size limit with a clear message', async () => {
    const res = await upload(staff, Buffer.alloc(6 * 1024 * 1024, 1), 'big.xlsx');
    expect(res.status).toBe(413);
    expect(res.text).toContain('上传的文件超过5MB的上限');
  });

  it('shows the progress of a large file while its rows are checked', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => row(`代表${String(i).padStart(3, '0')}`, { village: `第${i}村` }));
    const staffUser = await townshipUser(t.services.db, 'staff');
    const job = await t.services.rosterImports.start({ ...staffUser }, { buffer: await xlsx(rows), filename: 'big.xlsx' });
    expect(job.status).toBe('checking');
    expect(job.total).toBe(300);
    expect(job.processed).toBeLessThan(300);
    await job.checked;
    expect(job.processed).toBe(300);
    // The page as it looks while checking (state set explicitly in the job's row: no timing involved).
    const saved = await t.services.db.importJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(saved).toMatchObject({ status: 'checked', processed: 300, total: 300 });
    await t.services.db.importJob.update({ where: { id: job.id }, data: { status: 'checking', processed: 120 } });
    const page = await staff.get(`/deputies/import/${job.id}`);
    expect(page.text).toContain('已处理 120/300 行');
    expect(page.text).toMatch(/<progress value="120" max="300">/);
    expect(page.text).toContain('/js/import-progress.js');
    await t.services.db.importJob.update({ where: { id: job.id }, data: { status: 'checked', processed: 300 } });
    expect((await staff.get(`/deputies/import/${job.id}`)).text).toContain('全部 300 行都符合要求');
    // another staff member cannot see this job
    const other = await createUser(t.services.db, w.township.id, 'STAFF', { username: 'staff-other' });
    const otherAgent = await loginAs(t.app, other.username, TEST_PASSWORD);
    expect((await otherAgent.get(`/deputies/import/${job.id}`)).status).toBe(404);
  });
});

describe('roster export', () => {
  it('exports the current filter with the import headers; re-importing into a fresh township gives the same roster', async () => {
    const res = await staff.get('/deputies/export.xlsx?status=ACTIVE').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const exported = await readXlsx(res.body as Buffer);
    expect(exported[0]).toEqual(HEADERS);
    const expected = (
      await t.services.db.deputy.findMany({ where: { townshipId: w.township.id, status: 'ACTIVE' }, include: { levels: true } })
    ).map(rosterRow);
    expect(exported.length - 1).toBe(expected.length);

    const filtered = await readXlsx(
      (await staff.get('/deputies/export.xlsx?village=%E5%98%8E%E6%9F%A5%E7%94%B8%E5%AD%90%E6%9D%91').buffer(true).parse(binary))
        .body as Buffer,
    );
    expect(filtered.slice(1).map((r) => r[0])).toEqual(['图雅']);

    const fresh = await createTestApp();
    const { township } = await createTownship(fresh.services.db, '新镇');
    await createUser(fresh.services.db, township.id, 'STAFF', { username: 'newstaff' });
    const agent = await loginAs(fresh.app, 'newstaff', TEST_PASSWORD);
    const up = await upload(agent, res.body as Buffer);
    expect((await agent.get(up.headers.location!)).text).toContain('检查通过');
    await agent
      .post(`${up.headers.location}/commit`)
      .type('form')
      .send({ mode: 'all', _csrf: await csrfOf(agent) });
    const again = (await fresh.services.db.deputy.findMany({ where: { townshipId: township.id }, include: { levels: true } })).map(
      rosterRow,
    );
    const sort = (rows: string[][]) => rows.map((r) => r.join('|')).sort();
    expect(sort(again)).toEqual(sort(expected));
    await fresh.close();
  });

  it('a presidium member may export; a deputy may not', async () => {
    const chair = await loginAs(t.app, 'chair', TEST_PASSWORD);
    expect((await chair.get('/deputies/export.xlsx')).status).toBe(200);
    const deputy = await loginAs(t.app, 'deputy', TEST_PASSWORD);
    expect((await deputy.get('/deputies/export.xlsx')).status).toBe(403);
    expect(
      (
        await chair
          .post('/deputies/import')
          .field('_csrf', await csrfOf(chair))
          .attach('file', Buffer.from('x'), 'a.xlsx')
      ).status,
    ).toBe(403);
  });
});
