import { Router, type Request, type Response } from 'express';
import { defaultYear } from '../../lib/years.js';
import type { Services } from '../../services.js';
import { DOMAIN_ROLES, requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { parseForm, parseId, type FieldErrors } from '../../lib/forms.js';
import { fieldsOf, fieldText, orRender, submitted } from '../../lib/form-flow.js';
import { streamFile } from '../../lib/download.js';
import { matchesName, pinyinKeys } from '../../lib/pinyin.js';
import { isOffice } from '../../auth/current-user.js';
import { ACTIONS, RULES, eventLabel, rolesFor, type ActionName } from './suggestions.workflow.js';
import { registersForDeputy } from './suggestions.policy.js';
import {
  actionPaths,
  actionSchemas,
  bulkAssignSchema,
  suggestionFilterSchema,
  suggestionFormFor,
  versionSchema,
  type ActionInput,
  type SuggestionFilter,
} from './suggestions.schemas.js';
import { townshipLedger } from './suggestions.export.js';
import { cachedPage, minuteKeys, renderView, sendPage } from '../../lib/cached.js';
import { LIST_PAGE_TABLES } from './suggestions.queries.js';

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

  /** The list; with `bulk` the bulk-assign form comes back with its errors and values. */
  async function renderList(req: Request, res: Response, filter: SuggestionFilter, bulk?: { errors: FieldErrors; values: unknown }) {
    const user = req.user!;
    const render = async () => {
      // The deputy filter is a picker with search (partials/deputy-picker): only the chosen deputy is loaded.
      const [page, years, counts, units, deputy] = await Promise.all([
        suggestions.list(user, filter),
        suggestions.years(user),
        suggestions.tabCounts(user, filter),
        isOffice(user) ? services.units.options(user) : Promise.resolve([]),
        isOffice(user) ? services.deputies.option(user, filter.deputy) : Promise.resolve(null),
      ]);
      const locals = { user, page, filter, years, counts, units, deputy, rules: RULES };
      const body = await renderView(
        req,
        'suggestions/index',
        { ...locals, errors: bulk?.errors ?? {}, values: bulk?.values ?? {} },
        { forms: true },
      );
      return { title: '代表建议', body };
    };
    // Staff open the same lists all day between changes: each user's page of a filter is rendered
    // once per change and minute (the rows show 逾期 and the like by the minute); while a new
    // minute's page is rendered, the last minute's is served if nothing has changed since.
    if (bulk) return sendPage(res, await render(), 422);
    const { key, previousKey } = suggestions.listKeys('html', user, filter);
    sendPage(res, await cachedPage(services.db, key, LIST_PAGE_TABLES, 60_000, render, previousKey));
  }

  async function renderShow(
    req: Request,
    res: Response,
    id: number,
    status = 200,
    extra: { errors?: FieldErrors; values?: unknown; openAction?: ActionName; actionError?: string } = {},
  ) {
    const user = req.user!;
    const render = async () => {
      // The action forms choose units and presidium members, never deputies.
      const [s, units, presidium] = await Promise.all([
        suggestions.get(user, id),
        services.units.options(user),
        services.units.presidiumOptions(user),
      ]);
      const locals = {
        ...{ user, s, units, presidium, rules: RULES, actionPaths, actionDefs: ACTIONS, eventLabel },
        errors: extra.errors ?? {},
        values: extra.values ?? {},
        openAction: extra.openAction ?? '',
        actionError: extra.actionError ?? '',
      };
      return { title: s.title, body: await renderView(req, 'suggestions/show', locals, { forms: true }) };
    };
    // Opened again after each action's form, by the deputy checking on it, by staff going through a
    // list: kept per reader and minute until a record changes (its buttons depend on both).
    if (status !== 200) return sendPage(res, await render(), status);
    const { key, previousKey } = suggestions.listKeys('html-detail', user, { id });
    sendPage(res, await cachedPage(services.db, key, 'records', 60_000, render, previousKey));
  }

  async function renderForm(
    req: Request,
    res: Response,
    status: number,
    locals: { s?: { id: number; version: number; title: string } | null; values: unknown; errors: FieldErrors; opinion?: unknown },
  ) {
    const user = req.user!;
    const newTitle = registersForDeputy(user) ? '代为登记代表建议' : '提出建议';
    const options = await formOptions(req);
    const cosignerFilter = fieldText(req.body, 'cosignerFilter').trim();
    // The co-signer picker: by pinyin (options come sorted), found by name, pinyin or initials.
    const cosigners = options.deputies
      .filter((d) => d.id !== user.deputyId)
      .map((d) => ({ ...d, pinyin: pinyinKeys(d.name), shown: matchesName(d.name, cosignerFilter) }));
    res.status(status).render('suggestions/form', {
      title: locals.s ? `修改建议：${locals.s.title}` : newTitle,
      ...options,
      registersForDeputy: registersForDeputy(user),
      cosigners,
      cosignerFilter,
      s: locals.s ?? null,
      opinion: locals.opinion ?? null,
      values: locals.values,
      errors: locals.errors,
    });
  }

  // ── Lists ──
  router.get('/suggestions', canRead, async (req, res) => {
    await renderList(req, res, suggestionFilterSchema.parse(req.query));
  });

  router.get('/suggestions/export.xlsx', requireRole('STAFF', 'PRESIDIUM', 'UNIT'), async (req, res) => {
    const filter = suggestionFilterSchema.parse(req.query);
    const { total, batches } = await suggestions.ledger(req.user!, filter);
    await streamFile(res, {
      filename: `代表建议台账${filter.year ? `-${filter.year}年` : ''}.xlsx`,
      asciiName: 'suggestions.xlsx',
      type: 'xlsx',
      write: (out) => townshipLedger(out, batches, req.user!.townshipName ?? '', filter.year),
      audit: { action: 'suggestion.export', detail: { rows: total, year: filter.year ?? null } },
    });
  });

  router.get('/suggestions/stats', requireRole('STAFF', 'PRESIDIUM'), async (req, res) => {
    const years = await suggestions.years(req.user!);
    const year = Number(req.query.year) || defaultYear(years, services.now());
    // The township's figures, the same for every office user: rendered once per change and minute.
    const keys = minuteKeys(services.now(), (minute) => `stats-page:${req.user!.townshipId}:${year}:${minute}:${years.join()}`);
    const render = async () => ({
      title: `${year}年代表建议办理统计`,
      body: await renderView(req, 'suggestions/stats', { stats: await services.suggestionStats.forYear(req.user!, year), years, year }),
    });
    sendPage(res, await cachedPage(services.db, keys.key, 'records', 60_000, render, keys.previousKey));
  });

  router.post('/suggestions/bulk-assign', requireRole('STAFF'), async (req, res) => {
    const filter = suggestionFilterSchema.parse({ status: 'ACCEPTED' });
    const again = (errors: FieldErrors) =>
      renderList(req, res, filter, { errors, values: submitted(req.body, ['leadUnitId', 'isComplex'], ['ids', 'assistUnitIds']) });
    const refused = (e: Error) => again({ _form: e.message });
    const form = parseForm(bulkAssignSchema, req.body);
    if (!form.ok) return again(form.errors);
    const done = await orRender(() => suggestions.assignMany(req.user!, form.data), again, refused);
    if (!done) return;
    flash(req, 'success', `已批量交办 ${done.value.length} 件建议：${done.value.join('、')}。`);
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
    const schema = suggestionFormFor(req.user!, 'new');
    // Keep the “from a voter's opinion” banner when the form comes back with errors.
    const opinionId = fieldText(req.body, 'opinionId');
    const opinion = opinionId ? { id: Number(opinionId) } : null;
    const again = (errors: FieldErrors, status = 422) =>
      renderForm(req, res, status, { values: submitted(req.body, fieldsOf(schema), ['coSignerIds']), errors, opinion });
    if (fieldText(req.body, 'intent') === 'filter') return again({}, 200);
    const form = parseForm(schema, req.body);
    if (!form.ok) return again(form.errors);
    const created = await orRender(() => suggestions.create(req.user!, form.data), again);
    if (!created) return;
    flash(req, 'success', form.data.intent === 'submit' ? '建议已提交，等待镇人大工作人员审查。' : '草稿已保存，可以继续修改后再提交。');
    res.redirect(303, `/suggestions/${created.value.id}`);
  });

  // ── One suggestion ──
  router.get('/suggestions/:id', canRead, async (req, res) => {
    await renderShow(req, res, parseId(req.params.id));
  });

  router.get('/suggestions/:id/print', requireRole('STAFF', 'PRESIDIUM', 'UNIT', 'DEPUTY'), async (req, res) => {
    const s = await suggestions.get(req.user!, parseId(req.params.id));
    await services.audit.record(req.user!, { action: 'suggestion.print', entity: 'Suggestion', entityId: s.id });
    res.render('suggestions/print', { title: `代表建议办理单 ${s.code}`, s, eventLabel });
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
    const schema = suggestionFormFor(req.user!, 'edit');
    const again = (errors: FieldErrors, status = 422) =>
      renderForm(req, res, status, { s, values: submitted(req.body, fieldsOf(schema), ['coSignerIds']), errors });
    if (fieldText(req.body, 'intent') === 'filter') return again({}, 200);
    const form = parseForm(schema, req.body);
    if (!form.ok) return again(form.errors);
    if (!(await orRender(() => suggestions.updateDraft(req.user!, id, form.data, version), again))) return;
    flash(req, 'success', form.data.intent === 'submit' ? '建议已提交。' : '草稿已保存。');
    res.redirect(303, `/suggestions/${id}`);
  });

  // ── Workflow actions: POST /suggestions/:id/<path>, one route per action ──
  function actionRoute<A extends ActionName>(action: A) {
    const path = actionPaths[action];
    const schema = actionSchemas[action];
    router.post(`/suggestions/:id/${path}`, requireRole(...rolesFor(action)), async (req, res) => {
      const id = parseId(req.params.id);
      const { version } = versionSchema.parse(req.body);
      const again = (errors: FieldErrors) =>
        renderShow(req, res, id, 422, { errors, values: submitted(req.body, fieldsOf(schema)), openAction: action });
      const refused = (e: { status: number; message: string }) => renderShow(req, res, id, e.status, { actionError: e.message });
      const form = parseForm(schema, req.body);
      if (!form.ok) return again(form.errors);
      const input: ActionInput[A] = form.data;
      const done = await orRender(() => suggestions.fire(req.user!, id, action, input, version), again, refused);
      if (!done) return;
      flash(req, 'success', done.value.message);
      res.redirect(303, `/suggestions/${id}`);
    });
  }
  for (const action of Object.keys(actionPaths) as ActionName[]) actionRoute(action);

  return router;
}
