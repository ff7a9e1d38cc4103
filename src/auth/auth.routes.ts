import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Passport } from './passport.js';
import type { Services } from '../services.js';
import type { WebContext } from '../routes.js';
import type { LoginInfo } from './passport.js';
import { fieldText } from '../lib/form-flow.js';
import { flash } from '../middleware/flash.js';
import { requireLogin } from '../middleware/require-role.js';
import { SESSION_COOKIE, startSession } from '../middleware/session.js';
import { parseForm, type FieldErrors } from '../lib/forms.js';
import { ValidationError } from '../errors.js';
import { passwordRulesText } from './password-policy.js';
import { sessionHandle } from './sessions.service.js';

const loginSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名不能超过64个字符'),
  password: z.string().min(1, '请输入密码').max(128, '密码不能超过128位'),
});

const passwordSchema = z
  .object({
    currentPassword: z.string().min(1, '请输入当前密码').max(128, '密码不能超过128位'),
    newPassword: z.string().min(1, '请输入新密码').max(128, '密码不能超过128位'),
    confirmPassword: z.string().min(1, '请再次输入新密码'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: '两次输入的新密码不一致', path: ['confirmPassword'] });

/** Only same-site paths are followed after login. */
export function safeReturnTo(to: unknown): string {
  return typeof to === 'string' && /^\/(?![/\\])/.test(to) && !to.startsWith('/login') && to.length < 2000 ? to : '/';
}

const ENDED: Record<string, string> = {
  absolute: '登录时间已达上限，为安全起见请重新登录。',
  idle: '长时间未操作，已自动退出，请重新登录。',
};

export function authRoutes(services: Services, passport: Passport, web: WebContext): Router {
  const router = Router();
  const { csrf } = web;

  const renderLogin = (req: Request, res: Response, status: number, extra: { errors?: FieldErrors; username?: string; next?: string }) => {
    res.set('Cache-Control', 'no-store');
    res.status(status).render('auth/login', {
      title: '登录',
      errors: extra.errors ?? {},
      values: { username: extra.username ?? '' },
      next: extra.next ?? '',
      notice: typeof req.query.ended === 'string' ? (ENDED[req.query.ended] ?? '') : '',
      csrfToken: csrf.loginToken(req, res),
    });
  };

  router.get('/login', (req, res) => {
    if (req.user) return res.redirect(303, '/');
    renderLogin(req, res, 200, { next: safeReturnTo(req.query.next) === '/' ? '' : safeReturnTo(req.query.next) });
  });

  router.post('/login', (req, res, next) => {
    const form = parseForm(loginSchema, req.body);
    const username = fieldText(req.body, 'username').slice(0, 64);
    const returnTo = safeReturnTo(fieldText(req.body, 'next'));
    const keep = { username, next: returnTo === '/' ? '' : returnTo };
    if (!form.ok) return renderLogin(req, res, 422, { ...keep, errors: form.errors });
    const authenticate = passport.authenticate('local', (err: unknown, user: Express.User | false, info?: LoginInfo) => {
      if (err) return next(err);
      if (!user) {
        const refused = info?.reason === 'throttled' || info?.reason === 'locked' || info?.reason === 'slowed';
        if (refused && info.retryAfterSeconds) res.set('Retry-After', String(info.retryAfterSeconds));
        if (info?.reason === 'throttled') {
          res.set('Cache-Control', 'no-store');
          return res.status(429).render('auth/throttled', { title: '登录尝试过多', message: info.message });
        }
        return renderLogin(req, res, refused ? 429 : 401, { ...keep, errors: { _form: info?.message ?? '用户名或密码不正确。' } });
      }
      // passport ≥ 0.6 regenerates the session id here (session fixation).
      req.logIn(user, (loginErr) => {
        if (loginErr) return next(loginErr);
        startSession(req, { now: web.clock, policies: services.policies })
          .then(() => {
            csrf.clearLoginToken(res);
            res.redirect(303, user.passwordChange ? '/account/password' : returnTo);
          })
          .catch(next);
      });
    }) as RequestHandler;
    authenticate(req, res, next);
  });

  router.post('/logout', (req, res, next) => {
    const user = req.user;
    req.logout((err) => {
      if (err) return next(err);
      const done = () =>
        req.session.destroy(() => {
          res.clearCookie(SESSION_COOKIE);
          res.redirect(303, '/login');
        });
      if (!user) return done();
      services.audit.record(user, { action: 'logout', entity: 'User', entityId: user.id, ip: req.ip }).then(done).catch(next);
    });
  });

  const renderPassword = async (req: Request, res: Response, status: number, errors: FieldErrors = {}) => {
    const policy = await services.policies.get();
    res.status(status).render('auth/password', {
      title: '修改密码',
      errors,
      rules: passwordRulesText(policy),
      reason: req.user!.passwordChange ?? null,
      maxAgeDays: policy.passwordMaxAgeDays,
    });
  };

  router.get('/account/password', requireLogin, async (req, res) => {
    await renderPassword(req, res, 200);
  });

  router.post('/account/password', requireLogin, async (req, res) => {
    const form = parseForm(passwordSchema, req.body);
    if (!form.ok) return renderPassword(req, res, 422, form.errors);
    try {
      await services.auth.changePassword(req.user!, form.data.currentPassword, form.data.newPassword, req.sessionID, req.ip);
    } catch (e) {
      if (e instanceof ValidationError) return renderPassword(req, res, 422, e.fieldErrors);
      throw e;
    }
    flash(req, 'success', '密码已修改。其他设备上的登录已退出。');
    res.redirect(303, '/');
  });

  // ── 登录设备: the user's own sessions ──

  router.get('/account/sessions', requireLogin, async (req, res) => {
    const sessions = await services.sessions.list(req.user!, req.sessionID);
    res.render('auth/sessions', {
      title: '登录设备',
      sessions: sessions.map((s) => ({ ...s, handle: sessionHandle(s.sid), sid: undefined })),
    });
  });

  router.post('/account/sessions/end-others', requireLogin, async (req, res) => {
    const count = await services.sessions.endOthers(req.user!, req.sessionID, req.ip);
    flash(req, 'success', count ? `已退出其他${count}处登录。` : '没有其他设备上的登录。');
    res.redirect(303, '/account/sessions');
  });

  router.post('/account/sessions/:handle/end', requireLogin, async (req, res) => {
    await services.sessions.end(req.user!, String(req.params.handle), req.sessionID, req.ip);
    flash(req, 'success', '已退出该设备上的登录。');
    res.redirect(303, '/account/sessions');
  });

  return router;
}
