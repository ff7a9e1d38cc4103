import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, csrfFrom, type TestApp } from '../helpers/test-app.js';
import { createWorld, TEST_PASSWORD } from '../helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createWorld(t.services.db);
});
afterAll(() => t.close());

describe('a database that cannot be written', () => {
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
