import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { Services } from '../../services.js';
import type { CurrentUser } from '../../auth/current-user.js';
import { requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { parseForm, parseId, type FieldErrors } from '../../lib/forms.js';
import { orRender, submitted } from '../../lib/form-flow.js';
import { toDateInput } from '../../lib/format.js';
import { NotFoundError } from '../../errors.js';
import { cachedPage, renderView, sendPage } from '../../lib/cached.js';
import { approveSchema, returnSchema, taskFilterSchema, taskFormSchema, taskProgressSchema, taskReportSchema } from './tasks.schemas.js';

const TASK_FIELDS = ['kind', 'title', 'description', 'dueDate', 'deputyIds', 'projectId', 'suggestionId', 'stationId'] as const;
const FORM_FIELDS: Record<string, readonly string[]> = {
  progress: ['note'],
  report: ['reportText', 'reportDate', 'findings'],
  review: ['reviewNote', 'assignmentId'],
};

export function tasksRoutes(services: Services): Router {
  const router = Router();
  const { tasks } = services;
  const deputies = requireRole('DEPUTY', 'PRESIDIUM');
  const office = requireRole('STAFF', 'PRESIDIUM');
  const involved = requireRole('STAFF', 'PRESIDIUM', 'DEPUTY');

  const renderForm = async (req: Request, res: Response, status: number, values: unknown, errors: FieldErrors) =>
    res.status(status).render('tasks/form', { title: '安排监督任务', options: await tasks.formOptions(req.user!), values, errors });

  const renderShow = async (
    req: Request,
    res: Response,
    id: number,
    status = 200,
    failed = '',
    errors: FieldErrors = {},
    values: Record<string, unknown> = {},
  ) => {
    const data = await tasks.get(req.user!, id);
    res
      .status(status)
      .render('tasks/show', { title: data.task.title, ...data, failed, errors, values, today: toDateInput(services.now()) });
  };

  router.get('/me/tasks', deputies, async (req, res) => {
    const user = req.user!;
    // Kept like the tasks themselves (tasks.mine): per deputy and minute until a record changes.
    const minute = Math.floor(services.now().getTime() / 60_000);
    const key = `tasks-mine-page:${user.townshipId}:${user.deputyId}:${minute}`;
    const page = await cachedPage(services.db, key, 'records', 60_000, async () => {
      const body = await renderView(req, 'tasks/mine', { tasks: await tasks.mine(user) }, { forms: true });
      return { title: '我的监督任务', body };
    });
    sendPage(res, page);
  });

  /** 我的履职: a deputy's own record. */
  router.get('/me', deputies, (req, res) => {
    if (!req.user!.deputyId) throw new NotFoundError('您的账号没有关联代表信息，请联系工作人员。');
    res.redirect(303, `/deputies/${req.user!.deputyId}`);
  });

  router.get('/tasks', office, async (req, res) => {
    const filter = taskFilterSchema.parse(req.query);
    const list = await tasks.list(req.user!, filter);
    res.render('tasks/index', { title: '监督任务', tasks: list, filter });
  });

  router.get('/tasks/deputies', office, async (req, res) => {
    const rows = await tasks.byDeputy(req.user!);
    res.render('tasks/by-deputy', { title: '代表任务完成情况', rows });
  });

  router.get('/tasks/new', office, async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const projectId = typeof q.projectId === 'string' && /^\d{1,9}$/.test(q.projectId) ? q.projectId : '';
    await renderForm(req, res, 200, { kind: projectId ? 'INSPECT_PROJECT' : '', projectId, deputyIds: [] }, {});
  });

  router.post('/tasks', office, async (req, res) => {
    const form = parseForm(taskFormSchema, req.body);
    const again = (errors: FieldErrors) => renderForm(req, res, 422, submitted(req.body, TASK_FIELDS), errors);
    if (!form.ok) return again(form.errors);
    let id = 0;
    if (!(await orRender(async () => (id = (await tasks.create(req.user!, form.data)).id), again))) return;
    flash(req, 'success', `已发布监督任务“${form.data.title}”，并通知了被指派的代表。`);
    res.redirect(303, `/tasks/${id}`);
  });

  router.get('/tasks/:id', involved, async (req, res) => {
    await renderShow(req, res, parseId(req.params.id));
  });

  /** One step of a task: parse the form (if any) → service → back to the task, or 422 with the errors. */
  const step =
    <S extends z.ZodType>(
      name: string,
      schema: S | null,
      run: (user: CurrentUser, id: number, data: z.output<S>, req: Request) => Promise<unknown>,
      message: string,
    ) =>
    async (req: Request, res: Response) => {
      const id = parseId(req.params.id);
      const again = (errors: FieldErrors) => renderShow(req, res, id, 422, name, errors, submitted(req.body, FORM_FIELDS[name] ?? []));
      let data = undefined as z.output<S>;
      if (schema) {
        const form = parseForm(schema, req.body);
        if (!form.ok) return again(form.errors);
        data = form.data;
      }
      if (!(await orRender(() => run(req.user!, id, data, req), again))) return;
      flash(req, 'success', message);
      res.redirect(303, `/tasks/${id}`);
    };

  router.post(
    '/tasks/:id/accept',
    deputies,
    step('accept', null, (u, id) => tasks.accept(u, id), '您已接受该任务。'),
  );
  router.post(
    '/tasks/:id/progress',
    deputies,
    step('progress', taskProgressSchema, (u, id, d) => tasks.recordProgress(u, id, d.note), '已记录任务进展。'),
  );
  router.post(
    '/tasks/:id/report',
    deputies,
    step('report', taskReportSchema, (u, id, d) => tasks.submitReport(u, id, d), '报告已提交，等待审核。'),
  );
  router.post(
    '/tasks/:id/assignments/:aid/approve',
    office,
    step(
      'review',
      approveSchema,
      (u, id, d, req) => tasks.approve(u, id, parseId(req.params.aid), d.reviewNote),
      '报告已审核通过，该代表的任务完成。',
    ),
  );
  router.post(
    '/tasks/:id/assignments/:aid/return',
    office,
    step(
      'review',
      returnSchema,
      (u, id, d, req) => tasks.returnReport(u, id, parseId(req.params.aid), d.reviewNote),
      '报告已退回，请代表补充后重新提交。',
    ),
  );
  router.post(
    '/tasks/:id/close',
    office,
    step('close', null, (u, id) => tasks.finish(u, id, 'CLOSED'), '任务已关闭。'),
  );
  router.post(
    '/tasks/:id/cancel',
    office,
    step('cancel', null, (u, id) => tasks.finish(u, id, 'CANCELLED'), '任务已撤销。'),
  );

  return router;
}
