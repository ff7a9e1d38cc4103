import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { Services } from '../../services.js';
import { DOMAIN_ROLES, requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { parseForm, parseId, type FieldErrors } from '../../lib/forms.js';
import { HttpError, ValidationError } from '../../errors.js';
import { ACTIONS, rolesFor, type ActionName } from './suggestions.workflow.js';
import {
  assignSchema,
  assistOpinionSchema,
  bulkAssignSchema,
  contactSchema,
  decideExtensionSchema,
  extensionSchema,
  keySchema,
  mergeSchema,
  noteSchema,
  publicSchema,
  rateSchema,
  reasonSchema,
  replySchema,
  suggestionFilterSchema,
  suggestionFormSchema,
  superviseSchema,
  updateSchema,
  versionSchema,
} from './suggestions.schemas.js';
import { ledgerWorkbook } from './suggestions.export.js';
import { fieldsOf, submitted, fieldText } from '../../lib/form-flow.js';

/** Each workflow action: its URL segment and the schema of its form. */
const ACTION_ROUTES: Record<ActionName, { path: string; schema: z.ZodType }> = {
  submit: { path: 'submit', schema: noteSchema },
  accept: { path: 'accept', schema: noteSchema },
  return: { path: 'return', schema: reasonSchema },
  merge: { path: 'merge', schema: mergeSchema },
  toReference: { path: 'to-reference', schema: reasonSchema },
  assign: { path: 'assign', schema: assignSchema },
  sign: { path: 'sign', schema: noteSchema },
  returnAssignment: { path: 'return-assignment', schema: reasonSchema },
  logContact: { path: 'contacts', schema: contactSchema },
  assistOpinion: { path: 'assist-opinions', schema: assistOpinionSchema },
  requestExtension: { path: 'extension-requests', schema: extensionSchema },
  decideExtension: { path: 'extension-decision', schema: decideExtensionSchema },
  reply: { path: 'reply', schema: replySchema },
  rate: { path: 'rate', schema: rateSchema },
  implementationUpdate: { path: 'implementation-updates', schema: updateSchema },
  markImplemented: { path: 'mark-implemented', schema: noteSchema },
  confirm: { path: 'confirm', schema: noteSchema },
  setKey: { path: 'key', schema: keySchema },
  supervise: { path: 'supervisions', schema: superviseSchema },
  setPublic: { path: 'public', schema: publicSchema },
};

export function suggestionsRoutes(services: Services): Router {
  const router = Router();
  const { suggestions } = services;
  const canRead = requireRole(...DOMAIN_ROLES);
  const canPropose = requireRole('DEPUTY', 'STAFF');

  async function formOptions(req: Request) {
    const user = req.user!;
    const [deputies, units, presidium] = await Promise.all([
      services.deputies.options(user),
      services.units.options(user),
      services.units.presidiumOptions(user),
    ]);
    return { deputies, units, presidium };
  }

  async function renderShow(
    req: Request,
    res: Response,
    id: number,
    status = 200,
    extra: { errors?: FieldErrors; values?: unknown; openAction?: string; actionError?: string } = {},
  ) {
    const s = await suggestions.get(req.user!, id);
    const options = await formOptions(req);
    res.status(status).render('suggestions/show', {
      title: s.title,
      s,
      ...options,
      actionRoutes: Object.fromEntries(Object.entries(ACTION_ROUTES).map(([k, v]) => [k, v.path])),
      actionLabels: Object.fromEntries(Object.entries(ACTIONS).map(([k, v]) => [k, v.label])),
      errors: extra.errors ?? {},
      values: extra.values ?? {},
      openAction: extra.openAction ?? '',
      actionError: extra.actionError ?? '',
    });
  }

  async function renderForm(
    req: Request,
    res: Response,
    status: number,
    locals: { s?: { id: number; version: number; title: string } | null; values: unknown; errors: FieldErrors; opinion?: unknown },
  ) {
    res.status(status).render('suggestions/form', {
      title: locals.s ? `修改建议：${locals.s.title}` : req.user!.role === 'STAFF' ? '代为登记代表建议' : '提出建议',
      ...(await formOptions(req)),
      s: locals.s ?? null,
      opinion: locals.opinion ?? null,
      values: locals.values,
      errors: locals.errors,
    });
  }

  // ── Lists ──
  router.get('/suggestions', canRead, async (req, res) => {
    const filter = suggestionFilterSchema.parse(req.query);
    const [page, years, counts, units, deputies] = await Promise.all([
      suggestions.list(req.user!, filter),
      suggestions.years(req.user!),
      suggestions.tabCounts(req.user!, filter),
      req.user!.role === 'STAFF' || req.user!.role === 'PRESIDIUM' ? services.units.options(req.user!) : Promise.resolve([]),
      req.user!.role === 'STAFF' || req.user!.role === 'PRESIDIUM' ? services.deputies.options(req.user!) : Promise.resolve([]),
    ]);
    res.render('suggestions/index', { title: '代表建议', page, filter, years, counts, units, deputies });
  });

  router.get('/suggestions/export.xlsx', requireRole('STAFF', 'PRESIDIUM', 'UNIT'), async (req, res) => {
    const filter = suggestionFilterSchema.parse(req.query);
    const rows = await suggestions.listAll(req.user!, filter);
    const book = ledgerWorkbook(rows, filter.year);
    const name = `代表建议台账${filter.year ? `-${filter.year}年` : ''}.xlsx`;
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="suggestions.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    res.send(Buffer.from(await book.xlsx.writeBuffer()));
  });

  router.get('/suggestions/stats', requireRole('STAFF', 'PRESIDIUM'), async (req, res) => {
    const years = await suggestions.years(req.user!);
    const year = Number(req.query.year) || years[0] || new Date().getFullYear();
    const stats = await services.suggestionStats.forYear(req.user!, year);
    res.render('suggestions/stats', { title: `${year}年代表建议办理统计`, stats, years, year });
  });

  router.post('/suggestions/bulk-assign', requireRole('STAFF'), async (req, res) => {
    const form = parseForm(bulkAssignSchema, req.body);
    if (!form.ok) {
      flash(req, 'error', Object.values(form.errors).join('；'));
      return res.redirect(303, '/suggestions?status=ACCEPTED');
    }
    try {
      const done = await suggestions.assignMany(req.user!, form.data.ids, form.data);
      flash(req, 'success', `已批量交办 ${done.length} 件建议：${done.join('、')}。`);
    } catch (e) {
      if (!(e instanceof HttpError) || e.status >= 500) throw e;
      flash(req, 'error', e instanceof ValidationError ? Object.values(e.fieldErrors).join('；') : e.message);
    }
    res.redirect(303, '/suggestions?status=ACCEPTED');
  });

  // ── 提出 ──
  router.get('/suggestions/new', canPropose, async (req, res) => {
    const opinionId = Number(req.query.fromOpinion) || undefined;
    const opinion = opinionId ? await suggestions.opinionDraft(req.user!, opinionId) : null;
    const values = opinion
      ? {
          title: opinion.title,
          content: opinion.content,
          category: opinion.category,
          leadDeputyId: opinion.deputyId ? String(opinion.deputyId) : '',
          opinionId: String(opinion.id),
          coSignerIds: [],
        }
      : { coSignerIds: [] };
    await renderForm(req, res, 200, { values, errors: {}, opinion });
  });

  router.post('/suggestions', canPropose, async (req, res) => {
    const form = parseForm(suggestionFormSchema, req.body);
    // Keep the “from a voter's opinion” banner when the form comes back with errors.
    const opinionId = fieldText(req.body, 'opinionId');
    const opinion = opinionId ? { id: Number(opinionId) } : null;
    const again = async (errors: FieldErrors) =>
      renderForm(req, res, 422, { values: submitted(req.body, fieldsOf(suggestionFormSchema)), errors, opinion });
    if (!form.ok) return again(form.errors);
    try {
      const s = await suggestions.create(req.user!, form.data);
      flash(req, 'success', form.data.intent === 'submit' ? '建议已提交，等待镇人大工作人员审查。' : '草稿已保存，可以继续修改后再提交。');
      res.redirect(303, `/suggestions/${s.id}`);
    } catch (e) {
      if (e instanceof ValidationError) return again(e.fieldErrors);
      throw e;
    }
  });

  // ── Public results (代表法第四十二条): no login, no contact data ──
  router.get('/public/suggestions', async (req, res) => {
    const year = Number(req.query.year) || undefined;
    const page = Math.max(1, Number(req.query.page) || 1);
    const list = await services.suggestionStats.publicList(year, page);
    res.render('suggestions/public-index', { title: '代表建议办理结果公开', ...list, year });
  });
  router.get('/public/suggestions/:id', async (req, res) => {
    const s = await services.suggestionStats.publicOne(parseId(req.params.id));
    res.render('suggestions/public-show', { title: s.title, s });
  });

  // ── One suggestion ──
  router.get('/suggestions/:id', canRead, async (req, res) => {
    await renderShow(req, res, parseId(req.params.id));
  });

  router.get('/suggestions/:id/print', requireRole('STAFF', 'PRESIDIUM', 'UNIT', 'DEPUTY'), async (req, res) => {
    const s = await suggestions.get(req.user!, parseId(req.params.id));
    res.render('suggestions/print', { title: `代表建议办理单 ${s.code}`, s });
  });

  router.get('/suggestions/:id/edit', canPropose, async (req, res) => {
    const s = await suggestions.get(req.user!, parseId(req.params.id));
    if (!s.canEdit) return res.redirect(303, `/suggestions/${s.id}`);
    const values = {
      title: s.title,
      content: s.content,
      category: s.category,
      leadDeputyId: String(s.leadDeputyId),
      coSignerIds: s.coSigners.map((c) => String(c.deputy.id)),
    };
    await renderForm(req, res, 200, { s, values, errors: {} });
  });

  router.post('/suggestions/:id', canPropose, async (req, res) => {
    const id = parseId(req.params.id);
    const s = await suggestions.get(req.user!, id);
    const { version } = versionSchema.parse(req.body);
    const form = parseForm(suggestionFormSchema, req.body);
    const again = async (errors: FieldErrors) =>
      renderForm(req, res, 422, { s, values: submitted(req.body, fieldsOf(suggestionFormSchema)), errors });
    if (!form.ok) return again(form.errors);
    try {
      await suggestions.updateDraft(req.user!, id, form.data, version);
    } catch (e) {
      if (e instanceof ValidationError) return again(e.fieldErrors);
      throw e;
    }
    flash(req, 'success', form.data.intent === 'submit' ? '建议已提交。' : '草稿已保存。');
    res.redirect(303, `/suggestions/${id}`);
  });

  // ── Workflow actions: POST /suggestions/:id/<action> ──
  for (const [action, { path, schema }] of Object.entries(ACTION_ROUTES) as Array<[ActionName, (typeof ACTION_ROUTES)[ActionName]]>) {
    router.post(`/suggestions/:id/${path}`, requireRole(...rolesFor(action)), async (req, res) => {
      const id = parseId(req.params.id);
      const { version } = versionSchema.parse(req.body);
      const form = parseForm(schema, req.body);
      if (!form.ok)
        return renderShow(req, res, id, 422, { errors: form.errors, values: submitted(req.body, fieldsOf(schema)), openAction: action });
      try {
        await suggestions.fire(req.user!, id, action, form.data as never, version);
      } catch (e) {
        if (e instanceof ValidationError)
          return renderShow(req, res, id, 422, {
            errors: e.fieldErrors,
            values: submitted(req.body, fieldsOf(schema)),
            openAction: action,
          });
        if (e instanceof HttpError && (e.status === 409 || e.status === 403)) {
          return renderShow(req, res, id, e.status, { actionError: e.message });
        }
        throw e;
      }
      flash(req, 'success', `已${ACTIONS[action].label}。`);
      res.redirect(303, `/suggestions/${id}`);
    });
  }

  return router;
}
