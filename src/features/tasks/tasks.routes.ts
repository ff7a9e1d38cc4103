import { Router } from 'express';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { NotFoundError } from '../../errors.js';

export function tasksRoutes(services: Services): Router {
  const router = Router();
  const deputies = requireRole('DEPUTY', 'PRESIDIUM');

  router.get('/me/tasks', deputies, async (req, res) => {
    const tasks = await services.tasks.mine(req.user!);
    res.render('tasks/mine', { title: '我的监督任务', tasks });
  });

  /** 我的履职: a deputy's own record. */
  router.get('/me', deputies, (req, res) => {
    if (!req.user!.deputyId) throw new NotFoundError('您的账号没有关联代表信息，请联系工作人员。');
    res.redirect(303, `/deputies/${req.user!.deputyId}`);
  });

  return router;
}
