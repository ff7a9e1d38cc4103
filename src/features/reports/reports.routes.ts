import { Router } from 'express';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';

export function reportsRoutes(services: Services): Router {
  const router = Router();
  router.get('/reports', requireRole('STAFF', 'PRESIDIUM'), async (req, res) => {
    const rows = await services.reports.overview(req.user!);
    res.render('reports/index', { title: '人大工作报告', rows });
  });
  return router;
}
