import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { grantReveal, takeReveal } from '../../lib/reveal.js';
import { parseId, parseForm, type FieldErrors } from '../../lib/forms.js';
import { toDateInput } from '../../lib/format.js';
import { submitted, fieldText, orRender } from '../../lib/form-flow.js';
import { deputyFilterSchema, deputyFormSchema, pickerQuerySchema, POLITICAL_AFFILIATIONS, terminateSchema } from './deputies.schemas.js';
import type { DeputyDetail } from './deputies.service.js';
import { deputiesImportRoutes } from './deputies.import.routes.js';
import { z } from 'zod';
import { canManageDeputies } from './deputies.policy.js';

const recordYearSchema = z.coerce.number().int().min(2000).max(2100).optional().catch(undefined);

const FORM_FIELDS = [
  'name',
  'gender',
  'ethnicity',
  'birthYear',
  'politicalAffiliation',
  'occupation',
  'workplace',
  'district',
  'village',
  'phone',
  'termStart',
] as const;

function valuesOf(d: DeputyDetail) {
  return {
    name: d.name,
    gender: d.gender,
    ethnicity: d.ethnicity,
    birthYear: d.birthYear ?? '',
    politicalAffiliation: d.politicalAffiliation,
    occupation: d.occupation,
    workplace: d.workplace,
    district: d.district,
    village: d.village,
    phone: d.phone,
    termStart: toDateInput(d.termStart),
    levels: d.levels.map((l) => l.level),
  };
}

export function deputiesRoutes(services: Services): Router {
  const router = Router();
  const { deputies } = services;
  const office = requireRole('STAFF', 'PRESIDIUM');
  const staff = requireRole('STAFF');
  router.use(deputiesImportRoutes(services));

  const renderForm = (res: Response, status: number, locals: { deputy?: DeputyDetail; values: unknown; errors: FieldErrors }) =>
    res.status(status).render('deputies/form', {
      title: locals.deputy ? `编辑代表：${locals.deputy.name}` : '登记代表',
      politicalAffiliations: POLITICAL_AFFILIATIONS,
      ...locals,
      deputy: locals.deputy ?? null,
    });

  // The deputy picker's search (partials/deputy-picker.ejs, public/js/deputy-picker.js): JSON.
  router.get('/deputies/options.json', requireRole('STAFF', 'PRESIDIUM', 'DEPUTY'), async (req, res) => {
    const { q, limit } = pickerQuerySchema.parse(req.query);
    res.json(await deputies.search(req.user!, q, limit));
  });

  router.get('/deputies', office, async (req, res) => {
    const filter = deputyFilterSchema.parse(req.query);
    const [page, villages, counts] = await Promise.all([
      deputies.list(req.user!, filter),
      deputies.villages(req.user!),
      deputies.levelCounts(req.user!),
    ]);
    res.render('deputies/index', { title: '代表名册', page, filter, villages, counts });
  });

  router.get('/deputies/new', staff, (_req, res) => {
    renderForm(res, 200, { values: { ethnicity: '汉族', politicalAffiliation: '群众', levels: ['TOWN'] }, errors: {} });
  });

  router.post('/deputies', staff, async (req: Request, res) => {
    const again = (errors: FieldErrors) => renderForm(res, 422, { values: submitted(req.body, [...FORM_FIELDS, 'levels']), errors });
    const form = parseForm(deputyFormSchema, req.body);
    if (!form.ok) return again(form.errors);
    const created = await orRender(() => deputies.create(req.user!, form.data), again);
    if (!created) return;
    flash(req, 'success', `已登记代表“${created.value.name}”。`);
    res.redirect(303, `/deputies/${created.value.id}`);
  });

  /** The record's page; the phone masked unless just revealed (显示完整号码: a POST, audited, then back here). */
  router.get('/deputies/:id', requireRole('STAFF', 'PRESIDIUM', 'DEPUTY'), async (req, res) => {
    const id = parseId(req.params.id);
    const record = await services.records.forDeputy(req.user!, id, recordYearSchema.parse(req.query.year));
    const { phone, canReveal } = deputies.phoneFor(req.user!, record.deputy, takeReveal(req, `deputy:${id}`));
    res.render('deputies/show', {
      title: record.deputy.name,
      deputy: { ...record.deputy, phone },
      record,
      canManage: canManageDeputies(req.user!),
      canReveal,
      errors: {},
      values: {},
    });
  });
  router.post('/deputies/:id/reveal-phone', office, async (req, res) => {
    const id = parseId(req.params.id);
    const record = await services.records.forDeputy(req.user!, id, recordYearSchema.parse(req.query.year));
    await deputies.revealPhone(req.user!, record.deputy, req.ip);
    await grantReveal(req, `deputy:${id}`);
    res.redirect(303, `/deputies/${id}`);
  });

  /** 代表年度履职报告: one deputy, one year, on A4. */
  router.get('/deputies/:id/record', requireRole('STAFF', 'PRESIDIUM', 'DEPUTY'), async (req, res) => {
    const record = await services.records.forDeputy(req.user!, parseId(req.params.id), recordYearSchema.parse(req.query.year));
    res.render('records/print', { title: `${record.deputy.name} ${record.year}年度履职报告`, record, printedOn: services.now() });
  });

  router.get('/deputies/:id/edit', staff, async (req, res) => {
    const deputy = await deputies.get(req.user!, parseId(req.params.id));
    renderForm(res, 200, { deputy, values: valuesOf(deputy), errors: {} });
  });

  router.post('/deputies/:id', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const deputy = await deputies.get(req.user!, id);
    const again = (errors: FieldErrors) =>
      renderForm(res, 422, { deputy, values: submitted(req.body, [...FORM_FIELDS, 'levels']), errors });
    const form = parseForm(deputyFormSchema, req.body);
    if (!form.ok) return again(form.errors);
    if (!(await orRender(() => deputies.update(req.user!, id, form.data), again))) return;
    flash(req, 'success', '代表信息已保存。');
    res.redirect(303, `/deputies/${id}`);
  });

  router.post('/deputies/:id/terminate', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const form = parseForm(terminateSchema, req.body);
    const renderShow = async (errors: FieldErrors) => {
      const record = await services.records.forDeputy(req.user!, id);
      const { phone, canReveal } = deputies.phoneFor(req.user!, record.deputy);
      const deputy = { ...record.deputy, phone };
      const values = { termEnd: fieldText(req.body, 'termEnd'), statusNote: fieldText(req.body, 'statusNote') };
      res.status(422).render('deputies/show', { title: deputy.name, deputy, record, canManage: true, canReveal, errors, values });
    };
    if (!form.ok) return renderShow(form.errors);
    if (!(await orRender(() => deputies.terminate(req.user!, id, form.data), renderShow))) return;
    flash(req, 'success', '已终止该代表的代表资格，其履职记录仍然保留。');
    res.redirect(303, `/deputies/${id}`);
  });

  router.post('/deputies/:id/reinstate', staff, async (req, res) => {
    const id = parseId(req.params.id);
    await deputies.reinstate(req.user!, id);
    flash(req, 'success', '已恢复该代表的在任状态。');
    res.redirect(303, `/deputies/${id}`);
  });

  return router;
}
