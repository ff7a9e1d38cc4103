import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { parseForm, parseId, type FieldErrors } from '../../lib/forms.js';
import { parseBallot, parsePaper, votingSettingsSchema } from './projects.schemas.js';
import { canManageVoting } from './projects.policy.js';
import { orRender, submitted } from '../../lib/form-flow.js';

/** 票决 at a congress session: the staff's page, the deputies' ballot, the results, the printed list. */
export function sessionsRoutes(services: Services): Router {
  const router = Router();
  const { voting } = services;
  const staff = requireRole('STAFF');
  const office = requireRole('STAFF', 'PRESIDIUM');
  const voters = requireRole('DEPUTY', 'PRESIDIUM');
  const readers = requireRole('STAFF', 'PRESIDIUM', 'DEPUTY');

  const renderSession = async (
    req: Request,
    res: Response,
    id: number,
    status = 200,
    failed = '',
    errors: FieldErrors = {},
    values: Record<string, unknown> = {},
  ) => {
    const data = await voting.overview(req.user!, id);
    res
      .status(status)
      .render('sessions/show', { title: data.name, ...data, canManage: canManageVoting(req.user!), failed, errors, values });
  };

  const renderBallot = async (
    req: Request,
    res: Response,
    id: number,
    status = 200,
    errors: FieldErrors = {},
    values: Record<string, unknown> = {},
  ) => {
    const data = await voting.ballot(req.user!, id);
    res.status(status).render('sessions/vote', { title: `票决：${data.name}`, ...data, errors, values });
  };

  router.get('/sessions', readers, async (req, res) => {
    const sessions = await voting.sessions(req.user!);
    res.render('sessions/index', { title: '会议票决', sessions, canManage: canManageVoting(req.user!) });
  });

  router.get('/sessions/:id', office, async (req, res) => {
    await renderSession(req, res, parseId(req.params.id));
  });

  router.post('/sessions/:id/settings', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const again = (errors: FieldErrors) =>
      renderSession(req, res, id, 422, 'settings', errors, submitted(req.body, ['votingRule', 'presentCount']));
    const form = parseForm(votingSettingsSchema, req.body);
    if (!form.ok) return again(form.errors);
    if (!(await orRender(() => voting.updateSettings(req.user!, id, form.data), again))) return;
    flash(req, 'success', '票决规则已保存。');
    res.redirect(303, `/sessions/${id}`);
  });

  router.post('/sessions/:id/open', staff, async (req, res) => {
    const id = parseId(req.params.id);
    await voting.open(req.user!, id);
    flash(req, 'success', '票决已开始，代表现在可以在网上投票。');
    res.redirect(303, `/sessions/${id}`);
  });

  router.post('/sessions/:id/close', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const r = await voting.close(req.user!, id);
    flash(req, 'success', `票决已结束，结果已锁定：${r.passed}个项目通过，${r.rejected}个项目未通过。`);
    res.redirect(303, `/sessions/${id}/results`);
  });

  router.post('/sessions/:id/tallies', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const { rows } = await voting.overview(req.user!, id);
    const fields = rows.flatMap((r) => ['for', 'against', 'abstain'].map((k) => `${k}_${r.project.id}`));
    const again = (errors: FieldErrors) => renderSession(req, res, id, 422, 'paper', errors, submitted(req.body, fields));
    const form = parsePaper(
      req.body,
      rows.map((r) => r.project.id),
    );
    if (!form.ok) return again(form.errors);
    if (!(await orRender(() => voting.recordPaper(req.user!, id, form.entries), again))) return;
    flash(req, 'success', '纸质选票计票结果已录入。');
    res.redirect(303, `/sessions/${id}`);
  });

  router.get('/sessions/:id/vote', voters, async (req, res) => {
    await renderBallot(req, res, parseId(req.params.id));
  });

  router.post('/sessions/:id/ballots', voters, async (req, res) => {
    const id = parseId(req.params.id);
    const values = Object.fromEntries(
      Object.entries((req.body ?? {}) as Record<string, unknown>).filter(
        ([k, v]) => /^(choice|rating)_\d{1,9}$/.test(k) && typeof v === 'string',
      ),
    );
    const again = (errors: FieldErrors) => renderBallot(req, res, id, 422, errors, values);
    const ballot = parseBallot(req.body);
    if (!ballot.ok) return again(ballot.errors);
    if (!(await orRender(() => voting.castBallot(req.user!, id, ballot), again))) return;
    flash(req, 'success', '您的选票已提交，感谢您参加票决。');
    res.redirect(303, `/sessions/${id}/vote`);
  });

  router.get('/sessions/:id/results', readers, async (req, res) => {
    const data = await voting.results(req.user!, parseId(req.params.id));
    res.render('sessions/results', { title: `票决结果：${data.name}`, ...data });
  });

  router.get('/sessions/:id/print', office, async (req, res) => {
    const id = parseId(req.params.id);
    const data = await voting.printList(req.user!, id);
    await services.audit.record(req.user!, { action: 'session.print', entity: 'CongressSession', entityId: id });
    res.render('sessions/print', { title: `候选项目名单：${data.name}`, ...data });
  });

  return router;
}
