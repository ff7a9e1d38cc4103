import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import ExcelJS from 'exceljs';
import { createTestApp, csrfFrom, loginAs, type TestApp, binary } from '../helpers/test-app.js';
import { createDeputy, createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';

/** The system and security administrators' pages, through real requests. */
let t: TestApp;
let w: World;
let admin: request.Agent;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.services.db);
  admin = await loginAs(t.app, 'admin', TEST_PASSWORD);
});
afterAll(() => t.close());

const csrf = async (path = '/admin/users') => csrfFrom((await admin.get(path)).text);

/** Reads the temporary passwords shown on /admin/credentials: username → password. */
async function shownCredentials(): Promise<Map<string, string>> {
  const page = await admin.get('/admin/credentials');
  const out = new Map<string, string>();
  for (const m of page.text.matchAll(/class="username">([^<]+)<\/td>\s*<td data-label="初始密码" class="secret">([^<]+)</g))
    out.set(m[1]!, m[2]!);
  return out;
}

async function firstLogin(username: string, password: string) {
  const agent = request.agent(t.app);
  const page = await agent.get('/login');
  const res = await agent
    .post('/login')
    .type('form')
    .send({ username, password, _csrf: csrfFrom(page.text) });
  return { agent, res };
}

describe('the account list', () => {
  it('shows role, linked deputy or unit, state and last login, with filters', async () => {
    const res = await admin.get('/admin/users');
    expect(res.status).toBe(200);
    expect(res.text).toContain('账号管理');
    expect(res.text).toContain('张代表（东明村）'); // the deputy linked to "deputy"
    expect(res.text).toContain('农业农村办公室'); // the unit linked to "unit"
    expect(res.text).toContain('系统管理员');
    expect(res.text).toMatch(/从未登录|2026年/);
    const deputies = await admin.get('/admin/users?role=DEPUTY');
    expect(deputies.text).toContain('>deputy<');
    expect(deputies.text).not.toContain('>staff<');
    const search = await admin.get('/admin/users?q=' + encodeURIComponent('李科员'));
    expect(search.text).toContain('>unit<');
    expect(search.text).not.toContain('>deputy<');
  });
});

describe('creating one account', () => {
  it('asks for the linked deputy or unit the role needs, in Chinese, keeping the values', async () => {
    const res = await admin
      .post('/admin/users')
      .type('form')
      .send({ _csrf: await csrf(), role: 'UNIT', displayName: '周经办', title: '经办人', username: 'Bad Name!' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('请选择承办单位');
    expect(res.text).toContain('用户名为3至32位小写字母');
    expect(res.text).toContain('value="周经办"');
    expect(res.text).toContain('value="经办人"');
    expect(res.text).toMatch(/value="UNIT" checked/);
    const noDeputy = await admin
      .post('/admin/users')
      .type('form')
      .send({ _csrf: await csrf(), role: 'DEPUTY' });
    expect(noDeputy.text).toContain('请选择这位代表');
    const taken = await admin
      .post('/admin/users')
      .type('form')
      .send({ _csrf: await csrf(), role: 'DEPUTY', deputyId: String(w.deputies.deputyA.id) });
    expect(taken.status).toBe(422);
    // deputyA already has a login: not offered, and refused if posted anyway.
    expect(taken.text).toContain('已有账号');
  });

  it('creates a unit account with a temporary password that must be changed at first login', async () => {
    const res = await admin
      .post('/admin/users')
      .type('form')
      .send({ _csrf: await csrf(), role: 'UNIT', displayName: '周经办', title: '经办人', unitId: String(w.otherUnit.id) });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin/credentials');
    const shown = await shownCredentials();
    const password = shown.get('zhoujingban');
    expect(password).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    const row = await t.services.db.user.findUniqueOrThrow({ where: { username: 'zhoujingban' } });
    expect(row).toMatchObject({ role: 'UNIT', unitId: w.otherUnit.id, mustChangePassword: true });
    expect(row.passwordHash).not.toContain(password!);
    const session = await t.services.db.session.findMany();
    expect(session.some((s) => s.data.includes(password!))).toBe(false);
    const { res: login } = await firstLogin('zhoujingban', password!);
    expect(login.headers.location).toBe('/account/password');
    expect(
      await t.services.db.auditLog.count({ where: { action: 'user.create', entityId: String(row.id), actorId: w.users.sysadmin.id } }),
    ).toBe(1);
  });

  it('never creates an administrator account: only the server command does', async () => {
    const res = await admin
      .post('/admin/users')
      .type('form')
      .send({ _csrf: await csrf(), role: 'SECADMIN', displayName: '某某' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('请选择角色');
    expect(await t.services.db.user.count({ where: { role: 'SECADMIN' } })).toBe(1);
  });
});

describe('logins for the deputies on the roster, in bulk', () => {
  it('proposes pinyin usernames for the deputies without one, collisions resolved', async () => {
    await createDeputy(t.services.db, w.township.id, { name: '乌云其木格', village: '嘎查甸子村' });
    await createDeputy(t.services.db, w.township.id, { name: '王芳', village: '东明村' });
    await createDeputy(t.services.db, w.township.id, { name: '王芳', village: '三家子村' });
    await createDeputy(t.services.db, w.township.id, { name: '离任者', status: 'TERMINATED' });
    const page = await admin.get('/admin/users/bulk');
    expect(page.status).toBe(200);
    for (const u of ['wuyunqimuge', 'wangfang', 'wangfang2']) expect(page.text).toContain(`>${u}<`);
    expect(page.text).not.toContain('离任者');
    expect(page.text).not.toContain('>张代表<'); // has a login already
    expect(page.text).not.toContain('>刘主席<'); // a presidium member's login is linked to the deputy
  });

  it('creates them, one A4 slip each and an .xlsx, each forced to change at first login', async () => {
    const page = await admin.get('/admin/users/bulk');
    const ids = [...page.text.matchAll(/name="deputyIds" value="(\d+)"/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(3);
    const none = await admin
      .post('/admin/users/bulk')
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    expect(none.status).toBe(422);
    expect(none.text).toContain('请至少勾选一位代表');
    const res = await admin
      .post('/admin/users/bulk')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), deputyIds: ids });
    expect(res.status).toBe(303);
    const shown = await shownCredentials();
    expect([...shown.keys()].sort()).toEqual(['wangfang', 'wangfang2', 'wuyunqimuge']);

    const slips = await admin.get('/admin/credentials/slips');
    expect(slips.status).toBe(200);
    expect(slips.headers['cache-control']).toBe('no-store');
    expect(slips.text.match(/<article class="sheet slip">/g)).toHaveLength(3);
    expect(slips.text).toContain('/css/slips.css');
    expect(slips.text).toContain('<strong>乌云其木格</strong>代表');
    expect(slips.text).toContain(shown.get('wuyunqimuge'));
    expect(slips.text).toContain('首次登录');

    const xlsx = await admin.get('/admin/credentials.xlsx').buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('账号与初始密码.xlsx'));
    expect(xlsx.headers['cache-control']).toBe('no-store');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = book.getWorksheet('账号与初始密码')!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '序号',
      '姓名',
      '村（嘎查）/ 单位',
      '用户名',
      '初始密码',
      '登录地址',
      '说明',
      '签收',
    ]);
    const rows = [3, 4, 5].map((n) => sheet.getRow(n).values as unknown[]);
    const byName = new Map(rows.map((r) => [r[4] as string, r]));
    expect(byName.get('wuyunqimuge')?.[2]).toBe('乌云其木格');
    expect(byName.get('wuyunqimuge')?.[3]).toBe('嘎查甸子村');
    expect(byName.get('wuyunqimuge')?.[5]).toBe(shown.get('wuyunqimuge'));
    expect(sheet.pageSetup.paperSize).toBe(9);
    // Username and password in a typewriter face; the other columns keep the default font.
    expect([4, 5].map((c) => sheet.getCell(3, c).font?.name)).toEqual(['Consolas', 'Consolas']);
    expect(sheet.getCell(3, 2).font?.name).not.toBe('Consolas');
    expect(sheet.getCell(3, 2).border?.top?.style).toBe('thin');

    const { agent, res: login } = await firstLogin('wangfang2', shown.get('wangfang2')!);
    expect(login.headers.location).toBe('/account/password');
    expect((await agent.get('/suggestions')).headers.location).toBe('/account/password');
    const audit = await t.services.db.auditLog.groupBy({ by: ['action'], where: { actorId: w.users.sysadmin.id }, _count: true });
    const count = Object.fromEntries(audit.map((a) => [a.action, a._count]));
    expect(count['user.bulk-create']).toBe(1);
    expect(count['user.credentials-print']).toBe(1);
    expect(count['user.credentials-export']).toBe(1);

    const cleared = await admin
      .post('/admin/credentials/clear')
      .type('form')
      .send({ _csrf: await csrf('/admin/credentials') });
    expect(cleared.status).toBe(303);
    expect((await shownCredentials()).size).toBe(0);
    expect((await admin.get('/admin/credentials/slips')).headers.location).toBe('/admin/credentials');
    const again = await admin.get('/admin/users/bulk');
    expect(again.text).toContain('都已有账号');
  });
});

describe('reset, deactivate, reactivate', () => {
  it('a reset ends the user’s sessions and forces a change; deactivation logs them out at once and keeps the history', async () => {
    const staff = await loginAs(t.app, 'staff', TEST_PASSWORD);
    const page = await admin.get(`/admin/users/${w.users.staff.id}`);
    expect(page.text).toContain('重置密码');
    const reset = await admin
      .post(`/admin/users/${w.users.staff.id}/reset-password`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    expect(reset.status).toBe(303);
    expect((await staff.get('/')).status).toBe(303);
    const temporary = (await shownCredentials()).get('staff')!;
    const { agent } = await firstLogin('staff', temporary);
    expect((await agent.get('/')).headers.location).toBe('/account/password');

    const off = await admin
      .post(`/admin/users/${w.users.staff.id}/deactivate`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    expect(off.status).toBe(303);
    expect((await agent.get('/account/password')).status).toBe(303);
    const shown = await admin.get(`/admin/users/${w.users.staff.id}`);
    expect(shown.text).toContain('已停用');
    expect((await admin.get('/admin/users?state=deactivated')).text).toContain('>staff<');
    expect(await t.services.db.user.count({ where: { id: w.users.staff.id } })).toBe(1); // never deleted
    const on = await admin
      .post(`/admin/users/${w.users.staff.id}/reactivate`)
      .type('form')
      .send({ _csrf: csrfFrom(shown.text) });
    expect(on.status).toBe(303);
    const actions = (
      await t.services.db.auditLog.findMany({ where: { entityId: String(w.users.staff.id), actorId: w.users.sysadmin.id } })
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.reset-password', 'user.deactivate', 'user.reactivate']));
  });

  it('logs a user out everywhere without touching the password', async () => {
    const a = await loginAs(t.app, 'deputy2', TEST_PASSWORD);
    const b = await loginAs(t.app, 'deputy2', TEST_PASSWORD);
    const res = await admin
      .post(`/admin/users/${w.users.deputy2.id}/end-sessions`)
      .type('form')
      .send({ _csrf: await csrf() });
    expect(res.status).toBe(303);
    expect((await a.get('/')).status).toBe(303);
    expect((await b.get('/')).status).toBe(303);
    expect((await loginAs(t.app, 'deputy2', TEST_PASSWORD).then((c) => c.get('/'))).status).toBe(200);
    expect(await t.services.db.auditLog.count({ where: { action: 'user.end-sessions', entityId: String(w.users.deputy2.id) } })).toBe(1);
  });

  it('edits the name and title, explaining a missing name', async () => {
    const page = await admin.get(`/admin/users/${w.users.unit.id}`);
    const bad = await admin
      .post(`/admin/users/${w.users.unit.id}`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), displayName: '', title: '科员' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('请填写姓名');
    expect(bad.text).toContain('value="科员"');
    await admin
      .post(`/admin/users/${w.users.unit.id}`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), displayName: '李科员', title: '农业农村办科员' });
    expect((await t.services.db.user.findUniqueOrThrow({ where: { id: w.users.unit.id } })).title).toBe('农业农村办科员');
  });

  it('cannot touch an administrator account or its own', async () => {
    const c = await csrf();
    for (const id of [w.users.secadmin.id, w.users.auditor.id, w.users.sysadmin.id]) {
      const page = await admin.get(`/admin/users/${id}`);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('重置密码</button>');
      for (const action of ['reset-password', 'deactivate']) {
        expect((await admin.post(`/admin/users/${id}/${action}`).type('form').send({ _csrf: c })).status).toBe(403);
      }
    }
    expect(await t.services.db.user.count({ where: { id: w.users.auditor.id, active: true, mustChangePassword: false } })).toBe(1);
  });
});

describe('handling units', () => {
  it('lists, adds (explaining a duplicate), edits and deactivates units', async () => {
    const list = await admin.get('/admin/units');
    expect(list.text).toContain('农业农村办公室');
    const badPhone = await admin
      .post('/admin/units')
      .type('form')
      .send({ _csrf: csrfFrom(list.text), name: '镇卫生院', phone: '12' });
    expect(badPhone.status).toBe(422);
    expect(badPhone.text).toContain('请填写手机号码或带区号的固定电话');
    expect(badPhone.text).toContain('value="12"');
    expect(badPhone.text).toContain('value="镇卫生院"');
    const dup = await admin
      .post('/admin/units')
      .type('form')
      .send({ _csrf: csrfFrom(list.text), name: '交通管理站', contactPerson: '韩站长' });
    expect(dup.status).toBe(422);
    expect(dup.text).toContain('已有名为“交通管理站”的承办单位');
    expect(dup.text).toContain('value="韩站长"');
    const add = await admin
      .post('/admin/units')
      .type('form')
      .send({ _csrf: csrfFrom(list.text), name: '镇卫生院', contactPerson: '王春艳', phone: '0475-4231120' });
    expect(add.status).toBe(303);
    const unit = await t.services.db.handlingUnit.findFirstOrThrow({ where: { name: '镇卫生院' } });
    const edit = await admin.get(`/admin/units/${unit.id}/edit`);
    expect(edit.text).toContain('value="王春艳"');
    await admin
      .post(`/admin/units/${unit.id}`)
      .type('form')
      .send({ _csrf: csrfFrom(edit.text), name: '东明镇卫生院', contactPerson: '王春艳', phone: '0475-4231120' });
    await admin
      .post(`/admin/units/${unit.id}/deactivate`)
      .type('form')
      .send({ _csrf: csrfFrom(edit.text) });
    const after = await t.services.db.handlingUnit.findUniqueOrThrow({ where: { id: unit.id } });
    expect(after).toMatchObject({ name: '东明镇卫生院', active: false });
    const options = await t.services.units.options(w.users.staff);
    expect(options.map((o) => o.id)).not.toContain(unit.id);
  });
});

describe('township settings', () => {
  it('saves the township’s name, banner, portal address and phone, printed on the slips', async () => {
    const page = await admin.get('/admin/township');
    const bad = await admin
      .post('/admin/township')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), name: '东明', portalUrl: 'rd.example', contactPhone: '' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('镇名称应以');
    expect(bad.text).toContain('请填写以 http:// 或 https:// 开头的完整地址');
    expect(bad.text).toContain('value="rd.example"');
    const ok = await admin
      .post('/admin/township')
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        name: '东明镇',
        county: '科左中旗',
        portalUrl: 'https://rd.dongming.gov.cn',
        contactPhone: '0475-4231009',
      });
    expect(ok.status, ok.text.match(/field-error[^<]*<\/p>|id="[a-zA-Z]+-error">[^<]*/g)?.join()).toBe(303);
    const row = await t.services.db.township.findUniqueOrThrow({ where: { id: w.township.id } });
    expect(row).toMatchObject({
      name: '东明镇',
      county: '科左中旗',
      portalUrl: 'https://rd.dongming.gov.cn',
      contactPhone: '0475-4231009',
    });
    // The next slips carry them.
    await admin
      .post(`/admin/users/${w.users.deputy.id}/reset-password`)
      .type('form')
      .send({ _csrf: await csrf() });
    const slips = await admin.get('/admin/credentials/slips');
    expect(slips.text).toContain('东明镇人大主席团工作平台<br>账号登录通知');
    expect(slips.text).toContain('https://rd.dongming.gov.cn');
    expect(slips.text).toContain('电话：0475-4231009');
    expect(await t.services.db.auditLog.count({ where: { action: 'township.update' } })).toBe(1);
  });
});

describe('the security policy (安全管理员)', () => {
  it('explains out-of-range values beside the fields, keeps the values, and applies a saved policy at once', async () => {
    const secadmin = await loginAs(t.app, 'secadmin', TEST_PASSWORD);
    const page = await secadmin.get('/admin/security');
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="10"');
    const form = {
      passwordMinLength: '6',
      passwordMinKinds: '3',
      passwordHistory: '5',
      passwordMaxAgeDays: 'abc',
      lockThreshold: '5',
      lockMinutes: '15',
      idleMinutes: '30',
      absoluteHours: '12',
    };
    const bad = await secadmin
      .post('/admin/security')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), ...form });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('密码最短长度应在8到64之间');
    expect(bad.text).toContain('密码有效期（天）应为整数');
    expect(bad.text).toContain('value="6"');
    expect(bad.text).toContain('value="abc"');
    expect(bad.text).toContain('value="30"');
    const ok = await secadmin
      .post('/admin/security')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), ...form, passwordMinLength: '14', passwordMaxAgeDays: '90' });
    expect(ok.status).toBe(303);
    expect(await t.services.policies.get()).toMatchObject({ passwordMinLength: 14, passwordMaxAgeDays: 90, idleMinutes: 30 });
    const log = await t.services.db.auditLog.findFirstOrThrow({ where: { action: 'settings.security' } });
    expect(JSON.parse(log.detail)).toMatchObject({ passwordMinLength: { from: 10, to: 14 } });

    // The new rule shows on the change page and is enforced there.
    const deputy = await loginAs(t.app, 'deputy2', TEST_PASSWORD);
    const change = await deputy.get('/account/password');
    expect(change.text).toContain('至少14位');
    const short = await deputy
      .post('/account/password')
      .type('form')
      .send({ _csrf: csrfFrom(change.text), currentPassword: TEST_PASSWORD, newPassword: 'Caoyuan-88-x', confirmPassword: 'Caoyuan-88-x' });
    expect(short.status).toBe(422);
    expect(short.text).toContain('<p class="field-error" id="newPassword-error">密码至少14位</p>');
    await t.services.policies.update(w.users.secadmin, {
      ...(await t.services.policies.get()),
      passwordMinLength: 10,
      passwordMaxAgeDays: 0,
      idleMinutes: 120,
    });
  });
});
