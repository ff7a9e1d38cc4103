import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { firstSegments, onlyItsPaths } from '../../src/routes.js';

const ok =
  (name: string): RequestHandler =>
  (_req, res) => {
    res.send(name);
  };

describe('firstSegments', () => {
  it('collects the first segments of a router and of the routers it mounts at its root', () => {
    const inner = Router();
    inner.get('/c/:id', ok('c'));
    const outer = Router();
    outer.get('/', ok('home'));
    outer.get('/A/b', ok('a'));
    outer.post(`/audit.xlsx`, ok('x'));
    outer.use(inner);
    expect(firstSegments(outer)).toEqual(new Set(['', 'a', 'audit.xlsx', 'c']));
  });

  it('is null when a layer could answer any path', () => {
    const param = Router();
    param.get('/:id', ok('p'));
    expect(firstSegments(param)).toBeNull();
    const middleware = Router();
    middleware.get('/a', ok('a'));
    middleware.use((_req, _res, next) => next());
    expect(firstSegments(middleware)).toBeNull();
    const pattern = Router();
    pattern.get(/^\/r/, ok('r'));
    expect(firstSegments(pattern)).toBeNull();
    const mounted = Router();
    mounted.use('/x', Router());
    expect(firstSegments(mounted)).toBeNull();
  });
});

describe('onlyItsPaths', () => {
  function app() {
    const first = Router();
    first.get('/one', ok('one'));
    first.get('/one/:id', ok('one-id'));
    const open = Router();
    open.use((req, _res, next) => {
      req.headers['x-seen'] = 'yes';
      next();
    });
    open.get('/open', (req, res) => {
      res.send(`open ${String(req.headers['x-seen'])}`);
    });
    const second = Router();
    second.get('/two', ok('two'));
    const a = express();
    for (const r of [first, open, second]) a.use(onlyItsPaths(r));
    a.use((_req, res) => {
      res.status(404).send('none');
    });
    return a;
  }

  it('routes every request as the plain routers would, ignoring case and a trailing slash', async () => {
    const a = app();
    expect((await request(a).get('/one')).text).toBe('one');
    expect((await request(a).get('/ONE/7')).text).toBe('one-id');
    expect((await request(a).get('/two/')).text).toBe('two');
    expect((await request(a).get('/open')).text).toBe('open yes');
    expect((await request(a).get('/one/7/more')).status).toBe(404);
    expect((await request(a).get('/three')).status).toBe(404);
  });

  it('skips a router whose routes cannot answer the path, and keeps its routes listed', () => {
    const r = Router();
    r.get('/one', ok('one'));
    const wrapped = onlyItsPaths(r) as RequestHandler & { stack?: unknown };
    expect(wrapped).not.toBe(r);
    expect(wrapped.stack).toBe(r.stack);
    let reached = false;
    const req: Partial<Request> = { path: '/two' };
    const res: Partial<Response> = {};
    wrapped(req as Request, res as Response, () => (reached = true));
    expect(reached).toBe(true);
  });
});
