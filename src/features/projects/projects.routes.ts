import { Router, type Request, type Response } from 'express';
import { openingYear } from '../../lib/years.js';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { DOMAIN_ROLES, requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { date, parseForm, parseId, type FieldErrors } from '../../lib/forms.js';
import { toDateInput } from '../../lib/format.js';
import { orRender, submitted } from '../../lib/form-flow.js';
import { ConflictError } from '../../errors.js';
import { ProjectPhase } from '../../generated/prisma/enums.js';
import {
  byId,
  inspectionSchema,
  milestoneSchema,
  progressSchema,
  projectFormSchema,
  shortlistSchema,
  teamSchema,
  type ProgressForm,
} from './projects.schemas.js';
import { canManageProjects, canRecordInspection, canRecordProgress, canShortlist } from './projects.policy.js';
import { sessionsRoutes } from './sessions.routes.js';

const filterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  phase: z.enum(ProjectPhase).optional().catch(undefined),
});

/** Only candidates before the vote are edited; the phase and the status never change through this form. */
function editable<P extends { phase: string }>(p: P): P {
  if (p.phase !== 'COLLECTED' && p.phase !== 'SHORTLISTED')
    throw new ConflictError('项目已经票决，不能再修改项目内容；实施情况请通过“更新进度”记录。');
  return p;
}

const PROJECT_FIELDS = [
  'year',
  'name',
  'description',
  'location',
  'responsibleUnitId',
  'budgetYuan',
  'source',
  'plannedStart',
  'plannedEnd',
  'sessionId',
  'outcomeLabel',
  'outcomeUnit',
  'outcomePlanned',
] as const;
const FORM_FIELDS: Record<string, readonly string[]> = {
  progress: ['date', 'percent', 'spentYuan', 'status', 'note'],
  inspection: ['date', 'place', 'participantIds', 'otherAttendees', 'findings', 'followUp'],
  milestone: ['title', 'dueDate', 'doneOn'],
  team: ['followerId', 'supervisorIds'],
  shortlist: ['sessionId'],
};
/** Fields that hold several values (checkboxes): always kept as lists, even when one value or none came back. */
const LIST_FIELDS = new Set(['participantIds', 'supervisorIds']);

export function projectsRoutes(services: Services): Router {
  const router = Router();
  const { projects } = services;
  const canRead = requireRole(...DOMAIN_ROLES);
  const staff = requireRole('STAFF');
  const office = requireRole('STAFF', 'PRESIDIUM');

  const renderForm = async (
    req: Request,
    res: Response,
    status: number,
    values: unknown,
    errors: FieldErrors,
    project?: { id: number; name: string },
  ) =>
    res.status(status).render('projects/form', {
      title: project ? `编辑候选项目：${project.name}` : '录入候选项目',
      project: project ?? null,
      options: await projects.formOptions(req.user!),
      values,
      errors,
    });

  /** The project page, with the forms this user may use; `failed` names the form that had errors. */
  const renderShow = async (
    req: Request,
    res: Response,
    id: number,
    status = 200,
    failed = '',
    errors: FieldErrors = {},
    values: unknown = {},
  ) => {
    const user = req.user!;
    const project = await projects.get(user, id);
    const can = {
      edit: canManageProjects(user) && ['COLLECTED', 'SHORTLISTED'].includes(project.phase),
      shortlist: canShortlist(user) && ['COLLECTED', 'SHORTLISTED'].includes(project.phase),
      team: canManageProjects(user) && project.phase === 'PASSED',
      progress: canRecordProgress(user, project) && project.phase === 'PASSED',
      inspection: canRecordInspection(user) && project.phase === 'PASSED',
    };
    const anyForm = can.shortlist || can.team || can.progress || can.inspection;
    res.status(status).render('projects/show', {
      title: project.name,
      project,
      can,
      options: anyForm ? await projects.formOptions(user) : null,
      failed,
      errors,
      values,
      today: toDateInput(services.now()),
    });
  };

  router.get('/projects', canRead, async (req, res) => {
    const years = await projects.years(req.user!);
    const filter = { ...filterSchema.parse(req.query), ...openingYear(req, years, services.now()) };
    const list = await projects.list(req.user!, filter);
    res.render('projects/index', { title: '民生实事项目', projects: list, years, filter, canCreate: canManageProjects(req.user!) });
  });

  router.get('/projects/new', staff, async (req, res) => {
    await renderForm(req, res, 200, { year: String(new Date(services.now()).getFullYear() + 1), source: 'GOVERNMENT' }, {});
  });

  router.post('/projects', staff, async (req, res) => {
    const form = parseForm(projectFormSchema, req.body);
    const again = (errors: FieldErrors) => renderForm(req, res, 422, submitted(req.body, PROJECT_FIELDS), errors);
    if (!form.ok) return again(form.errors);
    let id = 0;
    if (!(await orRender(async () => (id = (await projects.create(req.user!, form.data)).id), again))) return;
    flash(req, 'success', `已录入候选项目“${form.data.name}”。`);
    res.redirect(303, `/projects/${id}`);
  });

  router.get('/projects/:id', canRead, async (req, res) => {
    await renderShow(req, res, parseId(req.params.id));
  });

  router.get('/projects/:id/edit', staff, async (req, res) => {
    const p = editable(await projects.get(req.user!, parseId(req.params.id)));
    const values = {
      year: String(p.year),
      name: p.name,
      description: p.description,
      location: p.location,
      responsibleUnitId: p.responsibleUnitId ? String(p.responsibleUnitId) : '',
      budgetYuan: (p.budgetYuan / 10000).toString(),
      source: p.source,
      plannedStart: toDateInput(p.plannedStart),
      plannedEnd: toDateInput(p.plannedEnd),
      sessionId: p.sessionId ? String(p.sessionId) : '',
      outcomeLabel: p.outcomes.map((o) => o.label),
      outcomeUnit: p.outcomes.map((o) => o.unit),
      outcomePlanned: p.outcomes.map((o) => String(o.planned)),
    };
    await renderForm(req, res, 200, values, {}, p);
  });

  router.post('/projects/:id', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const p = editable(await projects.get(req.user!, id));
    const form = parseForm(projectFormSchema, req.body);
    const again = (errors: FieldErrors) => renderForm(req, res, 422, submitted(req.body, PROJECT_FIELDS), errors, p);
    if (!form.ok) return again(form.errors);
    if (!(await orRender(() => projects.update(req.user!, id, form.data), again))) return;
    flash(req, 'success', '候选项目已保存。');
    res.redirect(303, `/projects/${id}`);
  });

  /** One action of the project page: parse → service → redirect, or 422 with the page and the form's errors. */
  const action =
    (name: string, run: (req: Request, id: number) => Promise<{ ok: false; errors: FieldErrors } | { ok: true; message: string }>) =>
    async (req: Request, res: Response) => {
      const id = parseId(req.params.id);
      const fields = FORM_FIELDS[name] ?? [];
      const values = () =>
        submitted(
          req.body,
          fields.filter((f) => !LIST_FIELDS.has(f)),
          fields.filter((f) => LIST_FIELDS.has(f)),
        );
      const again = (errors: FieldErrors) => renderShow(req, res, id, 422, name, errors, values());
      let result: Awaited<ReturnType<typeof run>> | undefined;
      if (!(await orRender(async () => (result = await run(req, id)), again))) return;
      if (!result!.ok) return again(result!.errors);
      flash(req, 'success', result!.message);
      res.redirect(303, `/projects/${id}`);
    };

  router.post(
    '/projects/:id/shortlist',
    office,
    action('shortlist', async (req, id) => {
      const form = parseForm(shortlistSchema, req.body);
      if (!form.ok) return form;
      await projects.shortlist(req.user!, id, form.data.sessionId);
      return { ok: true, message: '已初定为候选项目，提交会议票决。' };
    }),
  );

  router.post(
    '/projects/:id/withdraw',
    office,
    action('withdraw', async (req, id) => {
      await projects.withdraw(req.user!, id);
      return { ok: true, message: '候选项目已撤回。' };
    }),
  );

  router.post(
    '/projects/:id/team',
    staff,
    action('team', async (req, id) => {
      const form = parseForm(teamSchema, req.body);
      if (!form.ok) return form;
      await projects.setTeam(req.user!, id, form.data);
      return { ok: true, message: '联系人和监督代表已保存。' };
    }),
  );

  router.post(
    '/projects/:id/milestones',
    requireRole('STAFF', 'PRESIDIUM', 'UNIT'),
    action('milestone', async (req, id) => {
      const form = parseForm(milestoneSchema, req.body);
      if (!form.ok) return form;
      await projects.addMilestone(req.user!, id, form.data);
      return { ok: true, message: '已添加实施节点。' };
    }),
  );

  router.post(
    '/projects/:id/milestones/:mid/done',
    requireRole('STAFF', 'PRESIDIUM', 'UNIT'),
    action('milestoneDone', async (req, id) => {
      const form = parseForm(z.object({ doneOn: date('完成日期') }), req.body);
      if (!form.ok) return form;
      await projects.completeMilestone(req.user!, id, parseId(req.params.mid), form.data.doneOn);
      return { ok: true, message: '节点已标记为完成。' };
    }),
  );

  router.post(
    '/projects/:id/progress',
    requireRole('STAFF', 'PRESIDIUM', 'UNIT'),
    action('progress', async (req, id) => {
      const form = parseForm(progressSchema, req.body);
      const achieved: Record<number, number> = {};
      const errors: FieldErrors = form.ok ? {} : { ...form.errors };
      for (const [outcomeId, v] of byId(req.body, 'achieved')) {
        if (v === '') continue;
        if (/^\d{1,9}$/.test(v)) achieved[outcomeId] = Number(v);
        else errors[`achieved_${outcomeId}`] = '完成数量应为不小于0的整数';
      }
      if (!form.ok || Object.keys(errors).length) return { ok: false, errors };
      const data: ProgressForm = { ...form.data, percent: form.data.percent, achieved };
      await projects.addProgress(req.user!, id, data);
      return { ok: true, message: '已记录实施进度。' };
    }),
  );

  router.post(
    '/projects/:id/inspections',
    office,
    action('inspection', async (req, id) => {
      const form = parseForm(inspectionSchema, req.body);
      if (!form.ok) return form;
      await projects.addInspection(req.user!, id, form.data);
      return { ok: true, message: '已登记视察，参加的代表计入代表活动人次。' };
    }),
  );

  router.use(sessionsRoutes(services));
  return router;
}
