import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { DOMAIN_ROLES, requireRole } from '../../middleware/require-role.js';
import { parseId } from '../../lib/forms.js';
import { ProjectPhase } from '../../generated/prisma/enums.js';

const filterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  phase: z.enum(ProjectPhase).optional().catch(undefined),
});

export function projectsRoutes(services: Services): Router {
  const router = Router();
  const canRead = requireRole(...DOMAIN_ROLES);

  router.get('/projects', canRead, async (req, res) => {
    const filter = filterSchema.parse(req.query);
    const [projects, years] = await Promise.all([services.projects.list(req.user!, filter), services.projects.years(req.user!)]);
    res.render('projects/index', { title: '民生实事项目', projects, years, filter });
  });

  router.get('/projects/:id', canRead, async (req, res) => {
    const project = await services.projects.get(req.user!, parseId(req.params.id));
    res.render('projects/show', { title: project.name, project });
  });

  return router;
}
