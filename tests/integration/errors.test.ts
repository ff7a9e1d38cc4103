import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler, notFound } from '../../src/middleware/error-handler.js';
import { useViews } from '../../src/app.js';
import { ConflictError, ForbiddenError } from '../../src/errors.js';

/** The error handler of the real app, on a tiny app with routes that fail on purpose. */
function appWith(isProduction: boolean) {
  const app = express();
  useViews(app, isProduction);
  app.locals.appName = '测试';
  app.get('/boom', () => {
    throw new Error('database exploded at secret/path.ts:42');
  });
  app.get('/forbidden', () => {
    throw new ForbiddenError();
  });
  app.get('/conflict', () => {
    throw new ConflictError();
  });
  app.use(notFound);
  const logged: unknown[] = [];
  app.use(errorHandler({ isProduction, log: (e) => logged.push(e) }));
  return { app, logged };
}

describe('error pages', () => {
  it('shows a Chinese 500 page without the stack trace in production, and logs the error', async () => {
    const { app, logged } = appWith(true);
    const res = await request(app).get('/boom');
    expect(res.status).toBe(500);
    expect(res.text).toContain('服务器出现错误');
    expect(res.text).not.toContain('secret/path.ts');
    expect(logged).toHaveLength(1);
  });

  it('shows the stack in development to help the developer', async () => {
    const res = await request(appWith(false).app).get('/boom');
    expect(res.text).toContain('database exploded');
  });

  it('maps typed errors to Chinese 403, 404 and 409 pages', async () => {
    const { app } = appWith(true);
    expect((await request(app).get('/forbidden')).text).toContain('您没有权限');
    expect((await request(app).get('/conflict')).status).toBe(409);
    const missing = await request(app).get('/nothing');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('页面不存在');
  });

  it('answers JSON callers in JSON', async () => {
    const res = await request(appWith(true).app).get('/forbidden').set('Accept', 'application/json');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: '您没有权限访问此页面或执行此操作。' });
  });
});
