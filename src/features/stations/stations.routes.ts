import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { DOMAIN_ROLES, requireRole } from '../../middleware/require-role.js';
import { parseId } from '../../lib/forms.js';
import { StationTier } from '../../generated/prisma/enums.js';

const filterSchema = z.object({ tier: z.enum(StationTier).optional().catch(undefined) });

export function stationsRoutes(services: Services): Router {
  const router = Router();
  const canRead = requireRole(...DOMAIN_ROLES);

  router.get('/stations', canRead, async (req, res) => {
    const filter = filterSchema.parse(req.query);
    const stations = await services.stations.list(req.user!, filter);
    res.render('stations/index', { title: '代表联络站', stations, filter });
  });

  router.get('/stations/:id', canRead, async (req, res) => {
    const station = await services.stations.get(req.user!, parseId(req.params.id));
    res.render('stations/show', { title: station.name, station });
  });

  return router;
}
