import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { parseForm, parseId, type FieldErrors } from '../../lib/forms.js';
import { orRender, submitted } from '../../lib/form-flow.js';
import { toDateInput } from '../../lib/format.js';
import { byVillage } from '../../lib/by-village.js';
import { contactWayLabels, options } from '../../lib/labels.js';
import { assignSchema, CONTACT_FIELDS, contactSchema } from './liaison.schemas.js';

export function liaisonRoutes(services: Services): Router {
  const router = Router();
  const { liaison } = services;
  const presidium = requireRole('PRESIDIUM');
  const staff = requireRole('STAFF');

  const renderMine = async (req: Request, res: Response, status: number, values: Record<string, unknown>, errors: FieldErrors) => {
    const mine = await liaison.mine(req.user!);
    res.status(status).render('liaison/mine', {
      title: '我联系的代表',
      ...mine,
      deputyOptions: mine.deputies.map((d) => ({ value: String(d.id), label: `${d.name}（${d.village || '—'}）` })),
      wayOptions: options(contactWayLabels),
      values,
      errors,
    });
  };

  router.get('/me/deputies', presidium, async (req, res) => {
    await renderMine(req, res, 200, { date: toDateInput(services.now()), way: 'MEETING' }, {});
  });

  router.post('/me/deputies/contacts', presidium, async (req, res) => {
    const values = submitted(req.body, CONTACT_FIELDS);
    const form = parseForm(contactSchema, req.body);
    if (!form.ok) return renderMine(req, res, 422, values, form.errors);
    const ok = await orRender(
      () => liaison.log(req.user!, form.data),
      (errors) => renderMine(req, res, 422, values, errors),
    );
    if (!ok) return;
    flash(req, 'success', '已记录这次联系。');
    res.redirect(303, '/me/deputies');
  });

  router.get('/liaison', staff, async (req, res) => {
    const [members, deputies] = await Promise.all([liaison.overview(req.user!), services.deputies.options(req.user!)]);
    res.render('liaison/index', { title: '主席团联系代表', members, groups: byVillage(deputies) });
  });

  router.post('/liaison/:id', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const form = parseForm(assignSchema, req.body);
    await liaison.assign(req.user!, id, form.ok ? form.data.deputyIds : []);
    flash(req, 'success', '已保存联系代表名单。');
    res.redirect(303, `/liaison#member-${id}`);
  });

  return router;
}
