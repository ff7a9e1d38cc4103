import { ON_POSTGRES } from '../helpers/test-db.js';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, csrfFrom, loginAs, type TestApp } from '../helpers/test-app.js';
import { createWorld, TEST_PASSWORD } from '../helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createWorld(t.services.db);
});
afterAll(() => t.close());

// PRAGMA query_only stands for a read-only file: SQLite's own.
describe.skipIf(ON_POSTGRES)('a database that cannot be written', () => {
  it('healthz says 503 with the reason, and a login says what is wrong instead of a misleading message', async () => {
    const agent = request.agent(t.app);
    expect((await agent.get('/healthz')).status).toBe(200);
    const page = await agent.get('/login');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The connection refuses every write, as a read-only file or mount would.
    await t.services.db.$executeRawUnsafe('PRAGMA query_only = 1');
    try {
      const health = await agent.get('/healthz');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'error', reason: expect.stringContaining('只读') as unknown });

      const res = await agent
        .post('/login')
        .type('form')
        .send({ username: 'staff', password: TEST_PASSWORD, _csrf: csrfFrom(page.text) });
      expect(res.status).toBe(503);
      expect(res.text).toContain('数据库处于只读状态');
      expect(res.text).not.toContain('页面已过期');
      const lines = logged.mock.calls.map((c) => c.map(String).join(' ')).join('\n');
      expect(lines).toMatch(/read-only: check the owner and permissions/);
    } finally {
      await t.services.db.$executeRawUnsafe('PRAGMA query_only = 0');
      logged.mockRestore();
    }
    expect((await agent.get('/healthz')).status).toBe(200);
  });
});

describe('the server', () => {
  it('exits non-zero with a clear message when its port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renda-port-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        env: {
          ...process.env,
          NODE_ENV: 'test',
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: `file:${path.join(dir, 'portal.db')}`,
          SEED_DEMO: 'false',
        },
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).not.toBe(0);
      expect(output).toContain(`port ${port} is already in use`);
      expect(output).not.toContain('is listening');
    } finally {
      blocker.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the server on the suite's database", () => {
  // On PostgreSQL it once died at start, writing its SQLite pid file beside "postgresql://…".
  it('starts on it (SQLite file or PostgreSQL) and answers /healthz with its provider', async () => {
    const free = net.createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as net.AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: t.testDb.url, SEED_DEMO: 'false' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      let health: { status: number; body: unknown } | null = null;
      for (let i = 0; i < 600 && child.exitCode === null && !health; i++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/healthz`);
          health = { status: res.status, body: await res.json() };
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      expect(health, output).toMatchObject({ status: 200, body: { database: { provider: ON_POSTGRES ? 'postgresql' : 'sqlite' } } });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});

describe('one request, one record', () => {
  const fieldsOf = (html: string) => ({
    _csrf: /name="_csrf" value="([^"]+)"/.exec(html)![1]!,
    _once: /name="_once" value="([^"]+)"/.exec(html)![1]!,
  });

  it('two identical submissions of the new-suggestion form at once make one suggestion, and both land on it', async () => {
    const deputy = await loginAs(t.app, 'deputy', TEST_PASSWORD);
    const tokens = fieldsOf((await deputy.get('/suggestions/new')).text);
    const body = {
      ...tokens,
      title: '关于双击提交的建议',
      content: '东明村主街排水沟多处堵塞，雨季积水严重。',
      category: 'RURAL_CONSTRUCTION',
      intent: 'submit',
    };
    const [a, b] = await Promise.all([
      deputy.post('/suggestions').type('form').send(body),
      deputy.post('/suggestions').type('form').send(body),
    ]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.headers.location).toBe(b.headers.location);
    expect(await t.services.db.suggestion.count({ where: { title: '关于双击提交的建议' } })).toBe(1);

    // Sent again later (the back button and 提交 once more): the first one's page, with a notice.
    const again = await deputy.post('/suggestions').type('form').send(body);
    expect(again.headers.location).toBe(a.headers.location);
    expect((await deputy.get(again.headers.location!)).text).toContain('该表单已经提交过，未重复保存');
    expect(await t.services.db.suggestion.count({ where: { title: '关于双击提交的建议' } })).toBe(1);
  });

  it('two identical task assignments at once make one task', async () => {
    const staff = await loginAs(t.app, 'staff', TEST_PASSWORD);
    const tokens = fieldsOf((await staff.get('/tasks/new')).text);
    const deputy = await t.services.db.deputy.findFirstOrThrow({ where: { name: '张代表' } });
    const body = { ...tokens, kind: 'SURVEY', title: '双击调研任务', dueDate: '2099-06-30', deputyIds: String(deputy.id) };
    const sends = [1, 2, 3].map(() => staff.post('/tasks').type('form').send(body));
    const results = await Promise.all(sends);
    expect(results.map((r) => r.status)).toEqual([303, 303, 303]);
    expect(await t.services.db.supervisionTask.count({ where: { title: '双击调研任务' } })).toBe(1);
  });

  it('a form sent back with errors can be corrected and sent: its token is given back', async () => {
    const deputy = await loginAs(t.app, 'deputy', TEST_PASSWORD);
    const tokens = fieldsOf((await deputy.get('/suggestions/new')).text);
    const bad = await deputy
      .post('/suggestions')
      .type('form')
      .send({ ...tokens, title: '', content: '', intent: 'submit' });
    expect(bad.status).toBe(422);
    const good = await deputy
      .post('/suggestions')
      .type('form')
      .send({
        ...tokens,
        title: '改正后提交的建议',
        content: '东明村主街排水沟多处堵塞，雨季积水严重。',
        category: 'RURAL_CONSTRUCTION',
        intent: 'submit',
      });
    expect(good.status).toBe(303);
    expect(await t.services.db.suggestion.count({ where: { title: '改正后提交的建议' } })).toBe(1);
  });
});
