import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Db } from '../db.js';
import { flash } from './flash.js';

/**
 * One request, one record: every form carries a one-time token (views/partials/form-tokens.ejs).
 * Its first submission claims it; a second submission of the same form — a double click, a resent
 * request, two tabs — waits for the first and is sent to its result instead of writing again.
 * A submission that ends without a redirect (errors shown on the form) gives its token back.
 */
const TOKEN = /^[A-Za-z0-9_-]{22}$/;
const WAIT_MS = 10_000;
const KEEP_MS = 24 * 60 * 60 * 1000;

/** Random bytes drawn for many tokens at once: every page carries a token per form. */
const POOL_SIZE = 16 * 256;
let pool = Buffer.alloc(0);
let poolAt = 0;

export function newOnceToken(): string {
  if (poolAt + 16 > pool.length) {
    pool = randomBytes(POOL_SIZE);
    poolAt = 0;
  }
  return pool.toString('base64url', poolAt, (poolAt += 16));
}

export function onceGuard(db: Db, now: () => Date = () => new Date()): RequestHandler {
  let lastSweep = 0;
  return async (req, res, next) => {
    const token = req.method === 'POST' ? (req.body as Record<string, unknown> | undefined)?._once : undefined;
    if (typeof token !== 'string' || !TOKEN.test(token)) return next();
    const userId = req.user?.id ?? null;
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const claimed = await db.formSubmission.create({ data: { token, userId } }).then(
        () => true,
        (err: { code?: string }) => {
          if (err.code === 'P2002') return false;
          throw err;
        },
      );
      if (claimed) break;
      const first = await db.formSubmission.findUnique({ where: { token } });
      if (first && first.userId !== userId) return next(); // not this user's token: treat the form as new
      if (first?.location) {
        flash(req, 'info', '该表单已经提交过，未重复保存。');
        return res.redirect(303, first.location);
      }
      if (first && Date.now() > deadline) {
        return res.status(409).render('errors/409', {
          title: '正在处理',
          status: 409,
          message: '您刚才的提交正在处理，请勿重复提交。请稍后刷新页面查看结果。',
        });
      }
      // The first submission is still running (or has just given its token back): wait and look again.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    res.on('finish', () => {
      const location = res.statusCode >= 300 && res.statusCode < 400 ? res.getHeader('location') : undefined;
      const done =
        typeof location === 'string'
          ? db.formSubmission.update({ where: { token }, data: { location } })
          : db.formSubmission.delete({ where: { token } });
      done.catch((err: unknown) => console.error('Form token bookkeeping failed:', err));
    });
    // Old tokens are forgotten after a day, at most once an hour.
    const t = now().getTime();
    if (t - lastSweep > 60 * 60 * 1000) {
      lastSweep = t;
      await db.formSubmission.deleteMany({ where: { createdAt: { lt: new Date(t - KEEP_MS) } } });
    }
    next();
  };
}
