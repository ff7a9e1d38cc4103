import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';

const filterSchema = z.object({
  action: z.string().trim().max(50).catch(''),
  page: z.coerce.number().int().min(1).catch(1),
});

export function auditRoutes(services: Services): Router {
  const router = Router();
  router.get('/audit', requireRole('AUDITOR'), async (req, res) => {
    const filter = filterSchema.parse(req.query);
    const page = await services.audit.list(req.user!, filter);
    res.render('audit/index', { title: '操作日志', page, filter });
  });
  return router;
}
