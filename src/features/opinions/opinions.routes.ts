/** The deputy's queue of opinions sent through the codes, and the steps only code opinions have. */
import { Router } from 'express';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { parseForm, parseId } from '../../lib/forms.js';
import { escalateSchema } from './opinions.schemas.js';

export function opinionsRoutes(services: Services): Router {
  const router = Router();
  const { opinions } = services;

  router.get('/me/opinions', requireRole('DEPUTY'), async (req, res) => {
    const list = await opinions.queue(req.user!);
    res.render('opinions/queue', { title: '选民扫码反映', opinions: list });
  });

  router.post('/opinions/:id/escalate', requireRole('DEPUTY'), async (req, res) => {
    const id = parseId(req.params.id);
    const form = parseForm(escalateSchema, req.body);
    await opinions.escalate(req.user!, id, form.ok ? form.data.note : '');
    flash(req, 'success', '已转交镇人大主席团，工作人员会转有关部门办理。');
    res.redirect(303, `/opinions/${id}`);
  });

  router.post('/opinions/:id/spam', requireRole('STAFF'), async (req, res) => {
    const id = parseId(req.params.id);
    const undo = (req.body as Record<string, unknown>).undo === '1';
    await opinions.markSpam(req.user!, id, !undo);
    flash(req, 'success', undo ? '已撤销无效标记。' : '已标记为无效信息，不再出现在代表的待办中。');
    res.redirect(303, `/opinions/${id}`);
  });

  return router;
}
