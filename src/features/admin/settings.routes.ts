import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { parseForm, parseId, type FieldErrors } from '../../lib/forms.js';
import { orRender, submitted } from '../../lib/form-flow.js';
import { DEFAULT_POLICY, POLICY_BOUNDS } from '../../auth/password-policy.js';
import { THROTTLE_BLOCK_MINUTES, THROTTLE_FAILURES, THROTTLE_WINDOW_MINUTES, ACCOUNT_SLOWDOWN_AFTER } from '../../auth/login-guard.js';
import { securityPolicySchema, townshipSchema, unitSchema } from './admin.schemas.js';

const UNIT_FIELDS = ['name', 'contactPerson', 'phone'] as const;
const TOWNSHIP_FIELDS = ['name', 'county', 'portalUrl', 'contactPhone'] as const;
const POLICY_FIELDS = Object.keys(DEFAULT_POLICY);

const unlockSchema = z.object({ username: z.string().trim().min(1).max(64) });
const unthrottleSchema = z.object({ address: z.string().trim().min(1).max(64) });

/** Handling units and township settings (system administrator); security settings and unlocking (security administrator). */
export function settingsRoutes(services: Services): Router {
  const router = Router();
  const { admin } = services;
  const sysadmin = requireRole('SYSADMIN');
  const secadmin = requireRole('SECADMIN');

  // ── 承办单位 ──

  router.get('/admin/units', sysadmin, async (req, res) => {
    res.render('admin/units/index', { title: '承办单位', units: await admin.units.list(req.user!) });
  });

  const renderUnit = (res: Response, status: number, unit: { id: number; name: string } | null, values: unknown, errors: FieldErrors) =>
    res.status(status).render('admin/units/form', { title: unit ? `编辑承办单位：${unit.name}` : '新增承办单位', unit, values, errors });

  router.get('/admin/units/new', sysadmin, (_req, res) => renderUnit(res, 200, null, {}, {}));

  router.post('/admin/units', sysadmin, async (req, res) => {
    const values = submitted(req.body, UNIT_FIELDS);
    const form = parseForm(unitSchema, req.body);
    if (!form.ok) return renderUnit(res, 422, null, values, form.errors);
    const ok = await orRender(
      () => admin.units.create(req.user!, form.data, req.ip),
      (errors) => renderUnit(res, 422, null, values, errors),
    );
    if (!ok) return;
    flash(req, 'success', `已新增承办单位“${form.data.name}”。`);
    res.redirect(303, '/admin/units');
  });

  router.get('/admin/units/:id/edit', sysadmin, async (req, res) => {
    const unit = await admin.units.get(req.user!, parseId(req.params.id));
    renderUnit(res, 200, unit, unit, {});
  });

  router.post('/admin/units/:id', sysadmin, async (req, res) => {
    const unit = await admin.units.get(req.user!, parseId(req.params.id));
    const values = submitted(req.body, UNIT_FIELDS);
    const form = parseForm(unitSchema, req.body);
    if (!form.ok) return renderUnit(res, 422, unit, values, form.errors);
    const ok = await orRender(
      () => admin.units.update(req.user!, unit.id, form.data, req.ip),
      (errors) => renderUnit(res, 422, unit, values, errors),
    );
    if (!ok) return;
    flash(req, 'success', '承办单位信息已保存。');
    res.redirect(303, '/admin/units');
  });

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    router.post(`/admin/units/:id/${path}`, sysadmin, async (req, res) => {
      const id = parseId(req.params.id);
      await admin.units.setActive(req.user!, id, active, req.ip);
      flash(req, 'success', active ? '承办单位已启用。' : '承办单位已停用：不再出现在交办的单位列表中，已有记录不受影响。');
      res.redirect(303, '/admin/units');
    });
  }

  // ── 镇设置 ──

  const renderTownship = (res: Response, status: number, values: unknown, errors: FieldErrors) =>
    res.status(status).render('admin/township', { title: '镇设置', values, errors });

  router.get('/admin/township', sysadmin, async (req, res) => {
    renderTownship(res, 200, await admin.township.get(req.user!), {});
  });

  router.post('/admin/township', sysadmin, async (req, res) => {
    const values = submitted(req.body, TOWNSHIP_FIELDS);
    const form = parseForm(townshipSchema, req.body);
    if (!form.ok) return renderTownship(res, 422, values, form.errors);
    const ok = await orRender(
      () => admin.township.update(req.user!, form.data, req.ip),
      (errors) => renderTownship(res, 422, values, errors),
    );
    if (!ok) return;
    flash(req, 'success', '镇设置已保存。');
    res.redirect(303, '/admin/township');
  });

  // ── 安全策略 ──

  const renderSecurity = (res: Response, status: number, values: unknown, errors: FieldErrors) =>
    res.status(status).render('admin/security', {
      title: '安全策略',
      values,
      errors,
      bounds: POLICY_BOUNDS,
      fixed: { THROTTLE_FAILURES, THROTTLE_WINDOW_MINUTES, THROTTLE_BLOCK_MINUTES, ACCOUNT_SLOWDOWN_AFTER },
    });

  router.get('/admin/security', secadmin, async (_req, res) => {
    renderSecurity(res, 200, await services.policies.get(), {});
  });

  router.post('/admin/security', secadmin, async (req: Request, res) => {
    const values = submitted(req.body, POLICY_FIELDS);
    const form = parseForm(securityPolicySchema, req.body);
    if (!form.ok) return renderSecurity(res, 422, values, form.errors);
    await services.policies.update(req.user!, form.data, req.ip);
    flash(req, 'success', '安全策略已保存，即时生效。');
    res.redirect(303, '/admin/security');
  });

  // ── 账号解锁 ──

  router.get('/admin/locks', secadmin, async (req, res) => {
    res.render('admin/locks', { title: '账号解锁', ...(await admin.locks.overview(req.user!)) });
  });

  router.post('/admin/locks/unlock', secadmin, async (req, res) => {
    const form = parseForm(unlockSchema, req.body);
    const done = form.ok && (await admin.locks.unlock(req.user!, form.data.username, req.ip));
    flash(req, done ? 'success' : 'info', done ? `已解锁账号“${form.data.username}”。` : '该账号当前没有被锁定。');
    res.redirect(303, '/admin/locks');
  });

  router.post('/admin/locks/unthrottle', secadmin, async (req, res) => {
    const form = parseForm(unthrottleSchema, req.body);
    if (form.ok) await admin.locks.unthrottle(req.user!, form.data.address, req.ip);
    flash(req, 'success', form.ok ? `已解除对地址 ${form.data.address} 的登录限制。` : '地址不正确。');
    res.redirect(303, '/admin/locks');
  });

  return router;
}
