import { Router } from 'express';
import type { Services } from '../../services.js';
import { DOMAIN_ROLES, requireRole } from '../../middleware/require-role.js';
import { parseId } from '../../lib/forms.js';
import { suggestionFilterSchema } from './suggestions.schemas.js';

export function suggestionsRoutes(services: Services): Router {
  const router = Router();
  const canRead = requireRole(...DOMAIN_ROLES);

  router.get('/suggestions', canRead, async (req, res) => {
    const filter = suggestionFilterSchema.parse(req.query);
    const [page, years, counts] = await Promise.all([
      services.suggestions.list(req.user!, filter),
      services.suggestions.years(req.user!),
      services.suggestions.countByStatus(req.user!, filter.year ? { year: filter.year } : {}),
    ]);
    res.render('suggestions/index', { title: '代表建议', page, filter, years, counts });
  });

  router.get('/suggestions/:id', canRead, async (req, res) => {
    const suggestion = await services.suggestions.get(req.user!, parseId(req.params.id));
    res.render('suggestions/show', { title: suggestion.title, s: suggestion });
  });

  return router;
}
