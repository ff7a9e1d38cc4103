import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { parseId } from '../../lib/forms.js';
import { ActivityKind } from '../../generated/prisma/enums.js';

const filterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  kind: z.enum(ActivityKind).optional().catch(undefined),
});

export function activitiesRoutes(services: Services): Router {
  const router = Router();
  const canRead = requireRole('STAFF', 'PRESIDIUM', 'DEPUTY');

  router.get('/activities', canRead, async (req, res) => {
    const filter = filterSchema.parse(req.query);
    const [result, years] = await Promise.all([services.activities.list(req.user!, filter), services.activities.years(req.user!)]);
    res.render('activities/index', { title: '代表活动', ...result, years, filter });
  });

  router.get('/activities/:id', canRead, async (req, res) => {
    const activity = await services.activities.get(req.user!, parseId(req.params.id));
    res.render('activities/show', { title: activity.title, activity });
  });

  return router;
}
