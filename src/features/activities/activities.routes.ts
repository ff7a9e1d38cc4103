import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { parseForm, parseId, type FieldErrors } from '../../lib/forms.js';
import { orRender, submitted } from '../../lib/form-flow.js';
import { defaultYear, openingYear } from '../../lib/years.js';
import { byVillage } from '../../lib/by-village.js';
import { activityFilterSchema, activityFormSchema, attendanceFormSchema, statsFilterSchema } from './activities.schemas.js';
import { canManageActivities } from './activities.policy.js';

const ACTIVITY_FIELDS = [
  'kind',
  'title',
  'date',
  'endDate',
  'place',
  'organiser',
  'description',
  'stationId',
  'projectId',
  'findings',
] as const;

export function activitiesRoutes(services: Services): Router {
  const router = Router();
  const { activities } = services;
  const canRead = requireRole('STAFF', 'PRESIDIUM', 'DEPUTY');
  const staff = requireRole('STAFF');

  const renderForm = async (
    req: Request,
    res: Response,
    status: number,
    locals: { activity?: { id: number; title: string }; values: Record<string, unknown>; errors: FieldErrors },
  ) => {
    const [stationOptions, projectOptions] = await Promise.all([
      services.stations.options(req.user!),
      services.db.livelihoodProject.findMany({
        where: { townshipId: req.user!.townshipId },
        select: { id: true, name: true, year: true },
        orderBy: [{ year: 'desc' }, { name: 'asc' }],
      }),
    ]);
    res.status(status).render('activities/form', {
      title: locals.activity ? `编辑活动：${locals.activity.title}` : '登记代表活动',
      stationOptions,
      projectOptions,
      ...locals,
      activity: locals.activity ?? null,
    });
  };

  router.get('/activities', canRead, async (req, res) => {
    const years = await activities.years(req.user!);
    const filter = { ...activityFilterSchema.parse(req.query), ...openingYear(req, years, services.now()) };
    const result = await activities.list(req.user!, filter);
    res.render('activities/index', { title: '代表活动', ...result, years, filter });
  });

  router.get('/activities/new', staff, async (req, res) => {
    await renderForm(req, res, 200, { values: { kind: 'STUDY', organiser: '镇人大主席团' }, errors: {} });
  });

  router.post('/activities', staff, async (req, res) => {
    const values = submitted(req.body, ACTIVITY_FIELDS);
    const form = parseForm(activityFormSchema, req.body);
    if (!form.ok) return renderForm(req, res, 422, { values, errors: form.errors });
    let id = 0;
    const ok = await orRender(
      async () => (id = (await activities.create(req.user!, form.data)).id),
      (errors) => renderForm(req, res, 422, { values, errors }),
    );
    if (!ok) return;
    flash(req, 'success', '活动已登记，请标记参加的代表。');
    res.redirect(303, `/activities/${id}/attendance`);
  });

  /** 人次 statistics: per kind, per month and per deputy. */
  router.get('/activities/stats', canRead, async (req, res) => {
    const years = await activities.years(req.user!);
    const filter = statsFilterSchema.parse(req.query);
    const year = filter.year ?? defaultYear(years, services.now());
    const stats = await activities.personTimes(req.user!, { year });
    res.render('activities/stats', { title: `${year}年代表活动人次统计`, stats, years, year });
  });

  router.get('/activities/:id', canRead, async (req, res) => {
    const activity = await activities.get(req.user!, parseId(req.params.id));
    res.render('activities/show', { title: activity.title, activity, canManage: canManageActivities(req.user!) });
  });

  router.get('/activities/:id/edit', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const activity = await activities.get(req.user!, id);
    await renderForm(req, res, 200, { activity, values: await activities.formValues(req.user!, id), errors: {} });
  });

  router.post('/activities/:id', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const activity = await activities.get(req.user!, id);
    const values = submitted(req.body, ACTIVITY_FIELDS);
    const form = parseForm(activityFormSchema, req.body);
    if (!form.ok) return renderForm(req, res, 422, { activity, values, errors: form.errors });
    const ok = await orRender(
      () => activities.update(req.user!, id, form.data),
      (errors) => renderForm(req, res, 422, { activity, values, errors }),
    );
    if (!ok) return;
    flash(req, 'success', '活动信息已保存。');
    res.redirect(303, `/activities/${id}`);
  });

  const renderAttendance = async (
    req: Request,
    res: Response,
    status: number,
    id: number,
    values?: { deputyIds: string[]; otherAttendees: string },
    errors: FieldErrors = {},
  ) => {
    const activity = await activities.get(req.user!, id);
    const options = await activities.attendanceOptions(req.user!, id);
    res.status(status).render('activities/attendance', {
      title: `参加代表：${activity.title}`,
      activity,
      groups: byVillage(options.deputies),
      values: values ?? { deputyIds: options.selected, otherAttendees: String(options.otherAttendees) },
      errors,
    });
  };

  router.get('/activities/:id/attendance', staff, async (req, res) => {
    await renderAttendance(req, res, 200, parseId(req.params.id));
  });

  router.post('/activities/:id/attendance', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const values = submitted(req.body, ['otherAttendees'], ['deputyIds']) as { deputyIds: string[]; otherAttendees: string };
    const form = parseForm(attendanceFormSchema, req.body);
    if (!form.ok) return renderAttendance(req, res, 422, id, values, form.errors);
    let total = 0;
    const ok = await orRender(
      async () => (total = await activities.setAttendance(req.user!, id, form.data)),
      (errors) => renderAttendance(req, res, 422, id, values, errors),
    );
    if (!ok) return;
    flash(req, 'success', `参加情况已保存：共${total}人次。`);
    res.redirect(303, `/activities/${id}`);
  });

  return router;
}
