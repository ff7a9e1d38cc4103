import { fieldText } from '../lib/form-flow.js';
import { Router, type RequestHandler } from 'express';
import type { Passport } from './passport.js';
import { z } from 'zod';
import type { Services } from '../services.js';
import { flash } from '../middleware/flash.js';
import { requireLogin } from '../middleware/require-role.js';
import { parseForm } from '../lib/forms.js';
import { ValidationError } from '../errors.js';

const loginSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

/** Only same-site paths are followed after login. */
function safeReturnTo(to: string | undefined): string {
  return to && to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/login') ? to : '/';
}

export function authRoutes(services: Services, passport: Passport): Router {
  const router = Router();

  router.get('/login', (req, res) => {
    if (req.user) return res.redirect(303, '/');
    res.render('auth/login', { title: '登录' });
  });

  router.post('/login', (req, res, next) => {
    const form = parseForm(loginSchema, req.body);
    const values = { username: fieldText(req.body, 'username') };
    if (!form.ok) {
      return res.status(422).render('auth/login', { title: '登录', errors: form.errors, values });
    }
    const returnTo = req.session.returnTo;
    const authenticate = passport.authenticate('local', (err: unknown, user: Express.User | false, info?: { message?: string }) => {
      if (err) return next(err);
      if (!user) {
        return res.status(401).render('auth/login', {
          title: '登录',
          errors: { _form: info?.message ?? '用户名或密码不正确。' },
          values,
        });
      }
      // passport ≥ 0.6 regenerates the session id here (session fixation).
      req.logIn(user, (loginErr) => {
        if (loginErr) return next(loginErr);
        res.redirect(303, safeReturnTo(returnTo));
      });
    }) as RequestHandler;
    authenticate(req, res, next);
  });

  router.post('/logout', (req, res, next) => {
    const user = req.user;
    req.logout((err) => {
      if (err) return next(err);
      if (user) void services.audit.record(user, { action: 'logout', entity: 'User', entityId: user.id, ip: req.ip });
      req.session.destroy(() => {
        res.clearCookie('renda.sid');
        res.redirect(303, '/login');
      });
    });
  });

  router.get('/account/password', requireLogin, (_req, res) => {
    res.render('auth/password', { title: '修改密码' });
  });

  const passwordSchema = z
    .object({
      currentPassword: z.string().min(1, '请输入当前密码'),
      newPassword: z.string().min(1, '请输入新密码'),
      confirmPassword: z.string().min(1, '请再次输入新密码'),
    })
    .refine((v) => v.newPassword === v.confirmPassword, { message: '两次输入的新密码不一致', path: ['confirmPassword'] });

  router.post('/account/password', requireLogin, async (req, res) => {
    const form = parseForm(passwordSchema, req.body);
    if (!form.ok) return res.status(422).render('auth/password', { title: '修改密码', errors: form.errors });
    try {
      await services.auth.changePassword(req.user!, form.data.currentPassword, form.data.newPassword, req.sessionID);
    } catch (e) {
      if (e instanceof ValidationError) {
        return res.status(422).render('auth/password', { title: '修改密码', errors: e.fieldErrors });
      }
      throw e;
    }
    flash(req, 'success', '密码已修改。');
    res.redirect(303, '/');
  });

  return router;
}
